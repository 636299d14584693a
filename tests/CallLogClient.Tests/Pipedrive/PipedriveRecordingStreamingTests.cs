using CallLogClient.Pipedrive;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Tests.Pipedrive;

/// <summary>How the upload pulls the caller's audio: nothing above the transport reads it, and it flows in chunks.</summary>
public sealed class PipedriveRecordingStreamingTests
{
    private static async Task UploadAsync(Stream audio, CapturingTransport transport)
    {
        var services = new ServiceCollection();
        services
            .AddPipedriveCallLogs(options =>
            {
                options.Credential = PipedriveCredential.FromApiToken("streaming-test-token");
                options.Retry.MaxRetries = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IPipedriveCallLogsClient>().AddRecordingAsync("c1", audio, "call.mp3", "audio/mpeg");
    }

    [Fact]
    public async Task A_forward_only_stream_is_untouched_until_the_transport_pulls_it_chunk_by_chunk()
    {
        var bytes = AudioStreams.Bytes(1_000_000);
        using var audio = new ForwardOnlyStream(bytes);
        long? readBeforeSending = null;
        var readAtEachChunk = new List<long>();
        var transport = new CapturingTransport("""{"success":true}""")
        {
            OnSending = _ => readBeforeSending = audio.BytesRead,
            OnBodyChunk = _ => readAtEachChunk.Add(audio.BytesRead),
        };

        await UploadAsync(audio, transport);

        Assert.Equal(0, readBeforeSending); // no layer above the transport buffered the audio
        Assert.Equal(bytes.Length, audio.BytesRead);
        var firstAudioChunk = readAtEachChunk.First(read => read > 0);
        Assert.True(firstAudioChunk < bytes.Length, $"the whole stream ({firstAudioChunk} bytes) was read before the first audio chunk went out");
        Assert.False(audio.IsDisposed);
    }

    [Fact]
    public async Task A_seekable_stream_announces_its_length_and_is_not_read_early()
    {
        var bytes = AudioStreams.Bytes(500_000);
        using var audio = new MemoryStream(bytes);
        long? positionBeforeSending = null;
        long? announcedLength = null;
        var transport = new CapturingTransport("""{"success":true}""")
        {
            OnSending = request =>
            {
                positionBeforeSending = audio.Position;
                announcedLength = request.Content!.Headers.ContentLength;
            },
        };

        await UploadAsync(audio, transport);

        Assert.Equal(0, positionBeforeSending);
        Assert.True(announcedLength > bytes.Length, "the multipart body should announce a length covering the whole audio");
        Assert.Equal(bytes.Length, audio.Position);
    }
}
