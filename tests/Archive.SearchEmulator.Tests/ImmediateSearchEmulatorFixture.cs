using Archive.Testing;

namespace Archive.SearchEmulator.Tests;

/// <summary>
/// The emulator for its own tests: writes visible at once (no <c>--refresh-delay-ms</c>), since these tests check what
/// each operation does, not how the archive copes with Azure's refresh delay (RefreshDelayTests starts its own emulator
/// with a delay).
/// </summary>
public sealed class ImmediateSearchEmulatorFixture() : SearchEmulatorFixture(0);
