namespace CallLogClient.Diagnostics;

/// <summary>
/// What a public call is, as telemetry names it: the span <c>pipedrive.call_logs.create</c>, and the provider and
/// operation tags of its metrics. Low-cardinality constants only; never a value the caller sent.
/// </summary>
internal sealed class CallOperation
{
    public CallOperation(CallLogProvider provider, string resource, string name, string method)
    {
        Provider = provider;
        ProviderName = CallTelemetry.ProviderName(provider);
        Name = name;
        Method = method;
        SpanName = $"{ProviderName}.{resource}.{name}";
        ProviderTag = new(CallTelemetry.ProviderTag, ProviderName);
        OperationTag = new(CallTelemetry.OperationTag, Name);
    }

    public CallLogProvider Provider { get; }

    /// <summary>The <c>calllogclient.provider</c> tag: <c>pipedrive</c> or <c>close</c>.</summary>
    public string ProviderName { get; }

    /// <summary>The <c>calllogclient.operation</c> tag, e.g. <c>create</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP method the operation sends (<c>http.request.method</c>).</summary>
    public string Method { get; }

    /// <summary>The span's name, e.g. <c>pipedrive.call_logs.create</c>.</summary>
    public string SpanName { get; }

    /// <summary>The provider tag every measurement of the operation carries.</summary>
    public KeyValuePair<string, object?> ProviderTag { get; }

    /// <summary>The operation tag every measurement of the operation carries.</summary>
    public KeyValuePair<string, object?> OperationTag { get; }

    public override string ToString() => SpanName;
}
