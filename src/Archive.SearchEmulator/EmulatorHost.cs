using System.Net;

namespace Archive.SearchEmulator;

/// <summary>Builds the emulator's web application: Kestrel on 127.0.0.1 over HTTPS, one request handler.</summary>
internal static class EmulatorHost
{
    /// <summary>When this environment variable is "1", the emulator stops once its standard input is closed.</summary>
    public const string WatchStdinVariable = "ARCHIVE_SEARCH_EMULATOR_WATCH_STDIN";

    public static WebApplication Build(EmulatorOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
        var startupLogger = loggerFactory.CreateLogger("Archive.SearchEmulator");
        var certificate = EmulatorCertificate.LoadOrCreate(options, startupLogger);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate));
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IndexRegistry>();
        builder.Services.AddSingleton<SynonymMapRegistry>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<RequestRouter>();

        var app = builder.Build();
        var registry = app.Services.GetRequiredService<IndexRegistry>();
        registry.Load();
        app.Services.GetRequiredService<SynonymMapRegistry>().Load();
        app.Lifetime.ApplicationStopping.Register(registry.Dispose);
        var router = app.Services.GetRequiredService<RequestRouter>();
        app.Run(router.HandleAsync);
        return app;
    }
}
