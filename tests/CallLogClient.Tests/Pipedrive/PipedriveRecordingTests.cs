using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveRecordingTests(WireMockFixture wireMock) : PipedriveWireMockTests(wireMock)
{
    private const string Id = "CAd92b224eb4a39b5ad8fea92ff0e";
    private const string RecordingsPath = $"/v1/callLogs/{Id}/recordings";

    private readonly string tempDirectory = Directory.CreateTempSubdirectory("pd-recording-").FullName;

    private void StubStored() => StubJson("POST", RecordingsPath, 200, PipedriveFixtures.Read("recording-response.json"));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Directory.Delete(tempDirectory, recursive: true);
        }

        base.Dispose(disposing);
    }

    private async Task<MultipartPart> SingleFilePartAsync()
    {
        var request = SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal(RecordingsPath, request.PathAndQuery());
        AssertApiToken(request);
        Assert.StartsWith("multipart/form-data; boundary=", request.Header("Content-Type"), StringComparison.Ordinal);
        return Assert.Single(request.MultipartParts());
    }

    [Fact]
    public async Task Uploads_a_stream_as_the_file_part()
    {
        StubStored();
        var audio = AudioStreams.Bytes(200_000);
        using var stream = new MemoryStream(audio);

        await Client.AddRecordingAsync(Id, stream, "call-42.mp3", "audio/mpeg");

        var part = await SingleFilePartAsync();
        Assert.Equal("file", part.Name);
        Assert.Equal("call-42.mp3", part.FileName);
        Assert.Equal("audio/mpeg", part.ContentType);
        Assert.Equal(audio.Length, part.Length);
        Assert.Equal(audio, part.Content);
        Assert.True(stream.CanRead); // the caller's stream is left open
    }

    [Fact]
    public async Task Uploads_a_forward_only_stream_in_one_pass_and_leaves_it_open()
    {
        StubStored();
        var audio = AudioStreams.Bytes(150_001);
        using var stream = new ForwardOnlyStream(audio);

        await Client.AddRecordingAsync(Id, stream, "voicemail.wav", "audio/wav");

        var part = await SingleFilePartAsync();
        Assert.Equal("audio/wav", part.ContentType);
        Assert.Equal(audio, part.Content);
        Assert.Equal(audio.Length, stream.BytesRead);
        Assert.False(stream.IsDisposed);
    }

    [Fact]
    public async Task Reads_the_stream_from_its_current_position()
    {
        StubStored();
        var audio = AudioStreams.Bytes(1_000);
        using var stream = new MemoryStream(audio) { Position = 100 };

        await Client.AddRecordingAsync(Id, stream, "tail.ogg", "audio/ogg");

        Assert.Equal(audio[100..], (await SingleFilePartAsync()).Content);
    }

    [Fact]
    public async Task Keeps_media_type_parameters()
    {
        StubStored();
        using var stream = new MemoryStream(AudioStreams.Bytes(10));

        await Client.AddRecordingAsync(Id, stream, "call.webm", "audio/webm; codecs=opus");

        Assert.Equal("audio/webm; codecs=opus", (await SingleFilePartAsync()).ContentType);
    }

    [Fact]
    public async Task A_non_ASCII_file_name_survives()
    {
        StubStored();
        using var stream = new MemoryStream(AudioStreams.Bytes(10));

        await Client.AddRecordingAsync(Id, stream, "appel-été.mp3", "audio/mpeg");

        Assert.Equal("appel-été.mp3", (await SingleFilePartAsync()).FileName);
    }

    [Theory]
    [InlineData("call.mp3", "audio/mpeg")]
    [InlineData("call.WAV", "audio/wav")]
    [InlineData("call.m4a", "audio/mp4")]
    [InlineData("call.flac", "audio/flac")]
    public async Task Uploads_a_file_with_the_media_type_of_its_extension(string fileName, string mediaType)
    {
        StubStored();
        var audio = AudioStreams.Bytes(70_000);
        var path = Path.Combine(tempDirectory, fileName);
        await File.WriteAllBytesAsync(path, audio);

        await Client.AddRecordingFromFileAsync(Id, path);

        var part = await SingleFilePartAsync();
        Assert.Equal("file", part.Name);
        Assert.Equal(fileName, part.FileName);
        Assert.Equal(mediaType, part.ContentType);
        Assert.Equal(audio, part.Content);
        File.Delete(path); // the client closed the file
    }

    [Fact]
    public async Task A_given_media_type_wins_over_the_extension()
    {
        StubStored();
        var path = Path.Combine(tempDirectory, "recording.bin");
        await File.WriteAllBytesAsync(path, AudioStreams.Bytes(10));

        await Client.AddRecordingFromFileAsync(Id, path, "audio/x-wav");

        var part = await SingleFilePartAsync();
        Assert.Equal("recording.bin", part.FileName);
        Assert.Equal("audio/x-wav", part.ContentType);
    }

    [Fact]
    public async Task An_unknown_extension_without_media_type_sends_nothing()
    {
        var path = Path.Combine(tempDirectory, "recording.bin");
        await File.WriteAllBytesAsync(path, AudioStreams.Bytes(10));

        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.AddRecordingFromFileAsync(Id, path));

        Assert.Equal("filePath", exception.ParamName);
        AssertNothingSent();
    }

    public static TheoryData<string, string, Func<Stream>, string, string> InvalidUploads() => new()
    {
        { "contentType", Id, () => new MemoryStream([1]), "call.mp3", "text/plain" },
        { "contentType", Id, () => new MemoryStream([1]), "call.mp3", "" },
        { "contentType", Id, () => new MemoryStream([1]), "call.mp3", "not a media type" },
        { "fileName", Id, () => new MemoryStream([1]), "", "audio/mpeg" },
        { "fileName", Id, () => new MemoryStream([1]), "evil\".mp3", "audio/mpeg" },
        { "fileName", Id, () => new MemoryStream([1]), "../call.mp3", "audio/mpeg" },
        { "fileName", Id, () => new MemoryStream([1]), "line\r\nbreak.mp3", "audio/mpeg" },
        { "audio", Id, () => new MemoryStream(), "call.mp3", "audio/mpeg" },
        { "audio", Id, () => new MemoryStream([1, 2]) { Position = 2 }, "call.mp3", "audio/mpeg" },
        { "audio", Id, () => new ForwardOnlyStream([1]).DisposedForTest(), "call.mp3", "audio/mpeg" },
        { "id", "", () => new MemoryStream([1]), "call.mp3", "audio/mpeg" },
        { "id", "..", () => new MemoryStream([1]), "call.mp3", "audio/mpeg" },
    };

    [Theory]
    [MemberData(nameof(InvalidUploads))]
    public async Task Invalid_input_names_the_argument_and_sends_nothing(
        string argument, string id, Func<Stream> audio, string fileName, string contentType)
    {
        StubStored();
        using var stream = audio();

        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.AddRecordingAsync(id, stream, fileName, contentType));

        Assert.Equal(argument, exception.ParamName);
        AssertNothingSent();
    }

    [Fact]
    public async Task A_null_stream_sends_nothing()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("audio", () => Client.AddRecordingAsync(Id, null!, "call.mp3", "audio/mpeg"));

        AssertNothingSent();
    }

    [Fact]
    public async Task An_existing_recording_is_a_conflict()
    {
        var body = PipedriveFixtures.Read("error-409-recording-conflict.json");
        StubJson("POST", RecordingsPath, 409, body, requestId: "req-409");
        using var stream = new MemoryStream(AudioStreams.Bytes(100));

        var exception = await Assert.ThrowsAsync<CallLogConflictException>(() => Client.AddRecordingAsync(Id, stream, "call.mp3", "audio/mpeg"));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, exception.StatusCode);
        Assert.Equal("A recording for this call already exists", exception.ErrorMessage);
        Assert.Equal("req-409", exception.RequestId);
        AssertSafeMessage(exception, body);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task A_missing_call_log_is_not_found()
    {
        StubJson("POST", RecordingsPath, 404, PipedriveFixtures.Read("error-404-not-found.json"));
        using var stream = new MemoryStream(AudioStreams.Bytes(100));

        var exception = await Assert.ThrowsAsync<CallLogNotFoundException>(() => Client.AddRecordingAsync(Id, stream, "call.mp3", "audio/mpeg"));

        Assert.False(exception.IsGone);
        Assert.Equal("A resource required for this operation was not found.", exception.ErrorMessage);
    }

    [Fact]
    public async Task An_empty_2xx_is_a_success()
    {
        Server.Given(Request.Create().UsingPost().WithPath(RecordingsPath)).RespondWith(Json(status: 201));
        using var stream = new MemoryStream(AudioStreams.Bytes(100));

        await Client.AddRecordingAsync(Id, stream, "call.mp3", "audio/mpeg");

        Assert.Single(Server.Requests());
    }

    [Fact]
    public async Task A_missing_file_with_an_invalid_id_fails_on_the_id()
    {
        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => Client.AddRecordingFromFileAsync("", Path.Combine(tempDirectory, "absent.mp3")));

        Assert.Equal("id", exception.ParamName);
        AssertNothingSent();
    }

    [Fact]
    public async Task Success_false_inside_a_200_upload_is_a_failure()
    {
        StubJson("POST", RecordingsPath, 200, """{"success":false,"error":"Unsupported audio"}""");
        using var stream = new MemoryStream(AudioStreams.Bytes(100));

        var exception = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.AddRecordingAsync(Id, stream, "call.mp3", "audio/mpeg"));

        Assert.Equal("Unsupported audio", exception.ErrorMessage);
    }
}
