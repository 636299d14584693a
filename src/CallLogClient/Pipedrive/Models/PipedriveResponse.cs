namespace CallLogClient.Pipedrive.Models;

/// <summary>The envelope of every Pipedrive response: <c>{success, data, additional_data, error}</c>.</summary>
internal sealed class PipedriveResponse<T>
{
    public bool? Success { get; set; }

    public T? Data { get; set; }

    public PipedriveAdditionalData? AdditionalData { get; set; }

    public string? Error { get; set; }
}

/// <summary>The <c>additional_data</c> block.</summary>
internal sealed class PipedriveAdditionalData
{
    public PipedrivePagination? Pagination { get; set; }
}
