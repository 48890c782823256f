using Vigil.Events;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>How the figures of merged reports make the event's figures: UCDP's practice (docs/counts.md).</summary>
public sealed class CountRuleTests
{
    private static SourceClaim Source(string name, SourceKind kind = SourceKind.Government, bool hedged = false) => new(name, kind, hedged ? "claimed" : "said", hedged);

    private static StoredEvent Merge(params (CasualtyCount? Killed, SourceClaim[] Sources)[] reports) =>
        ClaimAggregation.Aggregate("e", [.. reports.Select((report, i) => new StoredClaim(
            $"c{i}", "e", $"a{i}", 0, $"test:{i}", $"https://news{i}.example/", $"Outlet {i}", null, null,
            Event("Air/drone strike", "2024-03-10", "Maarrat al-Numan", 35.6476, 36.6741, "SY", killed: report.Killed) with { Sources = report.Sources }))]);

    [Fact]
    public void TheBestSourcedFigureIsTheBestEstimate()
    {
        var merged = Merge((Count(7), [Source("hospital officials"), Source("police")]), (Count(3), [Source("a resident", SourceKind.Witness)]));

        Assert.Equal(new CasualtyCount(3, 7, 7), merged.Killed);
        Assert.Contains("best = 7, the best-sourced figure", merged.CasualtyExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void EquallySourcedFiguresGiveTheLowestAsBest()
    {
        var merged = Merge((Count(7), [Source("police")]), (Count(3), [Source("the governor")]));

        Assert.Equal(new CasualtyCount(3, 3, 7), merged.Killed);
        Assert.Contains("best = 3, the lowest figure", merged.CasualtyExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FiguresReportedByMoreOutletsAreBetterSourced()
    {
        var merged = Merge((Count(9), [Source("local officials")]), (Count(12, null), [Source("monitoring group", SourceKind.Monitor)]), (Count(9), [Source("residents", SourceKind.Witness)]));

        Assert.Equal(new CasualtyCount(9, 9, 12), merged.Killed);
    }

    [Fact]
    public void HedgedClaimsAreNotCredibleForLowOrHigh()
    {
        var merged = Merge((Count(7), [Source("police")]), (Count(30), [Source("the militants", SourceKind.Other, hedged: true)]), (Count(2), [Source("an activist", SourceKind.ActivistGroup, hedged: true)]));

        Assert.Equal(new CasualtyCount(7, 7, 7), merged.Killed);
        Assert.Contains("2 hedged claims left out", merged.CasualtyExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyHedgedClaimsStillGiveAFigure()
    {
        var merged = Merge((Count(5), [Source("the militants", SourceKind.Other, hedged: true)]), (Count(8), [Source("an activist", SourceKind.ActivistGroup, hedged: true)]));

        Assert.Equal(new CasualtyCount(5, 5, 8), merged.Killed);
    }

    [Fact]
    public void AnOpenEndedFigureIsItsOwnHigh()
    {
        var single = Merge((new CasualtyCount(7, 7, null), [Source("police")]));
        Assert.Equal(new CasualtyCount(7, 7, 7), single.Killed);

        Assert.Null(Merge((null, [Source("police")]), (null, [])).Killed);
    }
}
