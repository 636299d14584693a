using System.Text.Json.Serialization;
using CallLogClient.Close;

namespace CallLogClient.Tests.Close;

/// <summary>Source-generated reading of the bare Close enums, outside any model.</summary>
[JsonSerializable(typeof(CloseCallStatus))]
[JsonSerializable(typeof(List<Dictionary<string, string>>))]
internal sealed partial class CloseJsonContextForTests : JsonSerializerContext;
