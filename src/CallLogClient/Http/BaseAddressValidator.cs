namespace CallLogClient.Http;

/// <summary>Checks and normalises a client's base address: absolute, https (plain http only on loopback), ending in '/'.</summary>
internal static class BaseAddressValidator
{
    public static Uri Normalize(Uri? address, string paramName)
    {
        if (address is null || !address.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be an absolute URI.", paramName);
        }

        var secure = address.Scheme == Uri.UriSchemeHttps;
        var loopback = address.Scheme == Uri.UriSchemeHttp && address.IsLoopback;
        if (!secure && !loopback)
        {
            throw new ArgumentException("The base address must use https (plain http is allowed only on loopback).", paramName);
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.UserInfo) || !string.IsNullOrEmpty(address.Fragment))
        {
            throw new ArgumentException("The base address must not carry a query string, a fragment or user info.", paramName);
        }

        return address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }
}
