using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Pipedrive.Models;

/// <summary>A Pipedrive error body: <c>{success:false, error, error_info, code}</c> or the 401 form <c>{error, errorCode}</c>.</summary>
internal sealed class PipedriveErrorBody
{
    public string? Error { get; set; }

    [JsonPropertyName("error_info")]
    public string? ErrorInfo { get; set; }

    public string? Code { get; set; }

    [JsonPropertyName("errorCode")]
    public JsonElement? ErrorCode { get; set; }
}
