using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vigil.Events;
using Vigil.Exports;
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
        Assert.Equal(9, strike.GetProperty("killed").GetProperty("best").GetInt32()); // 9, 12 and 10, one source each: the lowest

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
        Assert.Contains(",2024-03-10,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia,", strike, StringComparison.Ordinal);
        Assert.Contains(",Idlib,,,Maarrat al-Numan,35.6476,36.6741,1,", strike, StringComparison.Ordinal);
        Assert.Contains(",9,", strike, StringComparison.Ordinal); // fatalities: 9, 12 and 10 from one source each, so the lowest
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

        Assert.Equal("9", Field("best"));
        Assert.Equal("9", Field("low"));
        Assert.Equal("12", Field("high"));
        Assert.Equal("1", Field("where_prec"));
        Assert.Equal("1", Field("date_prec"));
        Assert.Equal("2024-03-10", Field("date_start"));
        Assert.Equal("3", Field("number_of_sources"));
        Assert.Equal("", Field("conflict_new_id"));
    }

    [Fact]
    public void AReportsOwnDateIsExportedAsTheWeekEndingOnIt()
    {
        var path = Path.Combine(folder, "reported.db");
        using (var store = SqliteEventStore.Open(path))
        {
            store.StorePage(new ProcessedPage(Reports.Article("Gunmen killed five villagers."),
                [Reports.Event("Attack", "2024-01-09", "Gusau", 12.17, 6.66, "NG", killed: Reports.Count(5), datePrecision: DatePrecision.Reported)]));
        }

        var ucdp = CliRunner.Run("export", "--db", path, "--format", "ucdp-csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = ucdp[0].Split(',');
        var row = ucdp[1].Split(',');
        string Field(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal("2024-01-03", Field("date_start"));
        Assert.Equal("2024-01-09", Field("date_end"));
        Assert.Equal("3", Field("date_prec"));

        var acled = CliRunner.Run("export", "--db", path, "--format", "acled-csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2024-01-09,2,", acled[1][(acled[1].IndexOf(',', StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
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

    [Fact]
    public void MergeAfterAReviewKeepsTheReview()
    {
        var strike = StrikeId();
        string aleppo;
        using (var store = SqliteEventStore.Open(database))
        {
            aleppo = store.Search(new EventQuery(Text: "Aleppo")).Single().Id;
            store.Review(aleppo, "confirm", null, null, "seen in two outlets", "ana");
        }

        var merged = CliRunner.Run("events", "merge", strike, aleppo, "--db", database, "--reason", "one raid");

        Assert.Equal("", merged.Error);
        Assert.Equal(0, merged.Exit);
        using var check = SqliteEventStore.Open(database);
        Assert.Equal("seen in two outlets", Assert.Single(check.Reviews(strike)).Note);
        Assert.Equal("confirmed", check.ReviewStatuses()[strike]);
    }

    [Fact]
    public void ExportsCarryTheAnalystsCorrections()
    {
        var strike = StrikeId();
        using (var store = SqliteEventStore.Open(database))
        {
            store.Review(strike, "correct", "killed", "8", "hospital list", "ana");
        }

        var acled = CliRunner.Run("export", "--db", database, "--format", "acled-csv").Output.Split("\r\n");
        Assert.Contains(",8,", acled.Single(line => line.StartsWith(strike, StringComparison.Ordinal)), StringComparison.Ordinal);
        var ucdp = CliRunner.Run("export", "--db", database, "--format", "ucdp-csv").Output.Split("\r\n");
        var header = ucdp[0].Split(',');
        Assert.Equal("8", ucdp.Single(line => line.StartsWith(strike, StringComparison.Ordinal)).Split(',')[Array.IndexOf(header, "best")]);
        var line = CliRunner.Run("export", "--db", database, "--format", "jsonl").Output.Split('\n').Single(l => l.StartsWith("{\"id\":\"" + strike, StringComparison.Ordinal));
        Assert.Equal(8, JsonDocument.Parse(line).RootElement.GetProperty("killed").GetProperty("best").GetInt32());
    }

    [Fact]
    public void AnOpenEndedCountHasTheSameHighInAcledAndUcdp()
    {
        var path = Path.Combine(folder, "at-least.db");
        using (var store = SqliteEventStore.Open(path))
        {
            store.StorePage(Reports.Page("At least seven people were killed.", null,
                Reports.Event("Air/drone strike", "2024-01-02", "Town", 1, 2, "SY", killed: new CasualtyCount(7, 7, null), perpetrators: [Reports.RussianAir])));
        }

        string Cell(string format, string column)
        {
            var lines = CliRunner.Run("export", "--db", path, "--format", format).Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            return lines[1].Split(',')[Array.IndexOf(lines[0].Split(','), column)];
        }

        Assert.Equal("7", Cell("acled-csv", "fatalities_high"));
        Assert.Equal("7", Cell("ucdp-csv", "high"));
        Assert.Equal("7", Cell("acled-csv", "fatalities_low"));
        Assert.Equal("7", Cell("ucdp-csv", "low"));
    }

    [Fact]
    public void EachExportWritesItsDatasetsOwnCountryName()
    {
        var path = Path.Combine(folder, "congo.db");
        using (var store = SqliteEventStore.Open(path))
        {
            store.StorePage(Reports.Page("Gunmen killed three villagers near Beni.", null,
                Reports.Event("Attack", "2024-01-02", "Beni", 0.49, 29.47, "CD", killed: new CasualtyCount(3, 3, 3))));
        }

        string Cell(string format, string column)
        {
            var lines = CliRunner.Run("export", "--db", path, "--format", format).Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            return lines[1].Split(',')[Array.IndexOf(lines[0].Split(','), column)];
        }

        Assert.Equal("Democratic Republic of Congo", Cell("acled-csv", "country"));
        Assert.Equal("DR Congo (Zaire)", Cell("ucdp-csv", "country"));
        Assert.Equal("490", Cell("ucdp-csv", "country_id"));
        Assert.Equal("Africa", Cell("ucdp-csv", "region"));
    }

    [Fact]
    public void UcdpLeavesOutWhatUcdpDoesNotCodeAndSaysHowMany()
    {
        var all = CliRunner.Run("export", "--db", database, "--format", "acled-csv").Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var (exit, output, error) = CliRunner.Run("export", "--db", database, "--format", "ucdp-csv");

        Assert.Equal(0, exit);
        var rows = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var protests = all.Count(line => line.Contains(",Protests,", StringComparison.Ordinal));
        Assert.Equal(3, protests); // the Nairobi march (two reports), Nairobi a week later, Mogadishu
        Assert.Equal(all.Length - 1 - protests, rows.Count);
        Assert.DoesNotContain(rows, row => row.Contains("Nairobi", StringComparison.Ordinal));
        Assert.Equal($"vigil: ucdp-csv: left out 3 of {all.Length - 1} events that UCDP GED does not code: 3 not organised violence (protests, riots, strategic developments)", error.Trim());
    }

    [Fact]
    public void GeoJsonLeavesOutEventsWithoutCoordinatesAndCountsThem()
    {
        var path = Path.Combine(folder, "unplaced.db");
        using (var store = SqliteEventStore.Open(path))
        {
            store.StorePage(Reports.Page("A strike on a known town.", null, Reports.Event("Air/drone strike", "2024-01-02", "Town", 1, 2, "SY", killed: Reports.Count(3))));
            store.StorePage(Reports.Page("A strike somewhere.", null, Reports.Event("Air/drone strike", "2024-02-02", "Somewhere", null, null, "SY", killed: Reports.Count(3))));
        }

        var (exit, output, error) = CliRunner.Run("export", "--db", path, "--format", "geojson");

        Assert.Equal(0, exit);
        var feature = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("vigil: geojson: left out 1 of 2 events that have no coordinates", error.Trim());
    }

    [Fact]
    public void CsvCellsThatWouldRunAsFormulasAreNeutralised()
    {
        var path = Path.Combine(folder, "formula.db");
        using (var store = SqliteEventStore.Open(path))
        {
            var article = Reports.Article("Body text.", url: "https://formula.example/", headline: "=cmd|' /C calc'!A0");
            store.StorePage(new ProcessedPage(article, [Reports.Event("Air/drone strike", "2024-01-02", "@Town", -1.5, -2.25, "SY", killed: Reports.Count(3),
                perpetrators: [new Actor("+Falcons", ActorKind.StateForces, null)], targets: [new Actor("-Rebels", ActorKind.RebelGroup, null)], source: "\tofficials")]));
        }

        foreach (var format in new[] { "acled-csv", "ucdp-csv" })
        {
            var output = CliRunner.Run("export", "--db", path, "--format", format).Output;
            var cells = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1].Split(',');
            Assert.DoesNotContain(cells, cell => cell.TrimStart('"') is { Length: > 0 } text && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)
                && !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Contains("'=cmd|' /C calc'!A0", output, StringComparison.Ordinal);
            Assert.Contains("'@Town", output, StringComparison.Ordinal);
            Assert.Contains("'+Falcons", output, StringComparison.Ordinal);
            Assert.Contains(",-2.25,", output, StringComparison.Ordinal); // numbers stay numbers
        }
    }

    [Fact]
    public void ServeOnAPortInUseSaysSoInOneLineBeforeAnyToken()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, output, error) = CliRunner.Run("serve", "--db", Path.Combine(folder, "serve.db"), "--urls", $"http://127.0.0.1:{port}");

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("token", output, StringComparison.OrdinalIgnoreCase);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"port {port} is already in use", line, StringComparison.Ordinal);
    }
}
