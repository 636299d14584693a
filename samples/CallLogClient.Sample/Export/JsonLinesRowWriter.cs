using System.Text.Json;

namespace CallLogClient.Sample.Export;

/// <summary>JSON Lines: each row one JSON object on its own line (LF), from the source-generated contract.</summary>
internal sealed class JsonLinesRowWriter<TRow> : IRowWriter<TRow>
    where TRow : IExportRow<TRow>
{
    public void WriteStart(Stream output)
    {
    }

    public void Write(Stream output, TRow row)
    {
        JsonSerializer.Serialize(output, row, TRow.JsonTypeInfo);
        output.WriteByte((byte)'\n');
    }
}
