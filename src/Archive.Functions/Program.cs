using Archive.Core;
using Archive.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SecurityHeaders>();
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Logging.RemoveAppInsightsWarningOnlyRule();
builder.Services.AddArchiveCore(builder.Configuration);
builder.Services.AddHostedService<IndexStartupCheck>();
builder.Build().Run();
