using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CallLogClient.Testing.Pipedrive;

/// <summary>
/// The emulated Pipedrive Call Logs API (v1), served under <see cref="CallLogEmulator.PipedriveBaseAddress"/>: the
/// <c>x-api-token</c> header or a bearer token, token costs per endpoint with <c>x-ratelimit-*</c> headers, the
/// documented envelopes and error bodies, and state kept across calls.
/// </summary>
public sealed class PipedriveEmulation : IProviderEmulation
{
    private static readonly string[] Outcomes = ["connected", "no_answer", "left_message", "left_voicemail", "wrong_number", "busy"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK"];
    private const string ErrorInfo = "Please check developers.pipedrive.com for more information about Pipedrive API.";

    private readonly ConcurrentDictionary<string, Stored> callLogs = new();
    private readonly string apiToken;
    private readonly string? accessToken;
    private long sequence;

    internal PipedriveEmulation(string apiToken, string? accessToken)
    {
        this.apiToken = apiToken;
        this.accessToken = accessToken;
    }

    /// <summary>How this API misbehaves on purpose.</summary>
    public Misbehaviour Misbehaviour { get; } = new();

    /// <summary>A burst limit in tokens per window (list 20, get 2, create 10, recording 10, delete 6); none by default.</summary>
    public RateLimit? RateLimit { get; set; }

    /// <summary>The user id call logs get when the request names none.</summary>
    public long UserId { get; set; } = 777707777;

    /// <summary>Every call log held now, oldest first.</summary>
    public IReadOnlyList<EmulatedCallLog> CallLogs =>
        [.. callLogs.Values.OrderBy(stored => stored.Sequence).Select(stored => stored.Snapshot())];

    /// <summary>Forgets every call log and turns misbehaviour and rate limits off.</summary>
    public void Reset()
    {
        callLogs.Clear();
        Misbehaviour.Reset();
        RateLimit = null;
    }

    EmulatedProvider IProviderEmulation.Provider => EmulatedProvider.Pipedrive;

    string IProviderEmulation.Prefix => "/pipedrive";

    bool IProviderEmulation.IsAuthorized(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return request.Headers["x-api-token"].ToString() == apiToken
            || (accessToken is not null && authorization == "Bearer " + accessToken);
    }

    int IProviderEmulation.CostOf(string method, string path) => (method, path.Count(c => c == '/')) switch
    {
        ("GET", 2) => 20,
        ("GET", _) => 2,
        ("DELETE", _) => 6,
        _ => 10,
    };

    EmulatorResponse IProviderEmulation.Unauthorized() =>
        new(401, new JsonObject { ["success"] = false, ["error"] = "unauthorized access", ["errorCode"] = 401 });

    EmulatorResponse IProviderEmulation.Error(int status) => Error(status, status switch
    {
        503 => "Service Unavailable",
        _ => "An internal server error occurred",
    });

    EmulatorResponse IProviderEmulation.RateLimited(RateLimit limit, double resetSeconds) =>
        new(429, new JsonObject { ["success"] = false, ["error"] = "Request over limit", ["errorCode"] = 429 });

    void IProviderEmulation.AddRateHeaders(EmulatorResponse response, RateLimit limit, int remaining, double resetSeconds) =>
        response.WithHeader("x-ratelimit-limit", limit.Limit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-remaining", remaining.ToString(CultureInfo.InvariantCulture))
            .WithHeader("x-ratelimit-reset", Math.Ceiling(resetSeconds).ToString(CultureInfo.InvariantCulture));

    async Task<EmulatorResponse> IProviderEmulation.HandleAsync(EmulatorRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        if (segments is not ["v1" or "api", ..] || segments.SkipWhile(s => s is "api" or "v1").ToArray() is not ["callLogs", .. var rest])
        {
            return Error(404, "Unknown method .");
        }

        return (request.Method, rest) switch
        {
            ("GET", []) => List(request.Query),
            ("POST", []) => Create(request.JsonBody()),
            ("GET", [var id]) => Find(id) is { } stored ? Data(stored.Data) : NotFound(),
            ("DELETE", [var id]) => Delete(id),
            ("POST", [var id, "recordings"]) => await AttachRecordingAsync(id, request.Http).ConfigureAwait(false),
            _ => Error(405, "Method not allowed"),
        };
    }

    private EmulatorResponse List(IQueryCollection query)
    {
        if (!TryInt(query["start"], 0, out var start) || start < 0)
        {
            return Error(400, "Parameter 'start' must be a non-negative integer.");
        }

        if (!TryInt(query["limit"], 50, out var limit) || limit is < 1 or > 50)
        {
            return Error(400, "Parameter 'limit' must be between 1 and 50.");
        }

        var all = callLogs.Values.OrderBy(stored => stored.Sequence).ToList();
        var page = all.Skip(start).Take(limit).Select(stored => (JsonNode)stored.Data.DeepClone()).ToArray();
        var more = start + page.Length < all.Count;
        var pagination = new JsonObject { ["start"] = start, ["limit"] = limit, ["more_items_in_collection"] = more };
        if (more)
        {
            pagination["next_start"] = start + page.Length;
        }

        return new(200, new JsonObject
        {
            ["success"] = true,
            ["data"] = new JsonArray(page),
            ["additional_data"] = new JsonObject { ["pagination"] = pagination },
        });
    }

    private EmulatorResponse Create(JsonObject? body)
    {
        if (body is null)
        {
            return Error(400, "Request body must be a JSON object.");
        }

        if (Text(body, "outcome") is not { } outcome)
        {
            return Error(400, "\"outcome\" is required.");
        }

        if (!Outcomes.Contains(outcome))
        {
            return Error(400, $"\"outcome\" must be one of [{string.Join(", ", Outcomes)}].");
        }

        if (Text(body, "to_phone_number") is not { Length: > 0 })
        {
            return Error(400, "\"to_phone_number\" is required.");
        }

        if (ReadTime(body, "start_time", out var start) is { } startProblem)
        {
            return Error(400, startProblem);
        }

        if (ReadTime(body, "end_time", out var end) is { } endProblem)
        {
            return Error(400, endProblem);
        }

        if (end < start)
        {
            return Error(400, "\"end_time\" must not be before \"start_time\".");
        }

        if (body["deal_id"] is not null && body["lead_id"] is not null)
        {
            return Error(400, "A call log can be associated with either a deal or a lead, but not both at once.");
        }

        var id = Guid.NewGuid().ToString("N");
        var data = new JsonObject
        {
            ["id"] = id,
            ["activity_id"] = body["activity_id"]?.DeepClone() ?? 1000 + Interlocked.Read(ref sequence),
            ["person_id"] = body["person_id"]?.DeepClone(),
            ["org_id"] = body["org_id"]?.DeepClone(),
            ["deal_id"] = body["deal_id"]?.DeepClone(),
            ["lead_id"] = body["lead_id"]?.DeepClone(),
            ["subject"] = body["subject"]?.DeepClone(),
            ["duration"] = body["duration"] is { } duration ? duration.ToString() : "0",
            ["outcome"] = outcome,
            ["from_phone_number"] = body["from_phone_number"]?.DeepClone(),
            ["to_phone_number"] = body["to_phone_number"]!.DeepClone(),
            ["has_recording"] = false,
            ["start_time"] = Iso(start),
            ["end_time"] = Iso(end),
            ["user_id"] = body["user_id"]?.DeepClone() ?? UserId,
            ["company_id"] = 7777777,
            ["note"] = body["note"]?.DeepClone(),
        };
        var stored = new Stored(id, Interlocked.Increment(ref sequence), data);
        callLogs[id] = stored;
        return Data(data);
    }

    private EmulatorResponse Delete(string id)
    {
        if (!callLogs.TryRemove(id, out _))
        {
            return NotFound();
        }

        return new(200, new JsonObject { ["success"] = true });
    }

    private async Task<EmulatorResponse> AttachRecordingAsync(string id, HttpRequest http)
    {
        if (Find(id) is not { } stored)
        {
            return NotFound();
        }

        if (!http.HasFormContentType)
        {
            return Error(400, "Invalid input: file - This field is required.");
        }

        var form = await http.ReadFormAsync().ConfigureAwait(false);
        if (form.Files.GetFile("file") is not { } file)
        {
            return Error(400, "Invalid input: file - This field is required.");
        }

        if (form.Files.Count > 1 || form.Keys.Count > 0)
        {
            return Error(400, "Invalid input: file - This field was not expected.");
        }

        using var audio = new MemoryStream();
        await file.CopyToAsync(audio).ConfigureAwait(false);
        lock (stored.Gate)
        {
            if (stored.Recording is not null)
            {
                return Error(409, "A recording for this call already exists");
            }

            stored.Recording = audio.ToArray();
            stored.RecordingContentType = file.ContentType;
            stored.RecordingFileName = file.FileName;
            stored.Data["has_recording"] = true;
        }

        return new(200, new JsonObject { ["success"] = true });
    }

    private Stored? Find(string id) => callLogs.TryGetValue(Uri.UnescapeDataString(id), out var stored) ? stored : null;

    private static EmulatorResponse Data(JsonObject data) => new(200, new JsonObject { ["success"] = true, ["data"] = data.DeepClone() });

    private static EmulatorResponse NotFound() => Error(404, "A resource required for this operation was not found.");

    private static EmulatorResponse Error(int status, string message) => new(status, new JsonObject
    {
        ["success"] = false,
        ["error"] = message,
        ["error_info"] = ErrorInfo,
        ["data"] = null,
        ["additional_data"] = null,
    });

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? ReadTime(JsonObject body, string name, out DateTime time)
    {
        time = default;
        if (Text(body, name) is not { } text)
        {
            return $"\"{name}\" is required.";
        }

        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time)
            ? null
            : $"\"{name}\" must be a valid date in the format YYYY-MM-DD HH:MM:SS.";
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        result = fallback;
        return value.Count == 0 || int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }

    private sealed class Stored(string id, long sequence, JsonObject data)
    {
        public Lock Gate { get; } = new();

        public long Sequence { get; } = sequence;

        public JsonObject Data { get; } = data;

        public byte[]? Recording { get; set; }

        public string? RecordingContentType { get; set; }

        public string? RecordingFileName { get; set; }

        public EmulatedCallLog Snapshot()
        {
            lock (Gate)
            {
                return new(id, EmulatorJson.Snapshot(Data), Recording, RecordingContentType, RecordingFileName);
            }
        }
    }
}
