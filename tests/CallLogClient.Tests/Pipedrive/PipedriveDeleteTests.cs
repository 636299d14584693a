using CallLogClient.Errors;
using CallLogClient.Tests.WireMock;
using WireMock.RequestBuilders;
using static CallLogClient.Tests.WireMock.Answers;

namespace CallLogClient.Tests.Pipedrive;

public sealed class PipedriveDeleteTests(WireMockFixture wireMock) : PipedriveWireMockTests(wireMock)
{
    private const string Id = "3cde3b05035cae14dcfc172bd8000d08";
    private const string CallLogPath = $"/v1/callLogs/{Id}";

    [Fact]
    public async Task Deletes_by_id()
    {
        StubJson("DELETE", CallLogPath, 200, PipedriveFixtures.Read("delete-response.json"));

        await Client.DeleteAsync(Id);

        var request = SingleRequest();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal(CallLogPath, request.PathAndQuery());
        AssertApiToken(request);
        Assert.Empty(request.BodyAsBytes ?? []);
    }

    [Fact]
    public async Task An_empty_204_is_a_success()
    {
        Server.Given(Request.Create().UsingDelete().WithPath(CallLogPath)).RespondWith(Json(status: 204));

        await Client.DeleteAsync(Id);

        Assert.Single(Server.Requests());
    }

    [Fact]
    public async Task A_first_attempt_404_is_not_found()
    {
        var body = PipedriveFixtures.Read("error-404-not-found.json");
        StubJson("DELETE", CallLogPath, 404, body, requestId: "req-del-404");

        var exception = await Assert.ThrowsAsync<CallLogNotFoundException>(() => Client.DeleteAsync(Id));

        Assert.False(exception.IsGone);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, exception.StatusCode);
        Assert.Equal("A resource required for this operation was not found.", exception.ErrorMessage);
        Assert.Equal("req-del-404", exception.RequestId);
        Assert.Equal(1, exception.Attempts);
        AssertSafeMessage(exception, body);
    }

    [Fact]
    public async Task A_first_attempt_410_is_not_found_and_gone()
    {
        var body = PipedriveFixtures.Read("error-410-gone.json");
        StubJson("DELETE", CallLogPath, 410, body);

        var exception = await Assert.ThrowsAsync<CallLogNotFoundException>(() => Client.DeleteAsync(Id));

        Assert.True(exception.IsGone);
        Assert.Equal(System.Net.HttpStatusCode.Gone, exception.StatusCode);
        Assert.Equal("The callLog you are trying to access is no longer available", exception.ErrorMessage);
        AssertSafeMessage(exception, body);
    }

    [Fact]
    public async Task A_403_is_a_permission_failure()
    {
        StubJson("DELETE", CallLogPath, 403, PipedriveFixtures.Read("error-403-forbidden.json"));

        var exception = await Assert.ThrowsAsync<CallLogPermissionException>(() => Client.DeleteAsync(Id));

        Assert.Equal("You don't have permission to change this resource.", exception.ErrorMessage);
    }

    [Fact]
    public async Task Success_false_inside_a_200_delete_is_a_failure()
    {
        StubJson("DELETE", CallLogPath, 200, """{"success":false,"error":"Call log is locked"}""");

        var exception = await Assert.ThrowsAsync<CallLogResponseFormatException>(() => Client.DeleteAsync(Id));

        Assert.Equal("Call log is locked", exception.ErrorMessage);
        Assert.Equal(System.Net.HttpStatusCode.OK, exception.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    public async Task An_invalid_id_sends_nothing(string id)
    {
        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.DeleteAsync(id));

        Assert.Equal("id", exception.ParamName);
        AssertNothingSent();
    }
}
