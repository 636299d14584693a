namespace CallLogClient.Sample;

/// <summary>The run's output: one heading per provider, one line per step.</summary>
internal sealed class Report(TextWriter output)
{
    private int step;

    public void Heading(string title, string target)
    {
        step = 0;
        output.WriteLine();
        output.WriteLine($"{title} — {target}");
        output.WriteLine(new string('─', title.Length + target.Length + 3));
    }

    public void Step(string what, string result) => output.WriteLine($"  {++step}. {what,-28} {result}");

    public void Line(string text) => output.WriteLine(text);
}
