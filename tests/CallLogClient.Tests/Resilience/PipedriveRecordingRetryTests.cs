using System.Net;
using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.Resilience.PipedriveStubs;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Resilience;

/// <summary>A recording upload is retried only from a stream that can be rewound, and then always sent whole.</summary>
public sealed class PipedriveRecordingRetryTests(WireMockFixture wireMock) : WireTest(wireMock)
{
    private const string RecordingPath = "/v1/callLogs/rec1/recordings";

    private static readonly byte[] Audio = [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7))];

    [Fact]
    public async Task An_upload_from_a_seekable_stream_is_rewound_and_sent_whole_on_every_attempt()
    {
        var host = FaultHost(RawAnswers.Json(503, ServerErrorBody), RawAnswers.Fault(TransportFault.ResetBeforeResponse), RawAnswers.Json(200, DeletedBody));
        using var audio = new MemoryStream([0xFF, 0xFE, .. Audio]) { Position = 2 }; // the upload starts where the caller left the stream

        await Driver().RunAsync(PipedriveAt(host).AddRecordingAsync("rec1", audio, "call.mp3", "audio/mpeg"));

        var uploads = host.Requests;
        Assert.Equal(3, uploads.Count);
        Assert.All(uploads, upload =>
        {
            Assert.Equal(("POST", RecordingPath), (upload.Method, upload.Target));
            var file = Assert.Single(MultipartPart.Parse(upload.Body, upload.Headers["Content-Type"]));
            Assert.Equal("file", file.Name);
            Assert.Equal("call.mp3", file.FileName);
            Assert.Equal(Audio, file.Content);
        });
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_seek_is_not_retried_after_a_503()
    {
        Server.GivenSequence(Request.Create().UsingPost().WithPath(RecordingPath), Json(503, ServerErrorBody), Json(200, DeletedBody));
        using var audio = new ForwardOnlyStream(Audio);

        var error = await Output.ThrowsAsync<CallLogServiceUnavailableException>(
            Pipedrive().AddRecordingAsync("rec1", audio, "call.wav", "audio/wav"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, Server.Count(Request.Create().UsingPost().WithPath(RecordingPath)));
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task An_upload_from_a_stream_that_cannot_seek_is_not_retried_after_a_reset()
    {
        var host = FaultHost(RawAnswers.Fault(TransportFault.ResetBeforeResponse), RawAnswers.Json(200, DeletedBody));
        using var audio = new ForwardOnlyStream(Audio);

        var error = await Output.ThrowsAsync<CallLogTransportException>(
            PipedriveAt(host).AddRecordingAsync("rec1", audio, "call.wav", "audio/wav"));

        Assert.Equal("the connection was reset", error.ErrorMessage);
        Assert.Equal(1, host.Count("POST", RecordingPath));
    }

    [Fact]
    public async Task A_409_after_an_upload_attempt_whose_answer_was_lost_means_that_attempt_stored_it()
    {
        var host = FaultHost(
            RawAnswers.Fault(TransportFault.ResetBeforeResponse),
            RawAnswers.Json(409, """{"success":false,"error":"A recording for this call already exists"}"""));
        using var audio = new MemoryStream(Audio);

        await Driver().RunAsync(PipedriveAt(host).AddRecordingAsync("rec1", audio, "call.mp3", "audio/mpeg"));

        Assert.Equal(2, host.Count("POST", RecordingPath));
    }

    [Fact]
    public async Task A_409_on_the_first_upload_attempt_is_a_conflict()
    {
        Server.Given(Request.Create().UsingPost().WithPath(RecordingPath)).RespondWith(Json(
            status: 409,
            body: """{"success":false,"error":"A recording for this call already exists"}"""));
        using var audio = new MemoryStream(Audio);

        var error = await Output.ThrowsAsync<CallLogConflictException>(Pipedrive().AddRecordingAsync("rec1", audio, "call.mp3", "audio/mpeg"));

        Assert.Equal("A recording for this call already exists", error.ErrorMessage);
        Assert.Equal(1, Server.Count(Request.Create().UsingPost().WithPath(RecordingPath)));
    }
}
