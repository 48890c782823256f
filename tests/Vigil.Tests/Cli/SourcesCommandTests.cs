namespace Vigil.Tests.Cli;

public sealed class SourcesCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-cli-sources-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AddListAndRemoveSources()
    {
        var database = Path.Combine(folder, "s.db");
        Assert.Equal("vigil: source 1 added: https://news.example/feed.rss, every 30m", CliRunner.Run("sources", "add", "https://news.example/feed.rss", "--db", database).Output.Trim());
        Assert.Equal("vigil: source 2 added: https://other.example/live, every 2h", CliRunner.Run("sources", "add", "https://other.example/live", "--every", "2h", "--name", "live", "--db", database).Output.Trim());

        var again = CliRunner.Run("sources", "add", "https://news.example/feed.rss", "--db", database);
        Assert.Equal((1, "vigil: https://news.example/feed.rss is watched already (vigil sources list)"), (again.Exit, again.Error.Trim()));
        Assert.Equal(2, CliRunner.Run("sources", "add", "https://x.example/", "--every", "often", "--db", database).Exit);
        Assert.Equal(1, CliRunner.Run("sources", "add", "ftp://x.example/feed", "--db", database).Exit);

        var listed = CliRunner.Run("sources", "list", "--db", database).Output.Trim().Split('\n');
        Assert.Equal(2, listed.Length);
        Assert.StartsWith("1\tnew\t-\thttps://news.example/feed.rss\tevery 30m\tnext ", listed[0], StringComparison.Ordinal);
        Assert.Contains("\tlast success never\t0 items found, 0 new", listed[1], StringComparison.Ordinal);

        Assert.Equal("vigil: source live removed", CliRunner.Run("sources", "remove", "live", "--db", database).Output.Trim());
        Assert.Equal(1, CliRunner.Run("sources", "remove", "live", "--db", database).Exit);
        Assert.Single(CliRunner.Run("sources", "list", "--db", database).Output.Trim().Split('\n'));
    }
}
