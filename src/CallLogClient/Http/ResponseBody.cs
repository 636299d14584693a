namespace CallLogClient.Http;

/// <summary>A response body as <see cref="ResponseBodyReader"/> read it.</summary>
/// <param name="Buffer">The array that holds it, given back once (<see cref="ResponseBodyReader.Release"/>) when the call is done with it.</param>
/// <param name="Used">How many bytes of <paramref name="Buffer"/> the body wrote (a byte-order mark included).</param>
/// <param name="Content">The body itself, within <paramref name="Buffer"/>.</param>
/// <param name="Problem">What was wrong with it (longer than the cap, not decodable); null when it was read whole.</param>
internal readonly record struct ResponseBody(byte[] Buffer, int Used, ReadOnlyMemory<byte> Content, string? Problem);
