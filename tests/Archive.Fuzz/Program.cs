using System.Diagnostics;
using System.Globalization;
using Archive.Fuzz;
using SharpFuzz;

// Archive.Fuzz: fuzzing harness of the extraction pipeline (issue #9). Run through ./fuzz.sh.
//   list                                   the targets
//   seeds <target> <dir>                   writes the target's seed inputs (AFL's -i)
//   afl <target>                           SharpFuzz's AFL entry point (instrumented assemblies, under afl-fuzz)
//   mutate <target> <out-dir> [seconds] [seed] [hang-seconds]
//                                          the built-in mutation engine; prints one stats line
//   repro <target> <file>...               runs saved inputs; exit 1 if one still breaks a promise
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Archive.Fuzz list | seeds <target> <dir> | afl <target> | mutate <target> <out-dir> [seconds] [seed] [hang-seconds] | repro <target> <file>...");
    return 2;
}

FuzzTarget Target(string name) =>
    FuzzTargets.All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no target '{name}'; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");

switch (args[0])
{
    case "list":
        foreach (var target in FuzzTargets.All)
        {
            Console.Out.WriteLine(target.Name);
        }

        return 0;

    case "seeds":
    {
        var target = Target(args[1]);
        Directory.CreateDirectory(args[2]);
        var seeds = target.Seeds();
        for (var i = 0; i < seeds.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(args[2], string.Create(CultureInfo.InvariantCulture, $"seed-{i}.bin")), seeds[i]);
        }

        return 0;
    }

    case "afl":
    {
        // Nothing instrumented may run before SharpFuzz attaches its coverage map: the extractor is built by the first input.
        var target = Target(args[1]);
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            FuzzTargets.Run(target, copy.ToArray());
        });
        return 0;
    }

    case "mutate":
    {
        var target = Target(args[1]);
        var seconds = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 60;
        var seed = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1;
        var hang = args.Length > 5 ? double.Parse(args[5], CultureInfo.InvariantCulture) : 10;
        Directory.CreateDirectory(args[2]);
        var clock = Stopwatch.StartNew();
        var driver = new MutationDriver(target, seed, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(hang), args[2]);
        var code = driver.Run();
        Console.Out.WriteLine(driver.Summary(clock.Elapsed));
        return code;
    }

    case "repro":
    {
        var target = Target(args[1]);
        var failed = 0;

        // The pipeline turns unexpected exceptions into "malformed"; show where they were thrown.
        Exception? lastThrown = null;
        AppDomain.CurrentDomain.FirstChanceException += (_, e) => lastThrown = e.Exception is FuzzFindingException ? lastThrown : e.Exception;
        foreach (var path in args.Skip(2))
        {
            lastThrown = null;
            var input = File.ReadAllBytes(path);
            var clock = Stopwatch.StartNew();
            try
            {
                var outcome = FuzzTargets.Run(target, input);
                Console.Out.WriteLine($"{path}: {outcome} ({clock.ElapsedMilliseconds} ms)");
            }
            catch (FuzzFindingException ex)
            {
                failed++;
                Console.Out.WriteLine($"{path}: FINDING {ex.Message}");
                Console.Out.WriteLine((ex.InnerException ?? lastThrown)?.ToString());
            }
        }

        return failed == 0 ? 0 : 1;
    }

    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}
