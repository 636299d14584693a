namespace CallLogClient.Calls;

/// <summary>
/// A call's recording: audio to upload (<see cref="FromStream"/>, what Pipedrive takes) or an address where it is
/// served (<see cref="FromUrl"/>, what Close takes).
/// </summary>
public sealed class CallRecording
{
    private CallRecording(Stream? audio, string? fileName, string? contentType, Uri? url)
    {
        Audio = audio;
        FileName = fileName;
        ContentType = contentType;
        Url = url;
    }

    /// <summary>The audio to upload, read from its current position and not disposed; <see langword="null"/> for a URL.</summary>
    public Stream? Audio { get; }

    /// <summary>The file name shown for an upload, e.g. <c>call.mp3</c>.</summary>
    public string? FileName { get; }

    /// <summary>The audio media type of an upload, e.g. <c>audio/mpeg</c>.</summary>
    public string? ContentType { get; }

    /// <summary>Where the recording is served; <see langword="null"/> for an upload.</summary>
    public Uri? Url { get; }

    /// <summary>A recording to upload. A seekable stream lets a failed upload be retried.</summary>
    /// <param name="audio">The audio, read from its current position; not disposed.</param>
    /// <param name="fileName">The file name shown, e.g. <c>call.mp3</c>.</param>
    /// <param name="contentType">An audio media type, e.g. <c>audio/mpeg</c>.</param>
    /// <returns>The recording.</returns>
    public static CallRecording FromStream(Stream audio, string fileName, string contentType)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new(audio, fileName, contentType, url: null);
    }

    /// <summary>A recording served at an absolute address (Close accepts only https).</summary>
    /// <param name="url">The address.</param>
    /// <returns>The recording.</returns>
    public static CallRecording FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException("The recording URL must be absolute.", nameof(url));
        }

        return new(audio: null, fileName: null, contentType: null, url);
    }

    /// <summary>Says which kind of recording this is, never its address or content.</summary>
    /// <returns><c>upload</c> or <c>URL</c>.</returns>
    public override string ToString() => Url is null ? "recording (upload)" : "recording (URL)";
}
