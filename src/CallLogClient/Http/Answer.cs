namespace CallLogClient.Http;

/// <summary>
/// What a public call hands back once its response is read: the value alone, the value with the response's details, or
/// the internal response (for the pagers). Passed to the one method that sends and reads, so a call waits in one place.
/// </summary>
internal static class Answer
{
    public static TValue Value<TBody, TValue>(ApiResponse<TBody> response, TValue value) => value;

    public static CallLogResponse<TValue> WithDetails<TBody, TValue>(ApiResponse<TBody> response, TValue value) => response.With(value);

    public static ApiResponse<TValue> Response<TBody, TValue>(ApiResponse<TBody> response, TValue value) => response.Carrying(value);
}
