using System.Reflection;
using System.Runtime.InteropServices;

namespace CallLogClient.Http;

/// <summary>Builds <c>CallLogClient/{version} (.NET {version}; {OS}) [appId]</c>; nothing else is sent about the caller.</summary>
internal static class UserAgent
{
    private static readonly string Base =
        $"CallLogClient/{typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0"}"
        + $" ({RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription})";

    public static string For(string? applicationId) => applicationId is null ? Base : Base + " " + applicationId;
}
