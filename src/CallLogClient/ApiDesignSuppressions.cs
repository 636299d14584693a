using System.Diagnostics.CodeAnalysis;

// RS0027 asks the overload with optional parameters to have the most parameters. The longer overload here is the
// protected one subclasses use to add advice; callers see one public constructor with an optional inner exception.
[assembly: SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
    Scope = "member", Target = "~M:CallLogClient.Errors.CallLogApiException.#ctor(CallLogClient.Errors.CallLogErrorDetails,System.Exception)",
    Justification = "The longer overload is protected, for subclasses.")]

// The configuration overloads ship together, each with an optional `configure` run after binding (for what
// configuration cannot hold, such as an OAuth credential): no overload is added to a shipped one, which is what RS0026
// and RS0027 guard against.
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member", Target = "~M:Microsoft.Extensions.DependencyInjection.PipedriveServiceCollectionExtensions.AddPipedriveCallLogs(Microsoft.Extensions.DependencyInjection.IServiceCollection,System.String,Microsoft.Extensions.Configuration.IConfiguration,System.Action{CallLogClient.Pipedrive.PipedriveClientOptions})~Microsoft.Extensions.DependencyInjection.IHttpClientBuilder",
    Justification = "New overloads shipped together.")]
[assembly: SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
    Scope = "member", Target = "~M:Microsoft.Extensions.DependencyInjection.PipedriveServiceCollectionExtensions.AddPipedriveCallLogs(Microsoft.Extensions.DependencyInjection.IServiceCollection,Microsoft.Extensions.Configuration.IConfiguration,System.Action{CallLogClient.Pipedrive.PipedriveClientOptions})~Microsoft.Extensions.DependencyInjection.IHttpClientBuilder",
    Justification = "New overloads shipped together.")]
[assembly: SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "member", Target = "~M:Microsoft.Extensions.DependencyInjection.CloseServiceCollectionExtensions.AddCloseCallActivities(Microsoft.Extensions.DependencyInjection.IServiceCollection,System.String,Microsoft.Extensions.Configuration.IConfiguration,System.Action{CallLogClient.Close.CloseClientOptions})~Microsoft.Extensions.DependencyInjection.IHttpClientBuilder",
    Justification = "New overloads shipped together.")]
[assembly: SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads",
    Scope = "member", Target = "~M:Microsoft.Extensions.DependencyInjection.CloseServiceCollectionExtensions.AddCloseCallActivities(Microsoft.Extensions.DependencyInjection.IServiceCollection,Microsoft.Extensions.Configuration.IConfiguration,System.Action{CallLogClient.Close.CloseClientOptions})~Microsoft.Extensions.DependencyInjection.IHttpClientBuilder",
    Justification = "New overloads shipped together.")]
