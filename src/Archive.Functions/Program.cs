using Archive.Core;
using Archive.Core.Search;
using Archive.Functions;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SecurityHeaders>();

// Telemetry: OpenTelemetry with the Azure Monitor exporter, only where Application Insights is configured. Traces
// (the worker's invocation spans and Archive's ingest spans), Archive's metrics and the logs; the exporter's sampler
// keeps every span by default (ratio 1.0), and a rejected ingestion's span is marked recorded and as an error.
if (!string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .WithTracing(tracing => tracing.AddSource(ArchiveTelemetry.Name))
        .WithMetrics(metrics => metrics.AddMeter(ArchiveTelemetry.Name))
        .UseAzureMonitorExporter(options =>
        {
            // Local authentication is off on the component: export with the app identity's Entra ID token.
            var clientId = builder.Configuration["Search:ClientId"];
            if (!string.IsNullOrWhiteSpace(clientId))
            {
                options.Credential = SearchConnection.CreateTokenCredential(clientId);
            }
        });
}

builder.Services.AddArchiveCore(builder.Configuration);
builder.Services.AddHostedService<IndexStartupCheck>();
builder.Build().Run();
