using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

/// <summary>Feed errors (issue 16): a broken feed gives its line and reason in Vigil's words, and the items before the break.</summary>
public sealed class FeedErrorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-feed-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string BrokenFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link><description>d</description>
        <item><title>One</title><link>https://news.example/1</link><pubDate>Fri, 03 May 2024 08:00:00 GMT</pubDate></item>
        <item><title>Two</title><link>https://news.example/2</link></item>
        <item><title>Fish & chips</title><link>https://news.example/3</link></item>
        <item><title>Four</title><link>https://news.example/4</link></item>
        </channel></rss>
        """;

    [Fact]
    public void TheItemsBeforeTheBreakAreKeptAndTheReasonNamesTheLine()
    {
        var (items, error) = FeedReader.ReadUntilBroken("wire.rss", System.Text.Encoding.UTF8.GetBytes(BrokenFeed));

        Assert.Equal(["https://news.example/1", "https://news.example/2"], items.Select(item => item.Url));
        Assert.NotNull(error);
        Assert.Equal("the feed breaks after 2 items (those are kept) at line 5: a bare '&' that should be written &amp;", error.Reason);
        Assert.DoesNotContain("EntityName", error.Reason, StringComparison.Ordinal); // .NET's parser message stays inside
    }

    [Theory]
    [InlineData("<rss><channel><item><title>A</title><link>https://news.example/a</link></item><item>", "the file ends before the feed is closed")]
    [InlineData("<rss><channel><item><title>A &nbsp; B</title></item></channel></rss>", "a named character (such as &nbsp;)")]
    [InlineData("<rss><channel><item><title>A</link></item></channel></rss>", "a tag is closed out of order")]
    [InlineData("<html><body>not a feed</body></html>", "not an RSS or Atom feed (its first element is <html>")]
    public void EachKindOfBreakIsSaidInVigilsWords(string feed, string reason)
    {
        var (_, error) = FeedReader.ReadUntilBroken("f.rss", System.Text.Encoding.UTF8.GetBytes(feed));
        Assert.Contains(reason, error!.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Reason);
    }

    [Fact]
    public void IngestListsTheItemsBeforeTheBreakThenOneFailure()
    {
        var path = Path.Combine(folder, "wire.rss");
        File.WriteAllText(path, BrokenFeed);
        using var fetcher = new PageFetcher();

        var work = IngestInputs.Enumerate([path], fetcher).ToList();

        Assert.Equal(["https://news.example/1", "https://news.example/2"], work.Where(w => w.Error is null).Select(w => w.Url));
        var failure = Assert.Single(work, w => w.Error is not null);
        Assert.Equal(path, failure.Error!.Input);
        Assert.StartsWith("the feed breaks after 2 items", failure.Error.Reason, StringComparison.Ordinal);
    }
}
