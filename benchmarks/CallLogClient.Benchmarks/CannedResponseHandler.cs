using System.Net;
using System.Net.Http.Headers;

namespace CallLogClient.Benchmarks;

/// <summary>Answers every request with the same JSON body, so a benchmark measures the client, not a network.</summary>
internal sealed class CannedResponseHandler(byte[] body) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
