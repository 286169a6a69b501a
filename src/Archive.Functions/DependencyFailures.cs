using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Archive.Functions;

/// <summary>Maps a storage or search failure during a read request to a 503 problem instead of a bare 500.</summary>
internal static class DependencyFailures
{
    public static async Task<IActionResult> GuardAsync(ILogger logger, string operation, HttpRequest request, Func<Task<IActionResult>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            logger.DependencyFailed(e, operation, e.Status);
            return Problems.Unavailable($"Storage or search answered {e.Status}; try again later.", request.Path);
        }
        catch (HttpRequestException e)
        {
            logger.DependencyFailed(e, operation, 0);
            return Problems.Unavailable("Storage or search could not be reached; try again later.", request.Path);
        }
    }
}
