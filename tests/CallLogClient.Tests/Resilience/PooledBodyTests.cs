using System.Net;
using System.Text;
using CallLogClient.Errors;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using CallLogClient.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CallLogClient.Tests.Resilience;

/// <summary>
/// Response bodies are read into arrays rented from the shared pool and given back when the call ends: calls running at
/// once, retried, failed or answered with bodies of every size each read their own body, never another call's.
/// </summary>
public sealed class PooledBodyTests
{
    private const int Calls = 300;

    [Fact]
    public async Task Calls_at_once_each_read_their_own_body_whatever_its_size_and_however_they_end()
    {
        var transport = new EchoingTransport();
        await using var provider = Registration(transport);
        var client = provider.GetRequiredService<IPipedriveCallLogsClient>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async i =>
        {
            try
            {
                return (i, Log: (PipedriveCallLog?)await client.GetAsync(Id(i)), Error: (CallLogApiException?)null);
            }
            catch (CallLogApiException error)
            {
                return (i, Log: null, Error: (CallLogApiException?)error);
            }
        }));

        Assert.All(outcomes, outcome =>
        {
            if (EchoingTransport.IsMissing(outcome.i))
            {
                var missing = Assert.IsType<CallLogNotFoundException>(outcome.Error);
                Assert.Equal($"call log {Id(outcome.i)} is gone", missing.ErrorMessage);
            }
            else
            {
                Assert.Null(outcome.Error);
                Assert.Equal(Id(outcome.i), outcome.Log!.Id);
                Assert.Equal(EchoingTransport.NoteOf(outcome.i), outcome.Log.Note);
            }
        });
        Assert.Equal(Calls + Enumerable.Range(0, Calls).Count(EchoingTransport.FailsFirst), transport.Attempts);
    }

    private static string Id(int i) => $"p{i}";

    private static ServiceProvider Registration(EchoingTransport transport)
    {
        var services = new ServiceCollection();
        services.AddPipedriveCallLogs(o =>
            {
                o.Credential = PipedriveCredential.FromApiToken(TestSecrets.PipedriveApiToken);
                o.BaseAddress = new Uri("https://pooled.example/");
                o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
                o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            })
            .ConfigurePrimaryHttpMessageHandler(() => transport);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Answers <c>GET /v1/callLogs/p{i}</c> after a short wait with the call log <c>p{i}</c>, its note i-dependent in length
    /// (from a few bytes to past 100 KB; a few past 1 MB, too large for pooled arrays), a few KB a read, every other one
    /// without a Content-Length; every seventh is answered 503 with a long body first, every eleventh 404.
    /// </summary>
    private sealed class EchoingTransport : HttpMessageHandler
    {
        private readonly HashSet<int> failedOnce = [];
        private int attempts;

        public int Attempts => attempts;

        public static bool FailsFirst(int i) => i % 7 == 3;

        public static bool IsMissing(int i) => i % 11 == 5;

        public static string NoteOf(int i) =>
        $"note {i} " + new string((char)('a' + (i % 26)), i % 50 == 7 ? 1_300_000 + i : (i * 397) % 120_000);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref attempts);
            var i = int.Parse(request.RequestUri!.AbsolutePath.Split('/')[^1][1..], System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(i % 3, cancellationToken);
            bool first;
            lock (failedOnce)
            {
                first = failedOnce.Add(i);
            }

            var (status, body) = (FailsFirst(i) && first, IsMissing(i)) switch
            {
                (true, _) => (HttpStatusCode.ServiceUnavailable,
                    $$"""{"success":false,"error":"busy {{new string('x', 150_000)}}"}"""),
                (_, true) => (HttpStatusCode.NotFound, $$"""{"success":false,"error":"call log p{{i}} is gone"}"""),
                _ => (HttpStatusCode.OK,
                    $$$"""{"success":true,"data":{"id":"p{{{i}}}","outcome":"connected","to_phone_number":"+15550100","note":"{{{NoteOf(i)}}}","start_time":"2030-01-01T00:00:00.000Z","end_time":"2030-01-01T00:01:00.000Z","duration":"60","has_recording":false}}"""),
            };
            var content = new StreamContent(new TricklingStream(Encoding.UTF8.GetBytes(body), declaresLength: i % 2 == 0));
            content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
        }
    }

    /// <summary>
    /// Gives its bytes a few KB a read, each read finishing on the thread pool, so calls interleave; a body without a
    /// declared length (not seekable: no Content-Length) makes the reader grow its array as it goes.
    /// </summary>
    private sealed class TricklingStream(byte[] bytes, bool declaresLength) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => declaresLength;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return Read(buffer.Span[..Math.Min(buffer.Length, 4096)]);
        }
    }
}
