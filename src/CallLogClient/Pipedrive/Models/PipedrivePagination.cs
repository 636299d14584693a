using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallLogClient.Pipedrive.Models;

/// <summary>The paging block of a Pipedrive list response (<c>additional_data.pagination</c>).</summary>
public sealed class PipedrivePagination
{
    /// <summary>The offset of this page's first item; <see langword="null"/> when the server did not say.</summary>
    public int? Start { get; set; }

    /// <summary>The page size the server applied.</summary>
    public int Limit { get; set; }

    /// <summary>Whether more call logs follow this page.</summary>
    public bool MoreItemsInCollection { get; set; }

    /// <summary>The offset of the next page, when the server names it.</summary>
    public int? NextStart { get; set; }

    /// <summary>Fields the API sent that this type does not know, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
