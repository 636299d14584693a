using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CallLogClient.Testing.Close;

/// <summary>
/// The emulated Close Call activities API, served under <see cref="CallLogEmulator.CloseBaseAddress"/>: Basic auth with
/// the API key or a bearer token, the <c>RateLimit</c> header, the documented bodies and field errors, partial
/// updates, <c>_skip</c>/<c>_limit</c>/<c>has_more</c> paging with the list filters, the <c>_skip</c> cap and
/// <c>_fields</c> (transcripts only when asked for).
/// </summary>
public sealed partial class CloseEmulation : IProviderEmulation
{
    private static readonly string[] Statuses = ["created", "in-progress", "completed", "cancel", "no-answer", "busy", "failed", "timeout"];
    private static readonly string[] Directions = ["inbound", "outbound"];
    private static readonly string[] Transcripts = ["recording_transcript", "voicemail_transcript"];
    private static readonly HashSet<string> Writable =
    [
        "lead_id", "contact_id", "user_id", "created_by", "direction", "status", "duration", "phone", "recording_url", "voicemail_url",
        "note_html", "note", "outcome_id", "activity_at", "date_created", "source", "organization_id", "conversation_type_id",
        "playbook_id", "quality_info",
    ];

    private static readonly HashSet<string> NotUpdatable = ["created_by", "date_created", "organization_id", "source"];
    private const string OrganizationId = "orga_emulator";
    private const int MaxDuration = 604_800;

    private readonly ConcurrentDictionary<string, Stored> calls = new();
    private readonly ConcurrentQueue<JsonObject> outcomes = new();
    private readonly string authorization;
    private readonly string? bearer;
    private readonly TimeProvider timeProvider;
    private long sequence;

    internal CloseEmulation(string apiKey, string? accessToken, TimeProvider timeProvider)
    {
        authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey + ":"));
        bearer = accessToken is null ? null : "Bearer " + accessToken;
        this.timeProvider = timeProvider;
    }

    /// <summary>How this API misbehaves on purpose.</summary>
    public Misbehaviour Misbehaviour { get; } = new();

    /// <summary>A request limit per window (every call costs 1), reported in the <c>RateLimit</c> header; none by default.</summary>
    public RateLimit? RateLimit { get; set; }

    /// <summary>The largest <c>_skip</c> a list accepts; Close's is 250 000. Lower it to test deep reads.</summary>
    public int MaxSkip { get; set; } = 250_000;

    /// <summary>Every call held now, newest first (the order lists use).</summary>
    public IReadOnlyList<EmulatedCall> Calls => [.. Ordered().Select(stored => stored.Snapshot())];

    /// <summary>Forgets every call and outcome and turns misbehaviour, rate limits and the small skip cap off.</summary>
    public void Reset()
    {
        calls.Clear();
        outcomes.Clear();
        Misbehaviour.Reset();
        RateLimit = null;
        MaxSkip = 250_000;
    }

    /// <summary>
    /// Adds a call as if it had been made through Close's own dialer (source <c>Close.io</c>, a recording, optionally a
    /// transcript), or logged at <paramref name="dateCreated"/>; returns its id.
    /// </summary>
    /// <param name="leadId">The lead it belongs to.</param>
    /// <param name="dateCreated">When Close created it; now when <see langword="null"/>.</param>
    /// <param name="madeInClose">Made with Close's dialer (its recording can be deleted by clearing <c>recording_url</c>).</param>
    /// <param name="transcript">A <c>recording_transcript</c> object, returned only when <c>_fields</c> asks for it.</param>
    public string AddCall(string leadId, DateTimeOffset? dateCreated = null, bool madeInClose = true, JsonObject? transcript = null)
    {
        var created = dateCreated ?? timeProvider.GetUtcNow();
        var id = NewId();
        var call = NewCall(id, created);
        call["lead_id"] = leadId;
        call["direction"] = "outbound";
        call["duration"] = 60;
        call["phone"] = "+16505550100";
        if (madeInClose)
        {
            call["source"] = "Close.io";
            call["call_method"] = "regular";
            call["cost"] = "2";
            call["recording_url"] = $"https://api.close.com/call/{id}/recording/";
            call["has_recording"] = true;
            call["disposition"] = "answered";
        }

        call["recording_transcript"] = transcript;
        Store(id, call);
        return id;
    }

    /// <summary>
    /// Adds one of the organization's outcomes (the Outcomes API, <c>GET /outcome/</c>); returns its id
    /// (<c>outcome_…</c>) for a call's <c>outcome_id</c>.
    /// </summary>
    /// <param name="name">The name users see, e.g. <c>Demo Booked</c>.</param>
    /// <param name="type"><c>custom</c> or <c>vm-dropped</c>.</param>
    public string AddOutcome(string name, string type = "custom")
    {
        var id = "outcome_" + Guid.NewGuid().ToString("N")[..22];
        var now = CloseDate(timeProvider.GetUtcNow());
        outcomes.Enqueue(new JsonObject
        {
            ["applies_to"] = type == "vm-dropped" ? new JsonArray("calls") : new JsonArray("calls", "meetings"),
            ["created_by"] = "user_emulator",
            ["date_created"] = now,
            ["date_updated"] = now,
            ["description"] = null,
            ["id"] = id,
            ["name"] = name,
            ["organization_id"] = OrganizationId,
            ["type"] = type,
            ["updated_by"] = "user_emulator",
        });
        return id;
    }

    EmulatedProvider IProviderEmulation.Provider => EmulatedProvider.Close;

    string IProviderEmulation.Prefix => "/close";

    bool IProviderEmulation.IsAuthorized(HttpRequest request)
    {
        var sent = request.Headers.Authorization.ToString();
        return sent == authorization || (bearer is not null && sent == bearer);
    }

    int IProviderEmulation.CostOf(string method, string path) => 1;

    EmulatorResponse IProviderEmulation.Unauthorized() => Error(401,
        "The server could not verify that you are authorized to access the URL requested.  You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.");

    EmulatorResponse IProviderEmulation.Error(int status) => status switch
    {
        503 => new(503, null),
        _ => Error(status, "Internal Server Error"),
    };

    EmulatorResponse IProviderEmulation.RateLimited(RateLimit limit, double resetSeconds) =>
        new EmulatorResponse(429, null).WithHeader("Retry-After", Math.Ceiling(resetSeconds).ToString(CultureInfo.InvariantCulture));

    void IProviderEmulation.AddRateHeaders(EmulatorResponse response, RateLimit limit, int remaining, double resetSeconds) =>
        response.WithHeader("RateLimit", string.Create(CultureInfo.InvariantCulture, $"limit={limit.Limit}, remaining={remaining}, reset={Math.Ceiling(resetSeconds * 1000) / 1000:0.###}"));

    Task<EmulatorResponse> IProviderEmulation.HandleAsync(EmulatorRequest request)
    {
        if (!request.Path.EndsWith('/'))
        {
            return Task.FromResult(Error(404, "URL not found"));
        }

        var segments = request.Path.Trim('/').Split('/');
        var response = segments switch
        {
            ["api", "v1", "activity", "call"] => request.Method switch
            {
                "GET" => List(request.Query),
                "POST" => Create(request.JsonBody()),
                _ => Error(405, "Method not allowed"),
            },
            ["api", "v1", "outcome"] => request.Method == "GET" ? ListOutcomes(request.Query) : Error(405, "Method not allowed"),
            ["api", "v1", "activity", "call", var id] => request.Method switch
            {
                "GET" => Find(id) is { } stored ? new(200, Shape(stored, Fields(request.Query))) : NotFound(),
                "PUT" => Update(id, request.JsonBody()),
                "DELETE" => calls.TryRemove(id, out _) ? new(200, new JsonObject()) : NotFound(),
                _ => Error(405, "Method not allowed"),
            },
            _ => Error(404, "URL not found"),
        };
        return Task.FromResult(response);
    }

    private EmulatorResponse List(IQueryCollection query)
    {
        if (!TryInt(query["_skip"], 0, out var skip) || skip < 0 || !TryInt(query["_limit"], 100, out var limit) || limit is < 1 or > 100)
        {
            return FieldErrors(("_limit", "Enter a whole number between 1 and 100."));
        }

        if (skip > MaxSkip)
        {
            return Error(400,
                $"The skip you set is larger than the maximum skip for this resource (max_skip = {MaxSkip}).\nPlease refine your search query.");
        }

        var filters = new List<Func<JsonObject, bool>>();
        foreach (var (name, field) in new[] { ("id__in", "id"), ("lead_id", "lead_id"), ("contact_id", "contact_id"), ("user_id", "user_id"), ("organization_id", "organization_id") })
        {
            if (query[name].ToString() is { Length: > 0 } list)
            {
                var wanted = list.Split(',').ToHashSet();
                filters.Add(call => call[field]?.GetValue<string>() is { } value && wanted.Contains(value));
            }
        }

        foreach (var field in new[] { "date_created", "activity_at" })
        {
            foreach (var (suffix, keep) in Comparisons)
            {
                if (query[field + suffix].ToString() is not { Length: > 0 } text)
                {
                    continue;
                }

                if (!TryDate(text, out var bound))
                {
                    return FieldErrors((field + suffix, "Enter a valid date/time."));
                }

                filters.Add(call => call[field]?.GetValue<string>() is { } value && keep(DateTimeOffset.Parse(value, CultureInfo.InvariantCulture).CompareTo(bound)));
            }
        }

        var matching = Ordered().Where(stored => filters.All(filter => filter(stored.Data))).ToList();
        var fields = Fields(query);
        var page = matching.Skip(skip).Take(limit).Select(stored => (JsonNode)Shape(stored, fields)).ToArray();
        return new(200, new JsonObject { ["has_more"] = skip + page.Length < matching.Count, ["data"] = new JsonArray(page) });
    }

    private EmulatorResponse ListOutcomes(IQueryCollection query)
    {
        if (!TryInt(query["_skip"], 0, out var skip) || skip < 0 || !TryInt(query["_limit"], 100, out var limit) || limit is < 1 or > 100)
        {
            return FieldErrors(("_limit", "Enter a whole number between 1 and 100."));
        }

        var all = outcomes.ToArray();
        var page = all.Skip(skip).Take(limit).Select(outcome => (JsonNode)outcome.DeepClone()).ToArray();
        return new(200, new JsonObject { ["has_more"] = skip + page.Length < all.Length, ["data"] = new JsonArray(page) });
    }

    private static readonly (string Suffix, Func<int, bool> Keep)[] Comparisons =
        [("__gt", c => c > 0), ("__gte", c => c >= 0), ("__lt", c => c < 0), ("__lte", c => c <= 0)];

    private EmulatorResponse Create(JsonObject? body)
    {
        if (body is null)
        {
            return Error(400, "Request body must be a JSON object.");
        }

        if (Validate(body, creating: true) is { } invalid)
        {
            return invalid;
        }

        var id = NewId();
        var created = ReadDate(body, "date_created") ?? timeProvider.GetUtcNow();
        var call = NewCall(id, created);
        Apply(call, body);
        call["status"] ??= "completed";
        Store(id, call);
        return new(200, Shape(calls[id], fields: null));
    }

    private EmulatorResponse Update(string id, JsonObject? body)
    {
        if (Find(id) is not { } stored)
        {
            return NotFound();
        }

        if (body is null)
        {
            return Error(400, "Request body must be a JSON object.");
        }

        if (Validate(body, creating: false) is { } invalid)
        {
            return invalid;
        }

        lock (stored.Gate)
        {
            var call = stored.Data;
            if (call["source"]?.GetValue<string>() == "Close.io")
            {
                foreach (var locked in new[] { "status", "duration", "direction" })
                {
                    if (body.ContainsKey(locked))
                    {
                        return FieldErrors((locked, "This field cannot be changed on a call made through Close."));
                    }
                }

                if (body.ContainsKey("recording_url") && body["recording_url"]?.ToString() != call["recording_url"]?.ToString())
                {
                    call["has_recording"] = false;
                    call["recording_transcript"] = null;
                }
            }

            Apply(call, body);
            call["date_updated"] = CloseDate(timeProvider.GetUtcNow());
        }

        return new(200, Shape(stored, fields: null));
    }

    /// <summary>The documented rules, with Close's field-errors body; null when the body passes.</summary>
    private static EmulatorResponse? Validate(JsonObject body, bool creating)
    {
        foreach (var (key, _) in body)
        {
            var allowed = key.StartsWith("custom.", StringComparison.Ordinal)
                || (Writable.Contains(key) && (creating || !NotUpdatable.Contains(key)));
            if (!allowed)
            {
                return FieldErrors((key, "Unknown field."));
            }
        }

        if (creating && body["lead_id"] is null)
        {
            return FieldErrors(("lead", "This field is required."));
        }

        if (body["phone"] is JsonValue phone && (!phone.TryGetValue<string>(out var text) || !E164().IsMatch(text)))
        {
            return FieldErrors(("phone", "Enter a valid phone number in E.164 format."));
        }

        if (body["recording_url"] is JsonValue url
            && (!url.TryGetValue<string>(out var link) || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            return FieldErrors(("recording_url", "For security reasons, the recording URL must use https."));
        }

        if (body["duration"] is JsonValue duration && (!duration.TryGetValue<int>(out var seconds) || seconds is < 0 or > MaxDuration))
        {
            return FieldErrors(("duration", $"Ensure this value is between 0 and {MaxDuration}."));
        }

        if (body["status"] is JsonValue status && !Statuses.Contains(status.ToString()))
        {
            return FieldErrors(("status", "Not a valid choice."));
        }

        if (body["direction"] is JsonValue direction && !Directions.Contains(direction.ToString()))
        {
            return FieldErrors(("direction", "Not a valid choice."));
        }

        foreach (var date in new[] { "activity_at", "date_created" })
        {
            if (body[date] is JsonValue value && !TryDate(value.ToString(), out _))
            {
                return FieldErrors((date, "Enter a valid date/time."));
            }
        }

        return null;
    }

    /// <summary>Writes the keys sent; <c>note_html</c> wins over <c>note</c>, and each is derived from the other.</summary>
    private static void Apply(JsonObject call, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            if (key is not ("note" or "note_html"))
            {
                call[key] = value?.DeepClone();
            }
        }

        if (body["note_html"] is { } html)
        {
            call["note_html"] = html.DeepClone();
            call["note"] = PlainText(html.ToString());
        }
        else if (body.ContainsKey("note"))
        {
            var note = body["note"]?.ToString();
            call["note"] = note;
            call["note_html"] = note is null ? null : $"<body><p>{System.Net.WebUtility.HtmlEncode(note).Replace("\n", "<br />", StringComparison.Ordinal)}</p></body>";
        }

        if (body.ContainsKey("activity_at") && body["activity_at"] is { } at)
        {
            call["activity_at"] = CloseDate(DateTimeOffset.Parse(at.ToString(), CultureInfo.InvariantCulture));
        }
    }

    private static JsonObject NewCall(string id, DateTimeOffset created) => new()
    {
        ["id"] = id,
        ["_type"] = "Call",
        ["organization_id"] = OrganizationId,
        ["lead_id"] = null,
        ["contact_id"] = null,
        ["user_id"] = "user_emulator",
        ["user_name"] = "Emulated User",
        ["created_by"] = "user_emulator",
        ["created_by_name"] = "Emulated User",
        ["updated_by"] = null,
        ["updated_by_name"] = null,
        ["users"] = new JsonArray(),
        ["date_created"] = CloseDate(created),
        ["date_updated"] = CloseDate(created),
        ["activity_at"] = CloseDate(created),
        ["direction"] = null,
        ["status"] = "completed",
        ["disposition"] = null,
        ["call_method"] = "external",
        ["outcome_id"] = null,
        ["duration"] = 0,
        ["cost"] = "0",
        ["phone"] = null,
        ["local_phone"] = null,
        ["remote_phone"] = null,
        ["recording_url"] = null,
        ["voicemail_url"] = null,
        ["voicemail_duration"] = 0,
        ["has_recording"] = false,
        ["note_html"] = null,
        ["note"] = null,
        ["source"] = "External",
    };

    private void Store(string id, JsonObject call) => calls[id] = new Stored(id, Interlocked.Increment(ref sequence), call);

    private IEnumerable<Stored> Ordered() => calls.Values
        .OrderByDescending(stored => DateTimeOffset.Parse(stored.Data["date_created"]!.ToString(), CultureInfo.InvariantCulture))
        .ThenByDescending(stored => stored.Sequence);

    private Stored? Find(string id) => calls.TryGetValue(Uri.UnescapeDataString(id), out var stored) ? stored : null;

    /// <summary>The call as the API returns it: every field but the transcripts, or only the fields <c>_fields</c> names.</summary>
    private static JsonObject Shape(Stored stored, HashSet<string>? fields)
    {
        lock (stored.Gate)
        {
            var shaped = new JsonObject();
            foreach (var (key, value) in stored.Data)
            {
                var wanted = fields is null ? !Transcripts.Contains(key) : fields.Contains(key);
                if (wanted)
                {
                    shaped[key] = value?.DeepClone();
                }
            }

            return shaped;
        }
    }

    private static HashSet<string>? Fields(IQueryCollection query) =>
        query["_fields"].ToString() is { Length: > 0 } list ? list.Split(',').ToHashSet() : null;

    private static DateTimeOffset? ReadDate(JsonObject body, string name) =>
        body[name] is { } value && TryDate(value.ToString(), out var date) ? date : null;

    private static bool TryDate(string text, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(text.Replace(' ', '+'), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);

    private static string CloseDate(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    private static string NewId() => "acti_" + Guid.NewGuid().ToString("N")[..22];

    private static string PlainText(string html) => System.Net.WebUtility.HtmlDecode(Tags().Replace(html, "")).Trim();

    private static EmulatorResponse NotFound() => Error(404, "Empty query: Call matching query does not exist.");

    private static EmulatorResponse Error(int status, string message) => new(status, new JsonObject { ["error"] = message });

    private static EmulatorResponse FieldErrors((string Field, string Message) error) => new(400, new JsonObject
    {
        ["errors"] = new JsonArray(),
        ["field-errors"] = new JsonObject { [error.Field] = error.Message },
    });

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues value, int fallback, out int result)
    {
        result = fallback;
        return value.Count == 0 || int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }

    [GeneratedRegex(@"\A\+[1-9]\d{1,14}\z")]
    private static partial Regex E164();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    private sealed class Stored(string id, long sequence, JsonObject data)
    {
        public Lock Gate { get; } = new();

        public long Sequence { get; } = sequence;

        public JsonObject Data { get; } = data;

        public EmulatedCall Snapshot()
        {
            lock (Gate)
            {
                return new(id, EmulatorJson.Snapshot(Data));
            }
        }
    }
}
