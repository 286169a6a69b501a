using System.Globalization;
using Archive.Reliability;

// ./reliability.sh: runs the scenarios on one local stack and prints the table. Exit 1 when anything was lost or duplicated.
var uploads = 2000;
var only = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--uploads" when i + 1 < args.Length:
            uploads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--only" when i + 1 < args.Length:
            only.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            break;
        default:
            await Console.Error.WriteLineAsync($"usage: Archive.Reliability [--uploads N] [--only {string.Join(',', Scenarios.Names)}]");
            return 2;
    }
}

var rows = new List<ScenarioRow>();
var failed = false;
await using (var stack = new ReliabilityStack())
{
    Console.WriteLine($"== starting Azurite, the search emulator and the dev host ({Environment.ProcessorCount} cores)");
    await stack.StartAsync();
    foreach (var name in only.Count > 0 ? only : Scenarios.Names)
    {
        Console.WriteLine($"== {name} ({uploads} uploads)");
        try
        {
            var row = await Scenarios.RunAsync(name, stack, uploads);
            rows.Add(row);
            Console.WriteLine(row);
            failed |= row.Lost > 0 || row.Duplicated > 0;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            failed = true;
            Console.WriteLine($"{name} failed: {e.Message}");
            var output = stack.Host.Output;
            Console.WriteLine("--- poison queue ---\n" + await stack.PeekPoisonAsync());
            Console.WriteLine("--- dev host output (tail) ---\n" + (output.Length > 20000 ? output[^20000..] : output));
        }
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reliability, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {uploads} uploads per burst:"));
Console.WriteLine();
Console.Write(ScenarioRow.Table(rows));
return failed ? 1 : 0;
