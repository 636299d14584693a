namespace CallLogClient.Http;

/// <summary>A response body as <see cref="ResponseBodyReader"/> read it.</summary>
/// <param name="Pooled">The array rented from the shared pool that holds it; given back once, when the call is done with it.</param>
/// <param name="Content">The body itself, within <paramref name="Pooled"/>.</param>
/// <param name="Problem">What was wrong with it (longer than the cap, not decodable); null when it was read whole.</param>
internal readonly record struct ResponseBody(byte[] Pooled, ReadOnlyMemory<byte> Content, string? Problem);
