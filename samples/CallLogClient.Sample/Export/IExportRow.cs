using System.Text.Json.Serialization.Metadata;

namespace CallLogClient.Sample.Export;

/// <summary>One exported call log: its CSV columns and values, and its source-generated JSON contract.</summary>
/// <typeparam name="TSelf">The row type.</typeparam>
internal interface IExportRow<TSelf>
    where TSelf : IExportRow<TSelf>
{
    /// <summary>The CSV header, in the order of <see cref="CsvFields"/>; the JSON property names are the same.</summary>
    static abstract IReadOnlyList<string> Columns { get; }

    static abstract JsonTypeInfo<TSelf> JsonTypeInfo { get; }

    string Id { get; }

    /// <summary>The values as CSV text (invariant culture); <see langword="null"/> for an empty field.</summary>
    IEnumerable<string?> CsvFields();
}
