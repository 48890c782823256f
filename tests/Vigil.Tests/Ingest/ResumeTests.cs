using Vigil.Ingest;
using Vigil.Storage;
using Vigil.Tests.Storage;

namespace Vigil.Tests.Ingest;

/// <summary>Resuming (issue 16): a rerun over stored pages recognizes each by its key and parses none of them.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-resume-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ARerunOverStoredPagesParsesNoneAndChangesNothing()
    {
        var lines = Path.Combine(folder, "notes.jsonl");
        File.WriteAllLines(lines,
        [
            """{"id": "N1", "url": "https://a.example/1", "text": "Two people were killed in a clash between herders and farmers."}""",
            """{"id": "N2", "url": "https://a.example/2", "text": "Police dispersed a march of traders with tear gas."}""",
            // The same text under another address: a duplicate of N1 the first time, and known by its key the next.
            """{"id": "N3", "url": "https://b.example/1", "text": "Two people were killed in a clash between herders and farmers."}""",
        ]);
        using var store = SqliteEventStore.Open(Path.Combine(folder, "v.db"));
        var parsed = 0;
        ProcessedPage Counting(RawPage page)
        {
            Interlocked.Increment(ref parsed);
            return PageProcessors.ArticleOnly(page);
        }

        var first = await new Ingester(store, Counting, jobs: 2).RunAsync([lines, DedupFixtures.Folder]);
        var pages = 3 + DedupFixtures.Pages.Count;
        Assert.Equal(pages, parsed);
        Assert.Equal(pages - 1, first.Articles);
        var before = store.Dump("articles", "events", "claims", "page_keys");

        parsed = 0;
        var second = await new Ingester(store, Counting, jobs: 2).RunAsync([lines, DedupFixtures.Folder]);

        Assert.Equal(0, parsed);
        Assert.Equal(pages, second.PagesRead);
        Assert.Equal(pages, second.Duplicates);
        Assert.Equal(0, second.Articles);
        Assert.Equal(before, store.Dump("articles", "events", "claims", "page_keys"));
    }

    [Fact]
    public async Task AChangedPageIsReadAgain()
    {
        var page = Path.Combine(folder, "page.txt");
        File.WriteAllText(page, "A headline\n\nA body paragraph that reports something.\n");
        using var store = SqliteEventStore.Open(Path.Combine(folder, "v.db"));
        await new Ingester(store, PageProcessors.ArticleOnly).RunAsync([page]);

        File.WriteAllText(page, "A headline\n\nA body paragraph that reports something else entirely.\n");
        var second = await new Ingester(store, PageProcessors.ArticleOnly).RunAsync([page]);

        Assert.Equal(1, second.Articles);
        Assert.Equal(2, store.Counts().Articles);
    }
}
