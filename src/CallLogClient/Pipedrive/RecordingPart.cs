using System.Net;
using System.Net.Http.Headers;
using Refit;

namespace CallLogClient.Pipedrive;

/// <summary>
/// The audio file of a recording upload, as a part of Refit's multipart body. Its content is written by hand:
/// Refit's <see cref="StreamPart"/> cannot carry media-type parameters (<c>audio/webm; codecs=opus</c>), and this
/// content streams the caller's stream without buffering it, rewinds a seekable one on every attempt, and never
/// disposes it.
/// </summary>
internal sealed class RecordingPart : MultipartItem
{
    /// <summary>
    /// The multipart boundary. Refit writes a boundary fixed at compile time; this one is long and this client's own,
    /// so that no audio file plausibly contains it (Refit's default is a well-known string).
    /// </summary>
    public const string Boundary = "CallLogClient-recording-9d3b7f41c2a84e6f";

    private readonly Stream audio;
    private readonly MediaTypeHeaderValue mediaType;

    private RecordingPart(Stream audio, string fileName, MediaTypeHeaderValue mediaType)
        : base(fileName, contentType: null)
    {
        this.audio = audio;
        this.mediaType = mediaType;
    }

    /// <summary>The part, once the stream and file name are checked; nothing is read yet.</summary>
    public static RecordingPart Create(Stream audio, string fileName, MediaTypeHeaderValue mediaType)
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

        return new RecordingPart(audio, fileName, mediaType);
    }

    protected override HttpContent CreateContent() => new CallerStreamContent(audio) { Headers = { ContentType = mediaType } };

    /// <summary>
    /// The caller's stream as a part body, never disposed: <see cref="StreamContent"/> disposes its stream with the
    /// request, which the Refit client disposes once sent. A seekable stream is rewound to where it started on every attempt.
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
