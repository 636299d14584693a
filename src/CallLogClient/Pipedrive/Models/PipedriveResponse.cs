namespace CallLogClient.Pipedrive.Models;

/// <summary>The envelope of every Pipedrive response: <c>{success, data, additional_data, error}</c>.</summary>
internal sealed class PipedriveResponse<T>
{
    public bool? Success { get; init; }

    public T? Data { get; init; }

    public PipedriveAdditionalData? AdditionalData { get; init; }

    public string? Error { get; init; }
}

/// <summary>The <c>additional_data</c> block.</summary>
internal sealed class PipedriveAdditionalData
{
    public PipedrivePagination? Pagination { get; init; }
}
