namespace Archive.DevHost;

/// <summary>What the dev host passes on about a queue message.</summary>
public sealed record QueueMessageInfo(
    string Id,
    string Text,
    long DequeueCount,
    string? PopReceipt = null,
    DateTimeOffset? InsertedOn = null,
    DateTimeOffset? ExpiresOn = null,
    DateTimeOffset? NextVisibleOn = null);
