namespace Archive.DevHost;

/// <summary>A problem that stops the dev host before it serves anything; its message is shown to the user as is.</summary>
public sealed class DevHostStartupException : Exception
{
    public DevHostStartupException()
    {
    }

    public DevHostStartupException(string message)
        : base(message)
    {
    }

    public DevHostStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
