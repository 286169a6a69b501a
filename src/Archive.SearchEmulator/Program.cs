using Archive.SearchEmulator;

EmulatorOptions options;
try
{
    options = EmulatorOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
    return 2;
}

await using var app = EmulatorHost.Build(options);
if (Environment.GetEnvironmentVariable(EmulatorHost.WatchStdinVariable) == "1")
{
    // Started by a test fixture: stop when the parent closes our stdin (it exited or crashed), so no emulator is orphaned.
    app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
    {
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }

        app.Lifetime.StopApplication();
    }));
}

await app.RunAsync().ConfigureAwait(false);
return 0;
