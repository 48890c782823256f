using Vigil.Events;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>The alerts' outbox and deliveries, against every store: each change makes one delivery per alert and target, once.</summary>
public abstract class AlertStoreTests : StoreConnections
{
    private static ConflictEvent Strike(string date, int killed, string country = "SY") =>
        Event("Air/drone strike", date, "Maarrat al-Numan", 35.6476, 36.6741, country, "Idlib", killed: Count(killed), perpetrators: [RussianAir]);

    private static NewAlert Deadly(string name = "deadly", string? file = "/tmp/vigil-alert-test.jsonl") =>
        new(name, "http://127.0.0.1:9/hook", file, new AlertCriteria { Countries = ["SY"], MinFatalities = 5 });

    [SkippableFact]
    public void EachMatchingChangeMakesOneDeliveryPerTargetAndOnlyOnce()
    {
        var store = Open();
        var alert = store.AddAlert(Deadly());
        store.StorePage(Page("Nine were killed in an air strike on Maarrat al-Numan.", "https://a.example/1", Strike("2024-03-10", 9)));
        store.StorePage(Page("Two were killed in an air strike in Iraq.", "https://a.example/2", Strike("2024-03-10", 2, "IQ")));

        Assert.Equal((2, 2), store.MatchChanges());
        Assert.Equal((0, 0), Another().MatchChanges());
        var deliveries = store.Deliveries();
        Assert.Equal([DeliveryTargets.File, DeliveryTargets.Webhook], deliveries.Select(d => d.Target).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.Equal((alert.Id, "new", DeliveryStates.Pending, 0), (d.AlertId, d.Change, d.Status, d.Attempts)));
        Assert.Equal("/tmp/vigil-alert-test.jsonl", deliveries.Single(d => d.Target == DeliveryTargets.File).Destination);
    }

    [SkippableFact]
    public void AReportMergedIntoAnEventFiresItAgainAsUpdated()
    {
        var store = Open();
        store.AddAlert(Deadly(file: null));
        store.StorePage(Page("Nine were killed in an air strike on Maarrat al-Numan.", "https://a.example/1", Strike("2024-03-10", 9)));
        store.MatchChanges();
        var merged = store.StorePage(Page("Raids on Maarrat al-Numan killed nine, a monitor said.", "https://b.example/1", Strike("2024-03-10", 9)));
        Assert.Equal(1, merged.MergedClaims);

        Assert.Equal((1, 1), store.MatchChanges());
        Assert.Equal(["updated", "new"], store.Deliveries().Select(d => d.Change));
        Assert.All(store.Deliveries(), d => Assert.Equal(merged.EventIds[0], d.EventId));
    }

    [SkippableFact]
    public void WithoutAlertsNothingIsNotedAndAnAlertOnlyFiresOnLaterChanges()
    {
        var store = Open();
        store.StorePage(Page("Nine were killed in an air strike on Maarrat al-Numan.", "https://a.example/1", Strike("2024-03-10", 9)));
        Assert.Empty(store.Dump("alert_outbox"));

        store.AddAlert(Deadly());
        Assert.Equal((0, 0), store.MatchChanges());
        store.StorePage(Page("Seven were killed in an air strike on Saraqib.", "https://a.example/2", Strike("2024-05-01", 7)));
        Assert.Equal((1, 2), store.MatchChanges());
    }

    [SkippableFact]
    public void AChangeStoredByAProcessThatDiedIsMatchedByTheNext()
    {
        using (var dies = CreateStore())
        {
            dies.AddAlert(Deadly(file: null));
            dies.StorePage(Page("Nine were killed in an air strike on Maarrat al-Numan.", "https://a.example/1", Strike("2024-03-10", 9)));
        }

        var next = Another();
        Assert.Equal((1, 1), next.MatchChanges());
        Assert.NotNull(next.ClaimDelivery("next", TimeSpan.FromMinutes(1)));
    }

    [SkippableFact]
    public void ConcurrentDispatchersMatchAndClaimEachDeliveryOnce()
    {
        var store = Open();
        store.AddAlert(Deadly(file: null));
        for (var i = 0; i < 30; i++)
        {
            // Words of their own, so that no report reads as a copy of another.
            var text = string.Join(' ', Enumerable.Range(0, 40).Select(k => $"w{i}x{k}"));
            store.StorePage(Page(text, $"https://a.example/{i}", Strike($"{1990 + i}-03-10", 5 + i)));
        }

        var dispatchers = Enumerable.Range(0, 4).Select(_ => Another()).ToList();
        using var start = new Barrier(dispatchers.Count);
        var claimed = dispatchers.Select((dispatcher, n) => Task.Run(() =>
        {
            start.SignalAndWait();
            var mine = new List<long>();
            while (true)
            {
                var matched = dispatcher.MatchChanges(batch: 7);
                if (dispatcher.ClaimDelivery($"d{n}", TimeSpan.FromMinutes(1)) is { } delivery)
                {
                    mine.Add(delivery.Id);
                }
                else if (matched.Changes == 0)
                {
                    break;
                }
            }

            return mine;
        })).ToList();

        var all = claimed.SelectMany(task => task.GetAwaiter().GetResult()).ToList();
        Assert.Equal(30, store.Deliveries().Count);
        Assert.Equal(30, all.Count);
        Assert.Equal(30, all.Distinct().Count());
    }

    [SkippableFact]
    public void AFailedAttemptWaitsItsBackOffAndAnExpiredLeaseLetsAnotherDispatcherRetry()
    {
        var store = Open();
        store.AddAlert(Deadly(file: null));
        store.StorePage(Page("Nine were killed in an air strike on Maarrat al-Numan.", "https://a.example/1", Strike("2024-03-10", 9)));
        store.MatchChanges();

        var first = store.ClaimDelivery("a", TimeSpan.FromMinutes(1))!;
        Assert.True(store.DeliveryFailed(first, "a", "connection refused", TimeSpan.FromMinutes(10)));
        Assert.Null(store.ClaimDelivery("a", TimeSpan.FromMinutes(1)));
        Assert.Equal(("connection refused", DeliveryStates.Pending), (store.Deliveries()[0].LastError, store.Deliveries()[0].Status));

        RunSql("UPDATE alert_deliveries SET next_attempt_at = '2000-01-01T00:00:00.000Z'");
        var dies = store.ClaimDelivery("dies", TimeSpan.FromMilliseconds(50))!;
        Thread.Sleep(150);
        var retaken = Another().ClaimDelivery("lives", TimeSpan.FromMinutes(1))!;
        Assert.Equal((dies.Id, 3), (retaken.Id, retaken.Attempt));
        Assert.False(store.DeliverySucceeded(dies, "dies"));
        Assert.True(store.DeliverySucceeded(retaken, "lives"));
        var delivered = Assert.Single(store.Deliveries(status: DeliveryStates.Delivered));
        Assert.Equal(3, delivered.Attempts);
        Assert.NotNull(delivered.DeliveredAt);
    }

    [SkippableFact]
    public void RemovingAnAlertCancelsWhatItHadNotDeliveredAndKeepsTheRecord()
    {
        var store = Open();
        store.AddAlert(Deadly());
        store.StorePage(Page("Nine were killed in an air strike on Maarrat al-Numan.", "https://a.example/1", Strike("2024-03-10", 9)));
        store.MatchChanges();
        var sent = store.ClaimDelivery("a", TimeSpan.FromMinutes(1))!;
        store.DeliverySucceeded(sent, "a");

        Assert.True(store.RemoveAlert("deadly"));
        Assert.False(store.RemoveAlert("deadly"));
        Assert.Equal([DeliveryStates.Cancelled, DeliveryStates.Delivered], store.Deliveries(alert: "deadly").Select(d => d.Status));
        Assert.Empty(store.ListAlerts());
    }

    [SkippableFact]
    public void AnAlertThatCannotBeSavedSaysWhy()
    {
        var store = Open();
        store.AddAlert(Deadly());
        Assert.Contains("already", Assert.Throws<StoreException>(() => store.AddAlert(Deadly())).Message, StringComparison.Ordinal);
        Assert.Contains("not an http(s) URL", Assert.Throws<StoreException>(() => store.AddAlert(Deadly("x") with { Webhook = "ftp://x/" })).Message, StringComparison.Ordinal);
        Assert.Contains("webhook, a file", Assert.Throws<StoreException>(() => store.AddAlert(new NewAlert("y", null, null, new AlertCriteria()))).Message, StringComparison.Ordinal);
        Assert.Contains("unknown event type", Assert.Throws<StoreException>(() =>
            store.AddAlert(Deadly("z") with { Criteria = new AlertCriteria { Types = ["Skirmish"] } })).Message, StringComparison.Ordinal);
        Assert.Single(store.ListAlerts());
    }

    /// <summary>Runs SQL on the test database behind the store's back.</summary>
    protected abstract void RunSql(string sql);
}

public sealed class SqliteAlertStoreTests : AlertStoreTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-alerts-").FullName;

    private string DatabasePath => Path.Combine(folder, "a.db");

    protected override SqlEventStore CreateStore() => SqliteEventStore.Open(DatabasePath);

    protected override SqlEventStore OpenAgain() => CreateStore();

    protected override void RunSql(string sql) => TestSql.OnSqlite(DatabasePath, sql);

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class PostgresAlertStoreTests : AlertStoreTests
{
    private readonly TestPostgres.Schema? schema = TestPostgres.CreateSchema();

    protected override SqlEventStore CreateStore()
    {
        Skip.If(schema is null, TestPostgres.SkipReason);
        return PostgresEventStore.Open(schema!.ConnectionString);
    }

    protected override SqlEventStore OpenAgain() => CreateStore();

    protected override void RunSql(string sql) => TestSql.OnPostgres(schema!.ConnectionString, sql);

    public override void Dispose()
    {
        base.Dispose();
        schema?.Dispose();
    }
}
