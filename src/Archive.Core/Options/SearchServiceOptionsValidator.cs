using Microsoft.Extensions.Options;

namespace Archive.Core.Options;

/// <summary>Source-generated validation of <see cref="SearchServiceOptions"/>.</summary>
[OptionsValidator]
public sealed partial class SearchServiceOptionsValidator : IValidateOptions<SearchServiceOptions>;
