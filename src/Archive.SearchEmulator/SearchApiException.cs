namespace Archive.SearchEmulator;

/// <summary>A request failure answered with Azure's error shape <c>{"error":{"code":…,"message":…}}</c>.</summary>
internal sealed class SearchApiException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static SearchApiException BadRequest(string message, string code = "") => new(400, code, message);

    public static SearchApiException InvalidExpression(string detail, string parameter) =>
        new(400, string.Empty, $"Invalid expression: {detail}\r\nParameter name: {parameter}");

    public static SearchApiException IndexNotFound(string name) =>
        new(404, string.Empty, $"The index '{name}' for service 'emulator' was not found.");
}
