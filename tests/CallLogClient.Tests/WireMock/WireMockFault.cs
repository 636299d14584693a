namespace CallLogClient.Tests.WireMock;

/// <summary>WireMock's simulated network faults (the response's <c>fault</c> field).</summary>
public enum WireMockFault
{
    /// <summary>CONNECTION_RESET_BY_PEER: closes the connection with a TCP RST.</summary>
    ConnectionResetByPeer,

    /// <summary>EMPTY_RESPONSE: closes the connection without sending anything.</summary>
    EmptyResponse,

    /// <summary>MALFORMED_RESPONSE_CHUNK: sends a 200 status line and headers, then a garbage chunk, then closes.</summary>
    MalformedResponseChunk,

    /// <summary>RANDOM_DATA_THEN_CLOSE: sends bytes that are not HTTP, then closes.</summary>
    RandomDataThenClose,
}
