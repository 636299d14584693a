using System.Text.Json;

namespace CallLogClient.Testing.Close;

/// <summary>A call activity the Close emulation holds, as its API would return it with every field.</summary>
/// <param name="Id">The activity's id (<c>acti_…</c>).</param>
/// <param name="Data">The call object, transcripts included when it has them.</param>
public sealed record EmulatedCall(string Id, JsonElement Data);
