using System.Net.Http.Headers;

namespace CallLogClient.Pipedrive;

/// <summary>Audio media types for recordings: checked when given, guessed from the file extension when not.</summary>
internal static class AudioMediaType
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg",
        [".m4a"] = "audio/mp4",
        [".webm"] = "audio/webm",
        [".aac"] = "audio/aac",
        [".flac"] = "audio/flac",
    };

    public static MediaTypeHeaderValue Parse(string contentType, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType, paramName);
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || mediaType.MediaType?.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new ArgumentException($"'{contentType}' is not an audio media type such as audio/mpeg.", paramName);
        }

        return mediaType;
    }

    public static string FromFileName(string filePath, string paramName) =>
        ByExtension.TryGetValue(Path.GetExtension(filePath), out var mediaType)
            ? mediaType
            : throw new ArgumentException(
                $"Cannot tell the audio type of '{Path.GetFileName(filePath)}'; pass contentType.", paramName);
}
