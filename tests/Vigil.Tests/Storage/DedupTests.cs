using Vigil.Ingest;
using Vigil.Storage;
using Xunit.Abstractions;

namespace Vigil.Tests.Storage;

public sealed class DedupTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-dedup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task EveryReportOfAnIncidentIsMergedAndNoDistinctIncidentsAre()
    {
        using var store = SqliteEventStore.Open(Path.Combine(folder, "dedup.db"));
        var summary = await new Ingester(store, DedupFixtures.Process, jobs: 2).RunAsync([DedupFixtures.Folder]);
        Assert.Equal(DedupFixtures.Pages.Count, summary.Articles);

        var eventOfPage = store.Search(new EventQuery())
            .SelectMany(e => e.Claims.Select(claim => (Page: Path.GetFileName(claim.ArticleSource), EventId: e.Id)))
            .ToDictionary(pair => pair.Page, pair => pair.EventId);
        var pages = DedupFixtures.Pages.Keys.Order(StringComparer.Ordinal).ToList();
        int samePairs = 0, sameMerged = 0, distinctPairs = 0, distinctMerged = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            for (var j = i + 1; j < pages.Count; j++)
            {
                var same = DedupFixtures.Pages[pages[i]].Incident == DedupFixtures.Pages[pages[j]].Incident;
                var merged = eventOfPage[pages[i]] == eventOfPage[pages[j]];
                if (same)
                {
                    samePairs++;
                    sameMerged += merged ? 1 : 0;
                }
                else
                {
                    distinctPairs++;
                    distinctMerged += merged ? 1 : 0;
                }
            }
        }

        output.WriteLine($"same-incident pairs merged: {sameMerged}/{samePairs}; distinct-incident pairs merged: {distinctMerged}/{distinctPairs}");
        Assert.Equal(samePairs, sameMerged);
        Assert.Equal(0, distinctMerged);
        Assert.Equal(DedupFixtures.Pages.Values.Select(p => p.Incident).Distinct().Count(), store.Counts().Events);

        var strike = store.GetEvent(eventOfPage["a1-northern-dispatch.txt"])!;
        Assert.Equal(new Vigil.Events.CasualtyCount(9, 9, 12), strike.Killed); // 9, 12 and 10, one source each: the lowest is best
        Assert.Equal(3, strike.Claims.Count);
    }
}
