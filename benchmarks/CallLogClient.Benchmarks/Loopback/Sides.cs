using System.Net.Http.Headers;
using System.Text.Json;
using CallLogClient.Benchmarks.PlainRefit;
using CallLogClient.Benchmarks.Raw;
using CallLogClient.Benchmarks.Sdk;
using CallLogClient.Close;
using CallLogClient.Close.Models;
using CallLogClient.Pipedrive;
using CallLogClient.Pipedrive.Models;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CallLogClient.Benchmarks.Loopback;

/// <summary>
/// The three clients the loopback benchmarks compare, each over its own connection pool to the same server:
/// <list type="bullet">
/// <item>raw: a hand-written <see cref="HttpClient"/> call with source-generated System.Text.Json doing the SDK's work
/// (status check, the whole envelope and every field, the paging block, success and id checks), the floor;</item>
/// <item>plain Refit 16.4: source-generated, the same models and checks, Refit's defaults;</item>
/// <item>the SDK, registered as an application registers it (defaults, but for the base address and the credential).</item>
/// </list>
/// </summary>
internal sealed class Sides : IDisposable
{
    public const string RecordingBoundary = "raw-recording-boundary-7c1e";

    // The SDK's transport accepts and decompresses gzip, deflate and brotli (HandlerChain.Transport); so do these, as a
    // careful hand-written client would, so that every side does the same work per request.
    private readonly SocketsHttpHandler rawTransport = Transport();
    private readonly SocketsHttpHandler refitTransport = Transport();
    private readonly ServiceProvider services;
    private readonly string closeAuthorization = "Basic " + RawHttp.CloseBasicParameter(SdkServices.CloseApiKey);
    private readonly AuthenticationHeaderValue closeBasic = new("Basic", RawHttp.CloseBasicParameter(SdkServices.CloseApiKey));

    public Sides(BenchmarkServer server, int pageDelayMs = 0)
    {
        RawPipedriveHttp = RawHttp.Create(rawTransport, server.Pipedrive(pageDelayMs), disposeHandler: false);
        RawCloseHttp = RawHttp.Create(rawTransport, server.Close(pageDelayMs), disposeHandler: false);
        RefitPipedrive = RestService.ForGenerated<IPipedriveRefitApi>(
            RawHttp.Create(refitTransport, server.Pipedrive(pageDelayMs), disposeHandler: false), RefitSettings.ForJsonContext(RawJsonContext.Default));
        RefitClose = RestService.ForGenerated<ICloseRefitApi>(
            RawHttp.Create(refitTransport, server.Close(pageDelayMs), disposeHandler: false), RefitSettings.ForJsonContext(RawJsonContext.Default));
        var collection = new ServiceCollection();
        collection.AddPipedriveCallLogs(options =>
        {
            options.BaseAddress = server.Pipedrive(pageDelayMs);
            options.Credential = PipedriveCredential.FromApiToken(SdkServices.PipedriveToken);
        });
        collection.AddCloseCallActivities(options =>
        {
            options.BaseAddress = server.Close(pageDelayMs);
            options.Credential = CloseCredential.FromApiKey(SdkServices.CloseApiKey);
        });
        services = collection.BuildServiceProvider();
        SdkPipedrive = services.GetRequiredService<IPipedriveCallLogsClient>();
        SdkClose = services.GetRequiredService<ICloseCallActivitiesClient>();
    }

    public HttpClient RawPipedriveHttp { get; }

    public HttpClient RawCloseHttp { get; }

    public IPipedriveRefitApi RefitPipedrive { get; }

    public ICloseRefitApi RefitClose { get; }

    public IPipedriveCallLogsClient SdkPipedrive { get; }

    public ICloseCallActivitiesClient SdkClose { get; }

    // Raw ------------------------------------------------------------------------------------------------------------

    public async Task<PipedriveCallLog> RawPipedriveGetAsync(string id)
    {
        using var request = PipedriveRequest(HttpMethod.Get, "callLogs/" + Uri.EscapeDataString(id));
        using var response = await RawPipedriveHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawPipedrive.ReadCallLogAsync(response);
    }

    public async Task<PipedriveCallLogPage> RawPipedriveListAsync(int start, int limit)
    {
        using var request = PipedriveRequest(HttpMethod.Get, $"callLogs?start={start}&limit={limit}");
        using var response = await RawPipedriveHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawPipedrive.ReadPageAsync(response, start, limit);
    }

    public async Task<PipedriveCallLog> RawPipedriveCreateAsync(PipedriveCreateCallLogRequest callLog)
    {
        using var request = PipedriveRequest(HttpMethod.Post, "callLogs");
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(callLog, RawJsonContext.Default.PipedriveCreateCallLogRequest))
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
        };
        using var response = await RawPipedriveHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawPipedrive.ReadCallLogAsync(response);
    }

    public async Task RawPipedriveUploadAsync(string id, Stream audio)
    {
        using var request = PipedriveRequest(HttpMethod.Post, $"callLogs/{Uri.EscapeDataString(id)}/recordings");
        var file = new StreamContent(audio) { Headers = { ContentType = new MediaTypeHeaderValue("audio/mpeg") } };
        request.Content = new MultipartFormDataContent(RecordingBoundary) { { file, "file", "call.mp3" } };
        using var response = await RawPipedriveHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await RawPipedrive.ReadAcknowledgementAsync(response);
    }

    public async Task<CloseCallActivity> RawCloseGetAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"activity/call/{Uri.EscapeDataString(id)}/");
        request.Headers.Authorization = closeBasic;
        using var response = await RawCloseHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawClose.ReadActivityAsync(response);
    }

    public async Task<CloseCallActivityPage> RawCloseListAsync(int skip, int limit)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"activity/call/?_skip={skip}&_limit={limit}");
        request.Headers.Authorization = closeBasic;
        using var response = await RawCloseHttp.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await RawClose.ReadPageAsync(response, skip);
    }

    // Plain Refit ----------------------------------------------------------------------------------------------------

    public async Task<PipedriveCallLog> RefitPipedriveGetAsync(string id) =>
        RawPipedrive.CallLogOf(await RefitPipedrive.GetAsync(id, SdkServices.PipedriveToken, CancellationToken.None));

    public async Task<PipedriveCallLogPage> RefitPipedriveListAsync(int start, int limit) =>
        RawPipedrive.PageOf(await RefitPipedrive.ListAsync(start, limit, SdkServices.PipedriveToken, CancellationToken.None), start, limit);

    public async Task<PipedriveCallLog> RefitPipedriveCreateAsync(PipedriveCreateCallLogRequest callLog) =>
        RawPipedrive.CallLogOf(await RefitPipedrive.CreateAsync(callLog, SdkServices.PipedriveToken, CancellationToken.None));

    public async Task RefitPipedriveUploadAsync(string id, Stream audio) =>
        RawPipedrive.Succeeded(await RefitPipedrive.AddRecordingAsync(
            id, new StreamPart(audio, "call.mp3", "audio/mpeg"), SdkServices.PipedriveToken, CancellationToken.None));

    public async Task<CloseCallActivity> RefitCloseGetAsync(string id) =>
        RawClose.ActivityOf(await RefitClose.GetAsync(id, closeAuthorization, CancellationToken.None));

    public async Task<CloseCallActivityPage> RefitCloseListAsync(int skip, int limit) =>
        RawClose.PageOf(await RefitClose.ListAsync(skip, limit, closeAuthorization, CancellationToken.None), skip);

    private static SocketsHttpHandler Transport() => new()
    {
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        AllowAutoRedirect = false,
        UseCookies = false,
    };

    public void Dispose()
    {
        services.Dispose();
        RawPipedriveHttp.Dispose();
        RawCloseHttp.Dispose();
        rawTransport.Dispose();
        refitTransport.Dispose();
    }

    private static HttpRequestMessage PipedriveRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("x-api-token", SdkServices.PipedriveToken);
        return request;
    }
}
