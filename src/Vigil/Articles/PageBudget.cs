using System.Diagnostics;
using System.Globalization;
using Vigil.Ingest;

namespace Vigil.Articles;

/// <summary>
/// The time one page may take to extract. Each stage checks it as it goes; past the deadline the page fails with an
/// <see cref="InputException"/> naming the page, the budget and the stage, and the batch goes on with the next page, so
/// no single hostile or pathological page can stall a run.
/// </summary>
public sealed class PageBudget
{
    /// <summary>Far more than any real page needs (a large news page takes milliseconds), yet a bound on the worst.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);

    private readonly string source;
    private readonly TimeSpan limit;
    private readonly long deadline;

    public PageBudget(string source, TimeSpan limit)
    {
        this.source = source;
        this.limit = limit;
        deadline = limit == Timeout.InfiniteTimeSpan ? long.MaxValue : Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Throws when the page's time is up; <paramref name="stage"/> says where extraction stopped.</summary>
    public void Check(string stage)
    {
        if (Stopwatch.GetTimestamp() > deadline)
        {
            throw new InputException(source, string.Create(CultureInfo.InvariantCulture,
                $"extraction took longer than the per-page budget of {limit.TotalSeconds:0.###} s (stopped in {stage}); page skipped"));
        }
    }
}
