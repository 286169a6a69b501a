using Microsoft.Extensions.Options;

namespace Archive.Core.Options;

/// <summary>Source-generated validation of <see cref="ArticlesStorageOptions"/>.</summary>
[OptionsValidator]
public sealed partial class ArticlesStorageOptionsValidator : IValidateOptions<ArticlesStorageOptions>;
