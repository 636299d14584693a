namespace CallLogClient.Tests.Support;

/// <summary>Searches texts for secrets and fails naming where each was found (the secret itself is not repeated).</summary>
public static class SecretScan
{
    public static void AssertAbsent(IEnumerable<(string Where, string Text)> texts, IEnumerable<string> secrets)
    {
        var secretList = secrets.ToList();
        var leaks = new List<string>();
        var scanned = 0;
        foreach (var (where, text) in texts)
        {
            scanned++;
            for (var i = 0; i < secretList.Count; i++)
            {
                if (text.Contains(secretList[i], StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"secret #{i} in {where}: {Excerpt(text, secretList[i])}");
                }
            }
        }

        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s) in {scanned} texts:\n" + string.Join("\n", leaks.Distinct()));
    }

    private static string Excerpt(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, at - 60);
        return text[start..at].ReplaceLineEndings(" ") + "<SECRET>" + text[(at + secret.Length)..Math.Min(text.Length, at + secret.Length + 60)].ReplaceLineEndings(" ");
    }
}
