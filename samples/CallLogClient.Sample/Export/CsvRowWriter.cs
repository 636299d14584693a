using System.Text;

namespace CallLogClient.Sample.Export;

/// <summary>CSV (RFC 4180), UTF-8 without a byte order mark, a header row of <see cref="IExportRow{TSelf}.Columns"/>.</summary>
internal sealed class CsvRowWriter<TRow> : IRowWriter<TRow>
    where TRow : IExportRow<TRow>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StringBuilder line = new();

    public void WriteStart(Stream output) => WriteRecord(output, TRow.Columns);

    public void Write(Stream output, TRow row) => WriteRecord(output, row.CsvFields());

    private void WriteRecord(Stream output, IEnumerable<string?> fields)
    {
        line.Clear();
        Csv.AppendRecord(line, fields);
        output.Write(Utf8.GetBytes(line.ToString()));
    }
}
