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
await app.RunAsync().ConfigureAwait(false);
return 0;
