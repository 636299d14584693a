using System.IO.Compression;
using System.Net;
using System.Text;
using CallLogClient.Errors;
using CallLogClient.Tests.Support;
using Xunit.Abstractions;

namespace CallLogClient.Tests.Hostile;

/// <summary>No response can exhaust memory: bodies are read up to a cap, decompressed bytes included.</summary>
public sealed class ResponseSizeTests(ITestOutputHelper log) : HostileServerTest
{
    private const long OneGiB = 1L << 30;

    [Fact]
    public async Task A_gzip_bomb_fails_at_the_cap_without_reading_the_gigabyte()
    {
        var bomb = GzipOfZeros(OneGiB);
        var server = Serve((_, connection) => connection.RespondAsync(
            200, bomb, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")]));
        var client = Pipedrive(server);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Output.ThrowsAsync<CallLogResponseFormatException>(client.GetAsync("1"));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        log.WriteLine($"{bomb.Length} compressed bytes expanding to {OneGiB}: {allocated / (1 << 20)} MiB allocated by the call");
        Assert.True(allocated < 128L << 20, $"{allocated} bytes allocated");
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("longer than the client reads (16,777,216 bytes, CallLogClientOptions.MaxResponseBodyBytes)", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_cap_can_be_raised_and_lowered()
    {
        var body = Encoding.UTF8.GetBytes("""{"success":true,"data":{"id":"c1","note":""" + "\"" + new string('n', 4000) + "\"}}");
        var server = Serve((_, connection) => connection.RespondAsync(200, body, [("Content-Type", "application/json")]));

        var error = await Output.ThrowsAsync<CallLogResponseFormatException>(
            Pipedrive(server, options => options.MaxResponseBodyBytes = 2048).GetAsync("c1"));
        var callLog = await Pipedrive(server, options => options.MaxResponseBodyBytes = body.Length).GetAsync("c1");

        Assert.Contains("(2,048 bytes,", error.Message, StringComparison.Ordinal);
        Assert.Equal("c1", callLog.Id);
    }

    [Fact]
    public async Task A_create_answered_with_an_oversized_success_says_it_was_most_likely_created()
    {
        var server = Serve((_, connection) => connection.RespondAsync(
            201, GzipOfZeros(64L << 20), [("Content-Type", "application/json"), ("Content-Encoding", "gzip")]));

        var error = await Output.ThrowsAsync<CallLogResponseFormatException>(Pipedrive(server).CreateAsync(PipedriveCreate()));

        Assert.Contains("most likely created", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_oversized_error_body_still_gives_the_status_and_a_short_snippet()
    {
        var body = Encoding.UTF8.GetBytes("""{"success":false,"error":"Call log not found"}""" + new string(' ', 30 << 20));
        var server = Serve((_, connection) => connection.RespondAsync(404, body, [("Content-Type", "application/json")]));

        var error = await Output.ThrowsAsync<CallLogNotFoundException>(Close(server).GetAsync("acti_1"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.True(error.Details.ResponseSnippet!.Length <= 513, $"{error.Details.ResponseSnippet.Length} characters");
    }

    [Fact]
    public async Task An_unreadable_body_gives_a_snippet_cut_from_its_start_with_personal_values_masked()
    {
        var body = "<html>" + TestSecrets.PhoneNumber + new string('x', 4 << 20) + "</html>";
        var server = Serve((_, connection) => connection.RespondAsync(200, Encoding.UTF8.GetBytes(body), [("Content-Type", "text/html")]));

        var error = await Output.ThrowsAsync<CallLogResponseFormatException>(Close(server).GetAsync("acti_1"));

        Assert.StartsWith("<html>***xxx", error.Details.ResponseSnippet, StringComparison.Ordinal);
        Assert.Equal(513, error.Details.ResponseSnippet!.Length);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task A_body_whose_Content_Encoding_lies_is_a_response_format_failure(string encoding)
    {
        var server = Serve((_, connection) => connection.RespondAsync(
            200, Encoding.UTF8.GetBytes(new string('{', 64) + "not compressed at all"), [("Content-Type", "application/json"), ("Content-Encoding", encoding)]));

        var error = await Output.ThrowsAsync<CallLogResponseFormatException>(Pipedrive(server).GetAsync("1"));

        Assert.Contains("could not be decoded", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_body_starting_with_a_byte_order_mark_reads_like_one_without()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var pipedrive = Serve((_, connection) => connection.RespondAsync(
            200, [.. bom, .. Encoding.UTF8.GetBytes("""{"success":true,"data":{"id":"c1","outcome":"connected"}}""")], [("Content-Type", "application/json")]));
        var close = Serve((_, connection) => connection.RespondAsync(
            200, [.. bom, .. Encoding.UTF8.GetBytes("""{"id":"acti_1","direction":"inbound"}""")], [("Content-Type", "application/json; charset=utf-8")]));

        var callLog = await Pipedrive(pipedrive).GetAsync("c1");
        var call = await Close(close).GetAsync("acti_1");

        Assert.Equal(("c1", "connected"), (callLog.Id, callLog.Outcome?.Value));
        Assert.Equal(("acti_1", "inbound"), (call.Id, call.Direction?.Value));
    }

    /// <summary>A gzip stream of <paramref name="size"/> zero bytes, made of concatenated 1 MiB members (about 1 KiB each).</summary>
    private static byte[] GzipOfZeros(long size)
    {
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.SmallestSize))
        {
            gzip.Write(new byte[1 << 20]);
        }

        var one = member.ToArray();
        var count = (int)(size >> 20);
        var all = new byte[one.Length * count];
        for (var i = 0; i < count; i++)
        {
            one.CopyTo(all, i * one.Length);
        }

        return all;
    }
}
