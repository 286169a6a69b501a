using Archive.Cli;

return await ArchiveCommand.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
