using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>Reviews that follow merges and splits, and the one reading of an event (claims, then corrections), on every store.</summary>
public abstract partial class EventStoreTests
{
    [SkippableFact]
    public void ReviewsFollowAMergeAndComeBackWithTheSplitThatUndoesIt()
    {
        var store = Open();
        var keep = Assert.Single(store.StorePage(Page("Strike on Maarrat.", null, Airstrike())).EventIds);
        var other = Assert.Single(store.StorePage(Page("Strike on Aleppo.", null, Airstrike(latitude: 36.2021, longitude: 37.1343, killed: 7))).EventIds);
        store.Review(other, "confirm", null, null, "two outlets", "ana");
        store.Review(other, "correct", "injured", "4", "hospital list", "ana");

        // The review rows of the merged-away event used to block its deletion (FOREIGN KEY constraint failed).
        store.MergeEvents(keep, other, "same strike, mislocated by one outlet");

        var moved = store.Reviews(keep);
        Assert.Equal(["confirm", "correct"], moved.Select(review => review.Action));
        Assert.All(moved, review => Assert.Equal(other, review.ReviewedEventId));
        Assert.Equal("confirmed", store.ReviewStatuses()[keep]);
        var history = store.History(keep);
        Assert.Contains(history, entry => entry.Action == "review-confirm" && entry.EventId == other);
        Assert.Contains(history, entry => entry.Action == "merge" && entry.OtherEventId == other);

        // A decision taken on the merged event stays with it; the other event's own decisions go back with its report.
        store.Review(keep, "correct", "weapon", "missile", null, "ben");
        Assert.Equal(other, store.SplitClaim(keep, other, "two strikes after all"));

        Assert.Equal(["confirm", "correct"], store.Reviews(other).Select(review => review.Action));
        Assert.Equal(["correct"], store.Reviews(keep).Select(review => review.Action));
        Assert.Equal("confirmed", store.ReviewStatuses()[other]);
        Assert.False(store.ReviewStatuses().ContainsKey(keep));
        Assert.Equal(4, store.GetEvent(other)!.Injured!.Best);
        Assert.Equal("missile", store.GetEvent(keep)!.Weapon);
        Assert.Equal(["review-confirm", "review-correct", "merge", "split"], store.History(other).Select(entry => entry.Action));
        Assert.Equal(new StoreCounts(2, 2, 2), store.Counts());
    }

    [SkippableFact]
    public void EveryReadingOfAnEventCarriesTheAnalystsCorrections()
    {
        var store = Open();
        var id = Assert.Single(store.StorePage(Page("Nine people were killed in an air strike.", null, Airstrike())).EventIds);
        store.Review(id, "correct", "killed", "8", "hospital figures", "ana");
        store.Review(id, "correct", "subEventType", "Shelling/artillery/missile attack", null, "ana");

        Assert.Equal(8, store.GetEvent(id)!.Killed!.Best);
        var found = Assert.Single(store.Search(new EventQuery()));
        Assert.Equal(new Vigil.Events.CasualtyCount(8, 8, 8), found.Killed);
        Assert.Equal("Shelling/artillery/missile attack", found.SubEventType);
        Assert.Contains("corrected", found.CasualtyExplanation, StringComparison.Ordinal);
        // The stored row is the corrected reading too, so the indexed filters find it by its corrected type.
        Assert.Single(store.Search(new EventQuery(EventType: "Shelling/artillery/missile attack")));
        Assert.Empty(store.Search(new EventQuery(EventType: "Air/drone strike")));
        // The report still says what it said.
        Assert.Equal(9, found.Claims[0].Event.Killed!.Best);
    }
}
