using System.Globalization;
using System.Net;
using System.Text;

namespace CallLogClient.Benchmarks;

/// <summary>
/// The transport of both sides of every benchmark: answers each request with a new 200 response (new content over the
/// same JSON bytes, the provider's rate-limit headers), so the SDK and the raw client read the same bytes the same way
/// and a benchmark measures the client, not a network.
/// </summary>
internal sealed class CannedResponseHandler(byte[] body, params (string Name, string Value)[] headers) : HttpMessageHandler
{
    /// <summary>While set (during setup only), each request is written down in <see cref="LastRequest"/>.</summary>
    public bool Recording { get; set; }

    /// <summary>The last request seen while <see cref="Recording"/>: method, URI, version, every header and the body.</summary>
    public string? LastRequest { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Recording ? RecordAndAnswerAsync(request, cancellationToken) : Task.FromResult(Answer(request));

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private async Task<HttpResponseMessage> RecordAndAnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder()
            .Append(request.Method).Append(' ').Append(request.RequestUri?.AbsoluteUri).Append(" HTTP/").Append(request.Version).AppendLine();
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = request.Headers;
        if (request.Content is not null)
        {
            // Content-Length as the socket handler would send it (computed, not only when someone set it).
            all = all.Concat(request.Content.Headers.Where(header => header.Key != "Content-Length"))
                .Append(new("Content-Length", [request.Content.Headers.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "none"]));
        }

        foreach (var header in all.OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(header.Key).Append(": ").AppendJoin(", ", header.Value).AppendLine();
        }

        if (request.Content is not null)
        {
            text.AppendLine().Append(Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken)));
        }

        LastRequest = text.ToString();
        return Answer(request);
    }
}
