using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CallLogClient.Tests.Support;

/// <summary>One part of a multipart request body.</summary>
public sealed record MultipartPart(string? Name, string? FileName, string? ContentType, byte[] Content)
{
    public int Length => Content.Length;

    public string ContentAsString() => Encoding.UTF8.GetString(Content);

    /// <summary>Splits <paramref name="body"/> on the boundary named in <paramref name="contentType"/>.</summary>
    public static IReadOnlyList<MultipartPart> Parse(byte[] body, string contentType)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value
            ?? throw new FormatException($"No boundary in Content-Type '{contentType}'.");
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        var parts = new List<MultipartPart>();
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            using var content = new MemoryStream();
            section.Body.CopyTo(content);
            var disposition = section.ContentDisposition is { } value ? ContentDispositionHeaderValue.Parse(value) : null;
            parts.Add(new MultipartPart(
                disposition?.Name.Value?.Trim('"'),
                (disposition?.FileNameStar.Value ?? disposition?.FileName.Value)?.Trim('"'),
                section.ContentType,
                content.ToArray()));
        }

        return parts;
    }
}
