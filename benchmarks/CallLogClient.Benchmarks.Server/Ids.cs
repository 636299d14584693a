using System.Globalization;

namespace CallLogClient.Benchmarks.Server;

/// <summary>The ids the server gives its items, by index; the benchmarks compile this file too, to ask for them.</summary>
internal static class Ids
{
    public static string Pipedrive(int i) => "CAd92b224eb4a39b5ad8fea92" + i.ToString("x4", CultureInfo.InvariantCulture);

    public static string Close(int i) => "acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE7" + i.ToString("D4", CultureInfo.InvariantCulture);
}
