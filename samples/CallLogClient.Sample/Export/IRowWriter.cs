namespace CallLogClient.Sample.Export;

/// <summary>Writes rows of one file format to the output stream; the caller flushes the stream once per page.</summary>
internal interface IRowWriter<in TRow>
{
    /// <summary>What starts a new file (the CSV header); nothing for JSON Lines.</summary>
    void WriteStart(Stream output);

    void Write(Stream output, TRow row);
}
