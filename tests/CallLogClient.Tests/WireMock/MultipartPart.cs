using System.Net.Http.Headers;
using System.Text;

namespace CallLogClient.Tests.WireMock;

/// <summary>One part of a multipart request body.</summary>
public sealed record MultipartPart
{
    /// <summary>The part's headers; lookup is case-insensitive.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Form field name from Content-Disposition, unquoted.</summary>
    public string? Name { get; init; }

    /// <summary>File name from Content-Disposition (<c>filename*</c> preferred), unquoted.</summary>
    public string? FileName { get; init; }

    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    public required byte[] Content { get; init; }

    public int Length => Content.Length;

    public string ContentAsString() => Encoding.UTF8.GetString(Content);

    /// <summary>Splits <paramref name="body"/> on the boundary named in <paramref name="contentType"/>.</summary>
    public static IReadOnlyList<MultipartPart> Parse(byte[] body, string contentType)
    {
        var boundary = MediaTypeHeaderValue.Parse(contentType).Parameters
            .FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"')
            ?? throw new FormatException($"No boundary in Content-Type '{contentType}'.");
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var nextDelimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);

        var parts = new List<MultipartPart>();
        var span = body.AsSpan();
        var start = span.IndexOf(delimiter);
        if (start < 0)
        {
            throw new FormatException($"Boundary '{boundary}' not found in the body.");
        }

        var position = start + delimiter.Length;
        while (!span[position..].StartsWith("--"u8))
        {
            position += 2; // CRLF after the delimiter
            var length = span[position..].IndexOf(nextDelimiter);
            if (length < 0)
            {
                throw new FormatException("Multipart body is missing its closing boundary.");
            }

            parts.Add(ParsePart(span.Slice(position, length)));
            position += length + nextDelimiter.Length;
        }

        return parts;
    }

    private static MultipartPart ParsePart(ReadOnlySpan<byte> part)
    {
        string headerText;
        ReadOnlySpan<byte> content;
        if (part.StartsWith("\r\n"u8))
        {
            headerText = string.Empty;
            content = part[2..];
        }
        else
        {
            var separator = part.IndexOf("\r\n\r\n"u8);
            if (separator < 0)
            {
                throw new FormatException("A multipart part has no blank line after its headers.");
            }

            headerText = Encoding.UTF8.GetString(part[..separator]);
            content = part[(separator + 4)..];
        }

        var headers = headerText
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv.Length > 1 ? kv[1].Trim() : string.Empty, StringComparer.OrdinalIgnoreCase);

        var disposition = headers.TryGetValue("Content-Disposition", out var value) ? ContentDispositionHeaderValue.Parse(value) : null;
        return new MultipartPart
        {
            Headers = headers,
            Name = disposition?.Name?.Trim('"'),
            FileName = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"'),
            Content = content.ToArray(),
        };
    }
}
