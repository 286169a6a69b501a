using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Functions.Tests;

public sealed class HealthTests
{
    [Fact]
    public void Run_Called_ReturnsOkWithStatus()
    {
        var result = new Health().Run(new DefaultHttpContext().Request);

        var ok = Assert.IsType<OkObjectResult>(result);
        Assert.Equal(200, ok.StatusCode ?? 200);
        Assert.Contains("ok", ok.Value?.ToString(), StringComparison.Ordinal);
    }
}
