using System.Text;
using CallLogClient.Diagnostics;
using CallLogClient.Tests.Support;

namespace CallLogClient.Tests.Secrets;

/// <summary>What the redactor masks before text can reach an exception.</summary>
public sealed class RedactorTests
{
    [Fact]
    public void The_personal_values_of_a_request_body_are_collected_by_field_name()
    {
        var body = Encoding.UTF8.GetBytes(
            $$"""{"subject":"Call","note":"{{TestSecrets.Note}}","to_phone_number":"{{TestSecrets.PhoneNumber}}","phone":[{"value":"{{TestSecrets.OtherPhoneNumber}}"}],"recording_url":"https://r.example/x.mp3","duration":"60"}""");

        var values = Redactor.PersonalValues(body);

        Assert.Equal([TestSecrets.Note, TestSecrets.PhoneNumber, "https://r.example/x.mp3"], values);
    }

    [Fact]
    public void A_body_that_is_not_json_has_no_personal_values() =>
        Assert.Empty(Redactor.PersonalValues("--boundary\r\nnote: x"u8));

    [Fact]
    public void Masking_removes_the_given_values_and_anything_shaped_like_a_phone_number()
    {
        var text = $"note '{TestSecrets.Note.ToUpperInvariant()}' for +1 (415) 555-0199 and {TestSecrets.PhoneNumber}, id 42";

        Assert.Equal("note '***' for *** and ***, id 42", Redactor.Mask(text, [TestSecrets.Note]));
    }

    [Fact]
    public void A_snippet_masks_personal_fields_before_it_is_cut()
    {
        var note = new string('n', 600);
        var body = $$"""{"id":"CA1","note":"{{note}}","to_phone_number":"{{TestSecrets.PhoneNumber}}"}""";

        var snippet = Redactor.Snippet(body, [])!;

        Assert.Equal("""{"id":"CA1","note":"***","to_phone_number":"***"}""", snippet);
    }

    [Fact]
    public void A_long_snippet_is_cut_to_its_limit()
    {
        var snippet = Redactor.Snippet(new string('x', 2000), [])!;

        Assert.Equal(Redactor.SnippetLength + 1, snippet.Length);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snippet_of_exactly_the_limit_is_kept_whole_and_one_character_more_is_cut()
    {
        var atLimit = new string('x', Redactor.SnippetLength);
        var overLimit = atLimit + "y";

        Assert.Equal(atLimit, Redactor.Snippet(atLimit, []));
        Assert.Equal(atLimit + "…", Redactor.Snippet(overLimit, []));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_absent_or_empty_body_has_no_snippet(string? body) => Assert.Null(Redactor.Snippet(body, []));
}
