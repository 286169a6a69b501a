using Archive.DevHost;

var repositoryRoot = RepositoryRoot.Find(AppContext.BaseDirectory);
var defaultApp = Path.Combine(repositoryRoot ?? Directory.GetCurrentDirectory(), "artifacts", "bin", "Archive.Functions", "debug");
var options = DevHostOptions.Parse(args, defaultApp, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync("error: " + error);
    await Console.Error.WriteLineAsync(DevHostOptions.Usage);
    return 2;
}

return await DevHostApplication.RunAsync(options);
