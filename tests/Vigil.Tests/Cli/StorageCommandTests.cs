using System.Text.Json;
using Vigil.Ingest;
using Vigil.Storage;
using Vigil.Tests.Storage;

namespace Vigil.Tests.Cli;

public sealed class StorageCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-cli-store-").FullName;
    private readonly string database;

    public StorageCommandTests()
    {
        database = Path.Combine(folder, "v.db");
        using var store = SqliteEventStore.Open(database);
        new Ingester(store, DedupFixtures.Process, jobs: 2).RunAsync([DedupFixtures.Folder]).GetAwaiter().GetResult();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string StrikeId()
    {
        using var store = SqliteEventStore.Open(database);
        return store.Search(new EventQuery(Text: "market", Country: "SY")).Single(e => e.Claims.Count == 3).Id;
    }

    [Fact]
    public void SearchPrintsMatchingEventsAsJsonLines()
    {
        var (exit, output, _) = CliRunner.Run("search", "--db", database, "market", "--country", "SY", "--from", "2024-03-01", "--to", "2024-03-15");

        Assert.Equal(0, exit);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var strike = Assert.Single(events);
        Assert.Equal(3, strike.GetProperty("claims").GetArrayLength());
        Assert.Equal(10, strike.GetProperty("killed").GetProperty("best").GetInt32());

        var boxed = CliRunner.Run("search", "--db", database, "--bbox", "36,-2,37,0");
        Assert.Equal(2, boxed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // the two Nairobi protests
        Assert.Equal(2, CliRunner.Run("search", "--db", database, "--bbox", "nonsense").Exit);

        var missing = Path.Combine(folder, "typo.db");
        var typo = CliRunner.Run("search", "--db", missing, "market");
        Assert.Equal(1, typo.Exit);
        Assert.Equal($"vigil: no database {missing} (vigil ingest creates it)", typo.Error.Trim());
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void AcledCsvHasAcledColumnsAndOurs()
    {
        var (exit, output, _) = CliRunner.Run("export", "--db", database, "--format", "acled-csv");

        Assert.Equal(0, exit);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", EventExporter.AcledColumns), lines[0]);
        Assert.Equal(1 + DedupFixtures.Pages.Values.Select(p => p.Incident).Distinct().Count(), lines.Length);
        var strike = lines.Single(line => line.StartsWith(StrikeId(), StringComparison.Ordinal));
        Assert.Contains(",2024-03-10,1,Explosions/Remote violence,Air/drone strike,Russian air force,", strike, StringComparison.Ordinal);
        Assert.Contains(",Idlib,,,Maarrat al-Numan,35.6476,36.6741,1,", strike, StringComparison.Ordinal);
        Assert.Contains(",10,", strike, StringComparison.Ordinal); // fatalities: the median of 9, 12 and 10
        Assert.Contains(",3,9,12,", strike, StringComparison.Ordinal); // claims, low, high
    }

    [Fact]
    public void CsvFieldsAreQuotedPerRfc4180()
    {
        var path = Path.Combine(folder, "quoted.db");
        using (var store = SqliteEventStore.Open(path))
        {
            var article = Reports.Article("Body text.", headline: "He said \"stop\", then\nleft");
            store.StorePage(new ProcessedPage(article, [Reports.Event("Attack", "2024-01-02", "Town, North", 1, 2, "NG")]));
        }

        var output = CliRunner.Run("export", "--db", path, "--format", "acled-csv").Output;

        Assert.Contains(",\"Town, North\",", output, StringComparison.Ordinal);
        Assert.Contains(",\"He said \"\"stop\"\", then\nleft\",", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UcdpCsvGivesBestLowHighAndPrecisions()
    {
        var output = CliRunner.Run("export", "--db", database, "--format", "ucdp-csv").Output;
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var strike = lines.Single(line => line.StartsWith(StrikeId(), StringComparison.Ordinal)).Split(',');
        string Field(string name) => strike[Array.IndexOf(header, name)];

        Assert.Equal("10", Field("best"));
        Assert.Equal("9", Field("low"));
        Assert.Equal("12", Field("high"));
        Assert.Equal("1", Field("where_prec"));
        Assert.Equal("1", Field("date_prec"));
        Assert.Equal("2024-03-10", Field("date_start"));
        Assert.Equal("3", Field("number_of_sources"));
        Assert.Equal("", Field("conflict_new_id"));
    }

    [Fact]
    public void GeoJsonPutsLongitudeFirstAndPloverJsonListsEvents()
    {
        var file = Path.Combine(folder, "events.geojson");
        Assert.Equal(0, CliRunner.Run("export", "--db", database, "--format", "geojson", "--out", file).Exit);
        var geo = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        var strike = geo.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == StrikeId());
        var coordinates = strike.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(36.6741, coordinates[0].GetDouble());
        Assert.Equal(35.6476, coordinates[1].GetDouble());
        Assert.Equal(3, strike.GetProperty("properties").GetProperty("claimsCount").GetInt32());

        var plover = JsonDocument.Parse(CliRunner.Run("export", "--db", database, "--format", "plover-json").Output).RootElement;
        Assert.Equal(geo.GetProperty("features").GetArrayLength(), plover.GetArrayLength());
        Assert.Equal(2, CliRunner.Run("export", "--db", database, "--format", "xml").Exit);
    }

    [Fact]
    public void MergeAndSplitCommandsKeepTheirReasons()
    {
        var strike = StrikeId();
        string aleppo;
        using (var store = SqliteEventStore.Open(database))
        {
            aleppo = store.Search(new EventQuery(Text: "Aleppo")).Single().Id;
        }

        var merged = CliRunner.Run("events", "merge", strike, aleppo, "--db", database, "--reason", "one raid, two towns named");
        Assert.Equal(0, merged.Exit);
        Assert.Equal(4, JsonDocument.Parse(merged.Output).RootElement.GetProperty("claims").GetArrayLength());

        var split = CliRunner.Run("events", "split", strike, "--claim", aleppo, "--db", database, "--reason", "no: separate raids");
        Assert.Equal(0, split.Exit);
        Assert.Equal(aleppo, JsonDocument.Parse(split.Output).RootElement.GetProperty("id").GetString());

        var unknown = CliRunner.Run("events", "split", strike, "--claim", "nope", "--db", database, "--reason", "x");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains($"claim nope is not in event {strike}", unknown.Error, StringComparison.Ordinal);

        using var check = SqliteEventStore.Open(database);
        var manual = check.AuditLog().Where(entry => entry.Action is "merge" or "split").ToList();
        Assert.Equal(["one raid, two towns named", "no: separate raids"], manual.Select(entry => entry.Reason));
    }

    [Fact]
    public void IngestCommandSummarizesAndFailsOnBadInputs()
    {
        var pages = Path.Combine(folder, "pages");
        Directory.CreateDirectory(pages);
        File.WriteAllText(Path.Combine(pages, "one.txt"), "Headline\n\nFirst body paragraph about a meeting.\n");
        File.WriteAllText(Path.Combine(pages, "two.txt"), "Other headline\n\nSecond body paragraph about a vote.\n");
        File.WriteAllText(Path.Combine(pages, "bad.txt"), "");
        var db = Path.Combine(folder, "cli.db");

        var first = CliRunner.Run("ingest", pages, "--db", db, "--jobs", "2");
        var second = CliRunner.Run("ingest", pages, "--db", db, "--jobs", "1");

        Assert.Equal(1, first.Exit);
        Assert.Equal($"vigil: {Path.Combine(pages, "bad.txt")}: empty", first.Error.Trim());
        Assert.Contains("2 pages read, 2 articles stored", first.Output, StringComparison.Ordinal);
        Assert.Contains("0 articles stored", second.Output, StringComparison.Ordinal);
        Assert.Contains("2 skipped as duplicates, 1 failed", second.Output, StringComparison.Ordinal);
    }
}
