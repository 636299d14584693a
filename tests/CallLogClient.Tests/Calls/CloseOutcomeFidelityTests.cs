using System.Text.Json;
using CallLogClient.Close.Outcomes;
using CallLogClient.Tests.Close;
using CallLogClient.Tests.Emulator;

namespace CallLogClient.Tests.Calls;

/// <summary>The Outcomes API as the reference shows it: the official example parses, and the emulator answers in its shape.</summary>
public sealed class CloseOutcomeFidelityTests : EmulatorTest
{
    [Fact]
    public void The_official_outcome_list_example_parses_with_every_field()
    {
        var list = JsonSerializer.Deserialize(CloseFixtures.Read("outcome-list-response.json"), CloseOutcomesJsonContext.Default.CloseOutcomeList)!;

        Assert.False(list.HasMore);
        var demo = list.Data![0];
        Assert.Equal("outcome_03oUxZfoO6e2vHmcz1DiHR", demo.Id);
        Assert.Equal("Demo Booked", demo.Name);
        Assert.Equal("custom", demo.Type);
        Assert.Equal(["calls", "meetings"], demo.AppliesTo);
        Assert.Equal(new DateTimeOffset(2025, 7, 29, 10, 30, 0, TimeSpan.Zero), demo.DateCreated);
        Assert.Equal("Prospect is qualified and booked a demo of our software.", demo.Description);
        Assert.Equal(["created_by", "updated_by"], demo.AdditionalProperties!.Keys.Order());
        Assert.Equal("vm-dropped", list.Data[1].Type);
    }

    [Fact]
    public async Task The_emulator_answers_with_the_fields_of_the_official_example()
    {
        Emulator.Close.AddOutcome("Demo Booked");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.CloseBaseAddress, "outcome/"));
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Emulator.CloseApiKey + ":")));

        using var response = await http.SendAsync(request);
        using var emulated = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var reference = JsonDocument.Parse(CloseFixtures.Read("outcome-list-response.json"));

        Assert.Equal(
            reference.RootElement.EnumerateObject().Select(p => p.Name).Order(),
            emulated.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(
            reference.RootElement.GetProperty("data")[0].EnumerateObject().Select(p => p.Name).Order(),
            emulated.RootElement.GetProperty("data")[0].EnumerateObject().Select(p => p.Name).Order());
    }
}
