namespace CallLogClient.Sample.Export;

/// <summary>
/// Where an export stands in the provider's list: the offset of the next page (Pipedrive <c>start</c>, Close
/// <c>_skip</c>), the ids of the page before it (a call log that shifts onto the next page is not written twice) and,
/// for Close, the creation cut-off that keeps calls created during the export from shifting the offsets.
/// </summary>
internal sealed record ExportPosition(int Offset, IReadOnlyList<string> LastPageIds, DateTimeOffset? CreatedBefore);
