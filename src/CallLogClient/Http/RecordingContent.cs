using System.Net;
using System.Net.Http.Headers;

namespace CallLogClient.Http;

/// <summary>
/// A <c>multipart/form-data</c> body with one file part, streamed from the caller's stream. The content is never
/// disposed by the client, so the caller's stream stays open; a seekable stream is rewound on every attempt.
/// </summary>
internal static class RecordingContent
{
    public const string PartName = "file";

    public static MultipartFormDataContent Create(Stream audio, string fileName, MediaTypeHeaderValue mediaType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (fileName.Any(c => char.IsControl(c) || c is '"' or '\\' or '/'))
        {
            throw new ArgumentException("The file name must not contain quotes, slashes or control characters.", nameof(fileName));
        }

        if (!audio.CanRead)
        {
            throw new ArgumentException("The audio stream cannot be read.", nameof(audio));
        }

        if (audio.CanSeek && audio.Length - audio.Position <= 0)
        {
            throw new ArgumentException("The audio stream is empty.", nameof(audio));
        }

        var file = new CallerStreamContent(audio);
        file.Headers.ContentType = mediaType;
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = $"\"{PartName}\"",
            FileName = $"\"{fileName}\"",
        };
        if (!fileName.All(char.IsAscii))
        {
            file.Headers.ContentDisposition.FileNameStar = fileName;
        }

        return new MultipartFormDataContent { file };
    }

    /// <summary>
    /// The caller's stream as a part body, never disposed: <see cref="StreamContent"/> disposes a forward-only stream
    /// once it has sent it. A seekable stream is rewound to where it started on every attempt.
    /// </summary>
    private sealed class CallerStreamContent(Stream audio) : HttpContent
    {
        private readonly long start = audio.CanSeek ? audio.Position : 0;
        private bool sent;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            if (audio.CanSeek)
            {
                audio.Position = start;
            }
            else if (sent)
            {
                throw new InvalidOperationException("A forward-only audio stream can be sent only once.");
            }

            sent = true;
            await audio.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = audio.CanSeek ? audio.Length - start : 0;
            return audio.CanSeek;
        }
    }
}
