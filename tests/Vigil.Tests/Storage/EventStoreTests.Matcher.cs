using Vigil.Events;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>The store files reports with whatever matcher it is given: the decision is the matcher's, on every engine.</summary>
public abstract partial class EventStoreTests
{
    /// <summary>Says no to everything: no two reports are one incident, and every pair contradicts itself.</summary>
    private sealed class NeverTheSame : IIncidentMatcher
    {
        public int DayWindow => 2;

        public double? Distance(ConflictEvent a, ConflictEvent b) => null;

        public bool Contradicts(ConflictEvent a, ConflictEvent b) => true;
    }

    /// <summary>Another design: one sub-type at one named place within a fortnight is one incident, whatever the counts say.</summary>
    private sealed class SamePlaceWithinAFortnight : IIncidentMatcher
    {
        public int DayWindow => 14;

        public double? Distance(ConflictEvent a, ConflictEvent b) =>
            a.SubEventType == b.SubEventType && a.Location?.Name == b.Location?.Name && a.Date is { } dateA && b.Date is { } dateB
            && Math.Abs(dateA.Value.DayNumber - dateB.Value.DayNumber) is var days && days <= DayWindow
                ? days
                : null;

        public bool Contradicts(ConflictEvent a, ConflictEvent b) => Distance(a, b) is null;
    }

    /// <summary>Two reports from two outlets, stored in that order in a store that files them with <paramref name="matcher"/>.</summary>
    private (SqlEventStore Store, StoreResult First, StoreResult Second) StoreTwoReports(IIncidentMatcher matcher, ConflictEvent first, ConflictEvent second)
    {
        var store = Open(matcher);
        return (store, store.StorePage(Page("Report one.", "https://one.example/a", first)), store.StorePage(Page("Report two.", "https://two.example/b", second)));
    }

    [SkippableFact]
    public void AMatcherThatNeverMergesKeepsReportsOfOneIncidentApart()
    {
        var first = Airstrike(killed: 9);
        var second = Airstrike(date: "2024-03-11", killed: 10);
        Assert.NotNull(IncidentMatcher.Default.Distance(first, second));
        var (store, a, b) = StoreTwoReports(new NeverTheSame(), first, second);

        Assert.NotEqual(Assert.Single(a.EventIds), Assert.Single(b.EventIds));
        Assert.Equal(0, b.MergedClaims);
        Assert.Equal(new StoreCounts(2, 2, 2), store.Counts());
    }

    [SkippableFact]
    public void AMatcherWithAWiderWindowMergesWhatTheDefaultKeepsApart()
    {
        // Ten days apart with six times the dead: two incidents to the default matcher, one to this one.
        var first = Airstrike(killed: 9);
        var later = Airstrike(date: "2024-03-20", killed: 60);
        Assert.Null(IncidentMatcher.Default.Distance(first, later));
        var (store, a, b) = StoreTwoReports(new SamePlaceWithinAFortnight(), first, later);

        Assert.Equal(Assert.Single(a.EventIds), Assert.Single(b.EventIds));
        Assert.Equal(1, b.MergedClaims);
        Assert.Equal(new StoreCounts(2, 1, 2), store.Counts());
    }
}
