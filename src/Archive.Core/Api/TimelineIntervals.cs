namespace Archive.Core.Api;

/// <summary>The <c>interval</c> values of <c>GET /api/timeline</c>. Weeks start on Monday.</summary>
public enum TimelineIntervals
{
    Day,
    Week,
    Month,
    Year,
}
