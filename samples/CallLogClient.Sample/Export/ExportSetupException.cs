namespace CallLogClient.Sample.Export;

/// <summary>An export that cannot start as asked (a checkpoint that does not fit, an output that cannot be written): one line for stderr, exit code 2.</summary>
internal sealed class ExportSetupException(string message) : Exception(message);
