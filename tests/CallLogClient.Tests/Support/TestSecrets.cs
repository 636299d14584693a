using System.Text;

namespace CallLogClient.Tests.Support;

/// <summary>The credentials and personal data the tests send, so that their output can be searched for them.</summary>
public static class TestSecrets
{
    public const string PipedriveApiToken = "pdtok3f9a1c7e5b2d4086a1b2";

    public const string PipedriveAccessToken = "pdoauth8e2b6d0a4c1f3957c3d4";

    public const string CloseApiKey = "api_5c3e7a9b1d2f4680e5f6";

    public const string CloseAccessToken = "closeoauth2a4c6e8f0b1d3579";

    public const string PhoneNumber = "+14155550123";

    public const string OtherPhoneNumber = "+442079460958";

    public const string Note = "Customer wants the Zephyrine renewal quote";

    /// <summary>The Close Basic credential as it travels: base64 of "key:".</summary>
    public static string CloseBasicCredential => Base64(CloseApiKey + ":");

    /// <summary>Every credential, raw and in the encodings it may travel in.</summary>
    public static IReadOnlyList<string> Credentials =>
    [
        PipedriveApiToken, PipedriveAccessToken, CloseApiKey, CloseAccessToken,
        CloseBasicCredential, Base64(CloseApiKey), Base64(PipedriveApiToken), Base64(PipedriveAccessToken),
    ];

    /// <summary>Personal data that must never reach an exception message: phone numbers (also as bare digits) and notes.</summary>
    public static IReadOnlyList<string> PersonalData =>
        [PhoneNumber, PhoneNumber.TrimStart('+'), OtherPhoneNumber, OtherPhoneNumber.TrimStart('+'), Note, "Zephyrine"];

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
