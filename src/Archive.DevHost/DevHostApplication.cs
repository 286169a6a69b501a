using System.Diagnostics;
using System.Net;
using Archive.DevHost.WebJobs;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Archive.DevHost;

/// <summary>
/// The dev host: one Kestrel server with the gRPC endpoint for the worker (HTTP/2 only, free loopback port) and the
/// public HTTP port; the worker process; the WebJobs listeners; timers. Returns the process exit code.
/// </summary>
public static class DevHostApplication
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TerminateGrace = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(DevHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WorkerApp app;
        AppSettings settings;
        try
        {
            app = WorkerApp.Load(options.AppDirectory);
            var settingsPath = options.SettingsPath ?? Path.Combine(app.Directory, "local.settings.json");
            var local = options.SettingsPath is null && !File.Exists(settingsPath)
                ? new Dictionary<string, string>()
                : AppSettings.ReadLocalSettings(settingsPath);
            settings = new AppSettings(local, AppSettings.ProcessEnvironment());
            var unsupported = BindingSupport.FindUnsupported(app.DeclaredFunctions);
            if (unsupported.Count > 0)
            {
                throw new DevHostStartupException(string.Join(Environment.NewLine, unsupported));
            }
        }
        catch (DevHostStartupException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.SetMinimumLevel(options.Verbose ? LogLevel.Debug : LogLevel.Information);
        if (!options.Verbose)
        {
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
            builder.Logging.AddFilter("Grpc", LogLevel.Warning);
            builder.Logging.AddFilter("Host.Aggregator", LogLevel.Warning);
            builder.Logging.AddFilter("Host.Results", LogLevel.Warning);
            builder.Logging.AddFilter("Host.General", LogLevel.Warning);
        }

        var publicPort = options.Port;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.ListenLocalhost(publicPort);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new RpcLogPrinter(sp.GetRequiredService<ILoggerFactory>(), options.Verbose));
        builder.Services.AddSingleton<WorkerChannel>();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<HttpForwarder>();
        builder.Services.AddSingleton<DevHostState>();
        builder.Services.AddSingleton<EventGridWebhook>();
        builder.Services.AddSingleton<TimerScheduler>();
        builder.Services.AddSingleton<AdminEndpoints>();

        await using var web = builder.Build();
        web.MapGrpcService<FunctionRpcService>();
        web.MapGet("/admin/host/status", (AdminEndpoints admin, CancellationToken ct) => admin.StatusAsync(ct));
        web.MapPost("/admin/functions/{name}", (string name, HttpContext context, AdminEndpoints admin) => admin.RunFunctionAsync(name, context));
        web.MapPost("/runtime/webhooks/blobs", (HttpContext context, EventGridWebhook webhook) => webhook.HandleAsync(context));
        web.MapFallback(HandleHttpTriggerAsync);

        var logger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Archive.DevHost");
        try
        {
            await web.StartAsync().ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            Log.StartupFailed(logger, $"cannot listen on port {publicPort}: {ex.Message}");
            return 1;
        }

        var grpcUri = GrpcUri(web, publicPort);
        var state = web.Services.GetRequiredService<DevHostState>();
        var channel = web.Services.GetRequiredService<WorkerChannel>();
        var guard = new StaleWorkerGuard(app.Directory, publicPort, logger);
        guard.EndStaleWorker(app.WorkerPath);

        var workerId = Guid.NewGuid().ToString();
        var start = WorkerProcess.CreateStartInfo(app, settings, grpcUri, workerId, Guid.NewGuid().ToString());
        var workerLogger = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Worker");
        using var worker = WorkerProcess.Start(start, workerLogger);
        guard.Remember(worker.Id);
        Log.WorkerStarting(logger, app.WorkerPath, worker.Id, grpcUri);

        var stopping = web.Lifetime.ApplicationStopping;
        WebJobsListenerHost? listeners = null;
        var timers = web.Services.GetRequiredService<TimerScheduler>();
        var exitCode = 0;
        try
        {
            var running = await StartWorkerAsync(app, web.Services, channel, worker, stopping).ConfigureAwait(false);
            if (WebJobsListenerHost.IsNeeded(running.Functions))
            {
                listeners = await WebJobsListenerHost.StartAsync(
                    running.Functions,
                    web.Services.GetRequiredService<FunctionInvoker>(),
                    settings,
                    app.HostJson,
                    options.HostId ?? DefaultHostId(app),
                    web.Services.GetRequiredService<ILoggerFactory>(),
                    stopping).ConfigureAwait(false);
            }

            timers.Start(running.Functions);
            state.SetRunning(running);
            PrintFunctions(logger, running, publicPort);
            Log.Listening(logger, $"http://localhost:{publicPort}");

            var stopRequested = Task.Delay(Timeout.Infinite, stopping);
            var finished = await Task.WhenAny(stopRequested, worker.Exited).ConfigureAwait(false);
            if (finished == worker.Exited)
            {
                // Ctrl+C in a terminal reaches the worker too (same process group): give the stop signal a moment.
                await Task.WhenAny(stopRequested, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)).ConfigureAwait(false);
                if (!stopping.IsCancellationRequested)
                {
                    Log.WorkerExited(logger, await worker.Exited.ConfigureAwait(false));
                    exitCode = 1;
                }
            }
        }
#pragma warning disable CA1031 // Any start-up failure (worker, listeners, settings) ends the dev host with its message.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!stopping.IsCancellationRequested)
            {
                Log.StartupFailed(logger, ex.Message);
                exitCode = 1;
            }

            state.SetFailed();
        }

        state.SetStopping();
        Log.Stopping(logger);
        await timers.DisposeAsync().ConfigureAwait(false);
        if (listeners is not null)
        {
            using var listenerStop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await listeners.StopAsync(listenerStop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Gave up waiting for the listeners.
            }

            await listeners.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            channel.Send(new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TerminateGrace) },
            });
        }
        catch (InvalidOperationException)
        {
            // The stream is already gone; the grace period below still applies.
        }

        await worker.StopAsync(TerminateGrace + TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        guard.Forget();
        Log.Stopped(logger, await worker.Exited.ConfigureAwait(false));
        using var webStop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await web.StopAsync(webStop.Token).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>Init, metadata, one load per function; a failure or the worker exiting is a start-up error.</summary>
    private static async Task<RunningWorker> StartWorkerAsync(WorkerApp app, IServiceProvider services, WorkerChannel channel, WorkerProcess worker, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartupTimeout);
        var exited = worker.Exited.ContinueWith<StreamingMessage>(
            t => throw new DevHostStartupException($"The worker process exited during start-up (exit code {t.Result}). See its output above."),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        async Task<T> OrExit<T>(Task<T> task)
        {
            var first = await Task.WhenAny(task, exited, Task.Delay(Timeout.Infinite, timeout.Token)).ConfigureAwait(false);
            if (first == exited)
            {
                await exited.ConfigureAwait(false);
            }

            if (first != task)
            {
                throw new TimeoutException($"The worker did not start within {StartupTimeout.TotalSeconds:0} s.");
            }

            return await task.ConfigureAwait(false);
        }

        await OrExit(channel.Started.WaitAsync(timeout.Token)).ConfigureAwait(false);
        var init = await OrExit(channel.RequestAsync(
            new StreamingMessage
            {
                WorkerInitRequest = new WorkerInitRequest
                {
                    HostVersion = "4.1000.0-archive-devhost",
                    WorkerDirectory = app.Directory,
                    FunctionAppDirectory = app.Directory,
                },
            },
            StartupTimeout,
            timeout.Token)).ConfigureAwait(false);
        EnsureSuccess(init.WorkerInitResponse?.Result, "Worker initialisation");
        Uri? httpUri = init.WorkerInitResponse!.Capabilities.TryGetValue("HttpUri", out var http) && Uri.TryCreate(http, UriKind.Absolute, out var u) ? u : null;

        var metadata = await OrExit(channel.RequestAsync(
            new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = app.Directory } },
            StartupTimeout,
            timeout.Token)).ConfigureAwait(false);
        var metadataResponse = metadata.FunctionMetadataResponse ?? throw new DevHostStartupException("The worker did not send function metadata.");
        EnsureSuccess(metadataResponse.Result, "Function metadata");
        if (metadataResponse.UseDefaultMetadataIndexing)
        {
            throw new DevHostStartupException("The worker asks the host to index functions itself (no worker indexing); the dev host only supports worker indexing.");
        }

        var functions = metadataResponse.FunctionMetadataResults.Select(FunctionDefinition.FromRpc).ToList();
        var unsupported = BindingSupport.FindUnsupported(functions);
        if (unsupported.Count > 0)
        {
            throw new DevHostStartupException(string.Join(Environment.NewLine, unsupported));
        }

        var loads = functions.Select(f => OrExit(channel.RequestAsync(
            new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = f.FunctionId, Metadata = f.Metadata } },
            StartupTimeout,
            timeout.Token)));
        foreach (var (load, function) in (await Task.WhenAll(loads).ConfigureAwait(false)).Zip(functions))
        {
            EnsureSuccess(load.FunctionLoadResponse?.Result, $"Loading function '{function.Name}'");
        }

        Log.WorkerReady(services.GetRequiredService<ILoggerFactory>().CreateLogger("Archive.DevHost"), functions.Count, stopwatch.Elapsed.TotalMilliseconds);
        return new RunningWorker(httpUri, functions, new HttpTriggerRouter(functions, app.HostJson.RoutePrefix));
    }

    private static void EnsureSuccess(StatusResult? result, string step)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            var e = result?.Exception;
            throw new DevHostStartupException($"{step} failed in the worker: {(e is null ? result?.Result ?? "no result" : $"{e.Type} {e.Message}".Trim())}");
        }
    }

    private static async Task HandleHttpTriggerAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var state = services.GetRequiredService<DevHostState>();
        var running = await state.WhenReadyAsync(StartupTimeout, context.RequestAborted).ConfigureAwait(false);
        if (running is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("The worker is not running.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        var route = running.Router.Match(path, context.Request.Method, out var values);
        if (route is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (running.HttpUri is null)
        {
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            await context.Response.WriteAsync("The worker does not use ASP.NET Core integration (no HttpUri); the dev host only proxies HTTP to it.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await services.GetRequiredService<HttpForwarder>().ForwardAsync(context, route, values, running.HttpUri).ConfigureAwait(false);
    }

    private static Uri GrpcUri(WebApplication web, int publicPort)
    {
        var addresses = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var uri = new Uri(address);
            if (uri.Host == "127.0.0.1" && uri.Port != publicPort)
            {
                return new Uri($"http://127.0.0.1:{uri.Port}/");
            }
        }

        throw new InvalidOperationException("The gRPC endpoint has no address.");
    }

    private static string DefaultHostId(WorkerApp app)
    {
        var name = Path.GetFileNameWithoutExtension(app.WorkerPath).ToLowerInvariant();
        var cleaned = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        var id = "devhost-" + cleaned;
        return id.Length > 32 ? id[..32].TrimEnd('-') : id;
    }

    private static void PrintFunctions(ILogger logger, RunningWorker running, int port)
    {
        foreach (var function in running.Functions)
        {
            var trigger = function.Trigger!;
            var route = running.Router.Routes.FirstOrDefault(r => r.Function == function);
            var description = route is not null
                ? $"[{(route.Methods.Count == 0 ? "ALL" : string.Join(",", route.Methods))}] http://localhost:{port}/{route.Template}"
                : $"{trigger.Type} ({trigger.GetString("path") ?? trigger.GetString("queueName") ?? trigger.GetString("schedule")})";
            Log.FunctionListed(logger, function.Name, description);
        }
    }
}
