using Microsoft.Extensions.Options;

namespace Archive.Core.Options;

/// <summary>Source-generated validation of <see cref="ArchiveOptions"/>.</summary>
[OptionsValidator]
public sealed partial class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>;
