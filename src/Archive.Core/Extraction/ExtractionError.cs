namespace Archive.Core.Extraction;

/// <summary>Why a file could not be extracted: a code from <see cref="ExtractionErrorCodes"/> and a message a person can act on.</summary>
public sealed record ExtractionError(string Code, string Message);
