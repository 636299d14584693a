namespace CallLogClient.Http;

/// <summary>
/// What one page of a list says: the items to return from it, and the offset of the next page, or
/// <see langword="null"/> when it is the last one. A page that cannot be followed carries the exception that ends the
/// read (and no next offset), thrown once its items are returned.
/// </summary>
internal readonly record struct PageStep<TItem>(IReadOnlyList<TItem> Items, int? Next, Exception? Failure = null);
