namespace Archive.Testing;

/// <summary>Finds the repository root and the shared corpora beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds Archive.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared folder beside the repository (<c>../shared</c>), or null when it is absent.</summary>
    public static string? Shared
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("ARCHIVE_SHARED_DIR");
            if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            {
                return fromEnv;
            }

            var candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>The path of a corpus folder under <c>../shared/corpus</c>, or null when it is absent.</summary>
    public static string? Corpus(string name)
    {
        if (Shared is null)
        {
            return null;
        }

        var path = Path.Combine(Shared, "corpus", name);
        return Directory.Exists(path) ? path : null;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException($"Archive.sln was not found above {AppContext.BaseDirectory}.");
    }
}
