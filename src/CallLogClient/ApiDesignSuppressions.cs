using System.Diagnostics.CodeAnalysis;

// RS0027 asks the overload with optional parameters to have the most parameters. The longer overload here is the
// protected one subclasses use to add advice; callers see one public constructor with an optional inner exception.
[assembly: SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
    Scope = "member", Target = "~M:CallLogClient.Errors.CallLogApiException.#ctor(CallLogClient.Errors.CallLogErrorDetails,System.Exception)",
    Justification = "The longer overload is protected, for subclasses.")]
