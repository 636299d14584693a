using Spectre.Console;

namespace CallLogClient.Sample;

/// <summary>The run's output as a short report: a rule per provider, then a table of its steps.</summary>
internal sealed class Report(IAnsiConsole console)
{
    private Table? steps;

    public void Heading(string title, string target)
    {
        Flush();
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/] — {Markup.Escape(target)}").LeftJustified());
        steps = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("Step").AddColumn("Result");
    }

    public void Step(string what, string result) =>
        steps?.AddRow(new Text((steps.Rows.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(what), new Text(result));

    public void Line(string text)
    {
        Flush();
        console.WriteLine(text);
    }

    /// <summary>Writes the steps gathered since the last heading.</summary>
    public void Flush()
    {
        if (steps is { Rows.Count: > 0 })
        {
            console.Write(steps);
        }

        steps = null;
    }
}
