using Vigil.Events;
using Vigil.Storage;
using Vigil.Tests.Ingest;
using Vigil.Tests.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Cli;

public sealed class AlertsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-cli-alerts-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AddListAndRemoveAlerts()
    {
        var database = Path.Combine(folder, "a.db");
        var added = CliRunner.Run(
            "alerts", "add", "--name", "idlib", "--webhook", "https://hooks.example/idlib", "--country", "sy", "--bbox", "36,35,37.5,36.5", "--type", "Battles",
            "--type", "Air/drone strike", "--min-fatalities", "5", "--actor", "Russian", "--db", database);
        Assert.Equal(
            "vigil: alert 1 added: idlib: country SY; bbox 36,35,37.5,36.5; type Battles or Air/drone strike; killed ≥ 5; actor Russian -> https://hooks.example/idlib",
            added.Output.Trim());

        var file = CliRunner.Run("alerts", "add", "--name", "log", "--file", "matches.jsonl", "--db", database);
        Assert.Contains($"-> file {Path.GetFullPath("matches.jsonl")}", file.Output, StringComparison.Ordinal);

        Assert.Equal((1, "vigil: alert x: unknown event type 'Skirmish' (use an ACLED event type or sub-event type, e.g. \"Battles\" or \"Air/drone strike\")"),
            Result(CliRunner.Run("alerts", "add", "--name", "x", "--webhook", "https://h.example/", "--type", "Skirmish", "--db", database)));
        Assert.Equal(2, CliRunner.Run("alerts", "add", "--name", "y", "--webhook", "https://h.example/", "--bbox", "1,2", "--db", database).Exit);
        Assert.Equal(1, CliRunner.Run("alerts", "add", "--name", "z", "--db", database).Exit);

        var listed = CliRunner.Run("alerts", "list", "--db", database).Output.Trim().Split('\n');
        Assert.Equal(2, listed.Length);
        Assert.StartsWith("2\tlog\tevery event\t-> file ", listed[1], StringComparison.Ordinal);

        Assert.Equal("vigil: alert log removed", CliRunner.Run("alerts", "remove", "log", "--db", database).Output.Trim());
        Assert.Equal(1, CliRunner.Run("alerts", "remove", "log", "--db", database).Exit);
        Assert.Single(CliRunner.Run("alerts", "list", "--db", database).Output.Trim().Split('\n'));
    }

    [Fact]
    public void IngestSendsWhatItStoresBeforeItEnds()
    {
        var database = Path.Combine(folder, "i.db");
        var file = Path.Combine(folder, "every-event.jsonl");
        Assert.Equal(0, CliRunner.Run("alerts", "add", "--name", "every", "--file", file, "--db", database).Exit);

        var ingest = CliRunner.Run("ingest", DedupFixtures.Folder, "--db", database);

        Assert.Equal(0, ingest.Exit);
        using var store = SqliteEventStore.Open(database);
        var deliveries = store.Deliveries(limit: 1000);
        Assert.NotEmpty(deliveries);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStates.Delivered, d.Status));
        var lines = File.ReadAllLines(file).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(deliveries.Count, lines.Count);
        Assert.Equal(lines.Count, lines.Select(line => line.GetProperty("delivery").GetInt64()).Distinct().Count());
        // Every event stored is told of at least once (the alert has no criteria).
        Assert.Equal(store.Counts().Events, lines.Select(line => line.GetProperty("event").GetProperty("id").GetString()).Intersect(store.Search(new EventQuery()).Select(e => e.Id)).Count());
        Assert.Contains($"vigil: alerts: {deliveries.Count} matched, {deliveries.Count} delivered, 0 to retry, 0 given up", ingest.Error, StringComparison.Ordinal);
    }

    private static (int, string) Result((int Exit, string Output, string Error) run) => (run.Exit, run.Error.Trim());

    [Fact]
    public void DispatchDeliversWhatWasStoredAndDeliveriesShowsIt()
    {
        using var receiver = new LocalServer();
        receiver.Page("/hook", "", "text/plain", 200);
        var database = Path.Combine(folder, "d.db");
        Assert.Equal(0, CliRunner.Run("alerts", "add", "--name", "any", "--webhook", receiver.BaseUrl + "hook", "--db", database).Exit);
        using (var store = SqliteEventStore.Open(database))
        {
            store.StorePage(Page("Nine were killed in an air strike.", "https://a.example/1",
                Event("Air/drone strike", "2024-03-10", "Maarrat al-Numan", 35.6476, 36.6741, "SY", killed: Count(9))));
        }

        Assert.Equal("vigil: alerts: 1 matched, 1 delivered, 0 to retry, 0 given up", CliRunner.Run("alerts", "dispatch", "--db", database).Output.Trim());
        Assert.Equal("vigil: alerts: 0 matched, 0 delivered, 0 to retry, 0 given up", CliRunner.Run("alerts", "dispatch", "--db", database).Output.Trim());
        Assert.Equal(1, receiver.Hits("/hook"));

        var line = Assert.Single(CliRunner.Run("alerts", "deliveries", "--db", database).Output.Trim().Split('\n'));
        Assert.Matches($"^1\tdelivered\tany\tevent [0-9a-f]{{16}}-0 \\(new\\)\twebhook {receiver.BaseUrl}hook\t1 attempt\\(s\\)\tdelivered ", line);
        Assert.Equal(2, CliRunner.Run("alerts", "deliveries", "--status", "lost", "--db", database).Exit);
    }
}
