using System.Globalization;
using NCrontab;

namespace Archive.DevHost;

/// <summary>A timer trigger schedule: an NCRONTAB expression (six fields with seconds, or five) or a TimeSpan interval.</summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule? cron;
    private readonly TimeSpan? interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan? interval)
    {
        this.cron = cron;
        this.interval = interval;
    }

    /// <summary>Parses the binding's schedule; throws <see cref="FormatException"/> with the expression when it is not valid.</summary>
    public static TimerSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields == 1 && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return new TimerSchedule(null, span);
        }

        var schedule = CrontabSchedule.TryParse(trimmed, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
        return schedule is null
            ? throw new FormatException($"'{expression}' is not a valid timer schedule (NCRONTAB with six fields, e.g. '0 */5 * * * *', or a TimeSpan).")
            : new TimerSchedule(schedule, null);
    }

    /// <summary>The next occurrence after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        interval is { } i ? after + i : new DateTimeOffset(cron!.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);
}
