namespace Vigil.Storage;

/// <summary>How often and how long to retry a transaction the database aborted only because another one got in its way.</summary>
public sealed record RetryPolicy
{
    public static readonly RetryPolicy Default = new();

    /// <summary>Attempts in all, the first included; bounded, so a database that never lets the work through ends the run.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The ceiling of the first wait; each next ceiling doubles, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> + 1: half the ceiling plus a random part of the other half, so
    /// that two writers that collided do not collide again at the same moment ("equal jitter").
    /// </summary>
    public TimeSpan DelayAfter(int attempt, Random random)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}

/// <summary>The work still failed after every attempt the policy allows; the message says why and how often it was tried.</summary>
public sealed class TransientFailureException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Runs work again when it fails for a reason that says "try again" (PostgreSQL's serialization failure 40001 and
/// deadlock 40P01): the documentation asks every client of SERIALIZABLE transactions to be ready to do so. Any other
/// failure passes through at once.
/// </summary>
public static class TransientRetry
{
    public static T Run<T>(Func<T> work, Func<Exception, bool> isTransient, RetryPolicy? policy = null, Action<TimeSpan>? sleep = null)
    {
        policy ??= RetryPolicy.Default;
        sleep ??= Thread.Sleep;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return work();
            }
            catch (Exception e) when (isTransient(e))
            {
                if (attempt >= policy.MaxAttempts)
                {
                    throw new TransientFailureException($"{e.Message.TrimEnd('.')} (gave up after {attempt} attempts)", e);
                }

                sleep(policy.DelayAfter(attempt, Random.Shared));
            }
        }
    }
}
