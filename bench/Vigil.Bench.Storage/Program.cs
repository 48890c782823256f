using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Vigil;
using Vigil.Bench.Storage;
using Vigil.Events;
using Vigil.Ingest;
using Vigil.Storage;

// Merge recall and false merges of re-published, syndicated and rewritten reports (bench/storage/republished.sh):
// every page of the fixture is coded once by the full pipeline, then stored into fresh SQLite and PostgreSQL stores
// with the near-duplicate comparison off (the incident matcher alone) and at several thresholds, alternating.
// Halves by report number: A (even) chose the threshold, B (odd) is reported beside it.
if (args is ["fill", var path, var count])
{
    // bench/storage/load.sh: a store of COUNT synthetic events for the server's memory.
    FillEvents.Run(path, int.Parse(count, CultureInfo.InvariantCulture));
    return;
}

if (args is ["scale", var engine, var target, var size, ..])
{
    // bench/scale/fill.sh: a store of SIZE synthetic events (one engine: sqlite PATH or postgres CONNECTION).
    ScaleFill.Run(engine, target, int.Parse(size, CultureInfo.InvariantCulture));
    return;
}

if (args is ["indexes", var action, var indexEngine, var indexTarget])
{
    // bench/scale/load.sh: the store without the read indexes of issue 17 ("before"), then with them again ("after").
    ScaleIndexes.Run(action, indexEngine, indexTarget);
    return;
}

var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var reports = RepublishedFixture.Read(Path.Combine(root, "bench", "storage", "republished", "reports.jsonl"));
var pages = RepublishedFixture.Make(reports, seed);
var output = Path.Combine(root, "bench", "out", "storage");
Directory.CreateDirectory(output);
await File.WriteAllLinesAsync(
    Path.Combine(output, "republished.jsonl"),
    pages.Select(p => JsonSerializer.Serialize(new { id = $"{p.Report}-{p.Kind}", url = p.Url, title = p.Title, published = p.Published, text = p.Text })));

var pipeline = PageProcessors.Full(EventPipeline.CreateDefault());
var coded = pages.Select(p => pipeline(new RawPage($"{p.Report}-{p.Kind}", p.Text, PageFormat.Text, p.Url, p.Published) { Title = p.Title })).ToList();
var withEvents = coded.Count(c => c.Events.Count > 0);
Console.WriteLine($"fixture: {reports.Count} reports ({reports.Count(r => r.Id[0] == 's')} siblings written in another's manner, {reports.Count(r => r.Id[0] == 't')} templates), " +
    $"{pages.Count} pages, seed {seed}; {withEvents} pages coded with an event, {coded.Sum(c => c.Events.Count)} events, " +
    $"{coded.Sum(c => c.Events.Count(e => e.Date is not null))} with a date, {coded.Sum(c => c.Events.Count(e => e.Location is not null))} with a place");

// Text similarity alone: each copy against its original, and each sibling against the report it imitates.
var signatures = coded.Select(c => TextSignature.Of(c.Article.Text)).ToList();
var originals = pages.Select((p, i) => (p, i)).Where(x => x.p.Kind == "original").ToDictionary(x => x.p.Report, x => x.i);
Console.WriteLine("\n| copy kind | similarity to its original: min | median | max |");
Console.WriteLine("|---|---:|---:|---:|");
foreach (var kind in RepublishedFixture.Kinds.Skip(1))
{
    var values = pages.Select((p, i) => (p, i)).Where(x => x.p.Kind == kind).Select(x => signatures[x.i].Similarity(signatures[originals[x.p.Report]])).Order().ToList();
    Console.WriteLine($"| {kind} | {values[0]:0.00} | {values[values.Count / 2]:0.00} | {values[^1]:0.00} |");
}

List<double> SimilarityToImitated(char prefix) =>
    [.. reports.Where(r => r.SiblingOf is not null && r.Id[0] == prefix).Select(r => signatures[originals[r.Id]].Similarity(signatures[originals[r.SiblingOf!]])).Order()];
var otherMax = 0.0;
for (var i = 0; i < pages.Count; i++)
{
    for (var j = i + 1; j < pages.Count; j++)
    {
        if (pages[i].Report[1..] != pages[j].Report[1..])
        {
            otherMax = Math.Max(otherMax, signatures[i].Similarity(signatures[j]));
        }
    }
}

foreach (var (prefix, name) in new[] { ('s', "sibling (another incident, written in another report's manner) vs that report"), ('t', "template (another incident: that report with other figures and day) vs that report") })
{
    var values = SimilarityToImitated(prefix);
    Console.WriteLine($"| {name} | {values[0]:0.00} | {values[values.Count / 2]:0.00} | {values[^1]:0.00} |");
}

Console.WriteLine($"| any two pages of different reports, templates aside: max | | | {otherMax:0.00} |");

var postgres = File.Exists(Path.Combine(root, ".build", "pg", "connection")) ? File.ReadAllText(Path.Combine(root, ".build", "pg", "connection")).Trim() : null;
double?[] thresholds = [null, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
var configurations = thresholds.Select(t => ("sqlite", t)).ToList();
if (postgres is not null)
{
    configurations.AddRange([("postgres", null), ("postgres", SqlEventStore.DefaultNearDuplicateSimilarity)]);
}
else
{
    Console.Error.WriteLine("bench: no .build/pg/connection; PostgreSQL rows skipped (run scripts/postgres.sh)");
}

Console.WriteLine("\n| store | near-duplicate threshold | half | same-report page pairs merged | different-report page pairs merged | events / reports coded | ms per page stored |");
Console.WriteLine("|---|---|---|---:|---:|---:|---:|");
foreach (var (storeName, threshold) in configurations)
{
    var (store, cleanup) = Open(storeName, output, postgres);
    var clock = Stopwatch.StartNew();
    try
    {
        store.NearDuplicateSimilarity = threshold;
        foreach (var page in coded)
        {
            store.StorePage(page);
        }

        clock.Stop();
        var eventsOfPage = new Dictionary<string, HashSet<string>>();
        foreach (var e in store.Search(new EventQuery()))
        {
            foreach (var claim in e.Claims)
            {
                (eventsOfPage.TryGetValue(claim.ArticleUrl!, out var set) ? set : eventsOfPage[claim.ArticleUrl!] = []).Add(e.Id);
            }
        }

        foreach (var half in new[] { "A", "B", "all" })
        {
            var inHalf = pages.Where(p => eventsOfPage.ContainsKey(p.Url) && (half == "all" || Half(p.Report) == half)).ToList();
            int same = 0, sameMerged = 0, different = 0, differentMerged = 0;
            for (var i = 0; i < inHalf.Count; i++)
            {
                for (var j = i + 1; j < inHalf.Count; j++)
                {
                    var merged = eventsOfPage[inHalf[i].Url].Overlaps(eventsOfPage[inHalf[j].Url]);
                    if (inHalf[i].Report == inHalf[j].Report)
                    {
                        same++;
                        sameMerged += merged ? 1 : 0;
                    }
                    else
                    {
                        different++;
                        differentMerged += merged ? 1 : 0;
                        if (merged && Environment.GetEnvironmentVariable("BENCH_SHOW_FALSE_MERGES") is not null && half == "all")
                        {
                            Console.Error.WriteLine($"false merge: {inHalf[i].Url} + {inHalf[j].Url}: {Describe(inHalf[i].Url)} / {Describe(inHalf[j].Url)}");
                        }
                    }
                }
            }

            var events = inHalf.SelectMany(p => eventsOfPage[p.Url]).Distinct().Count();
            var reportsCoded = inHalf.Select(p => p.Report).Distinct().Count();
            var name = threshold is { } t ? t.ToString("0.0", CultureInfo.InvariantCulture) : "off (matcher alone)";
            Console.WriteLine($"| {storeName} | {name} | {half} | {sameMerged}/{same} = {Ratio(sameMerged, same)} | {differentMerged}/{different} | {events} / {reportsCoded} | " +
                $"{clock.Elapsed.TotalMilliseconds / coded.Count:0.00} |");
        }
    }
    finally
    {
        store.Dispose();
        cleanup();
    }
}

// The cost of the comparison when storing: the matcher alone and the default threshold, alternating, three rounds.
var times = new Dictionary<string, List<double>>();
for (var round = 0; round < 3; round++)
{
    foreach (var (storeName, threshold) in configurations.Where(c => c.Item2 is null || c.Item2 == SqlEventStore.DefaultNearDuplicateSimilarity))
    {
        var (store, cleanup) = Open(storeName, output, postgres);
        var clock = Stopwatch.StartNew();
        store.NearDuplicateSimilarity = threshold;
        foreach (var page in coded)
        {
            store.StorePage(page);
        }

        clock.Stop();
        store.Dispose();
        cleanup();
        var key = $"| {storeName} | {(threshold is null ? "off (matcher alone)" : threshold.Value.ToString("0.0", CultureInfo.InvariantCulture))} |";
        (times.TryGetValue(key, out var list) ? list : times[key] = []).Add(clock.Elapsed.TotalMilliseconds / coded.Count);
    }
}

Console.WriteLine("\n| store | near-duplicate threshold | ms per page stored, median of 3 alternating rounds (each round) |");
Console.WriteLine("|---|---|---:|");
foreach (var (key, list) in times)
{
    Console.WriteLine($"{key} {list.Order().ElementAt(1):0.00} ({string.Join(", ", list.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))}) |");
}

string Describe(string url)
{
    var page = coded[pages.ToList().FindIndex(p => p.Url == url)];
    return string.Join("; ", page.Events.Select(e => $"{e.SubEventType} {e.Date?.Value} killed {e.Killed} injured {e.Injured}"));
}

static string Half(string report) => int.Parse(report[1..], CultureInfo.InvariantCulture) % 2 == 0 ? "A" : "B";

static string Ratio(int part, int whole) => whole == 0 ? "–" : (part / (double)whole).ToString("0.000", CultureInfo.InvariantCulture);

static (SqlEventStore Store, Action Cleanup) Open(string name, string output, string? postgres)
{
    if (name == "sqlite")
    {
        var path = Path.Combine(output, "republished.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return (SqliteEventStore.Open(path), () => { });
    }

    var schema = "bench_republished";
    Admin(postgres!, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}");
    var connection = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema, Pooling = false }.ToString();
    return (PostgresEventStore.Open(connection), () => Admin(postgres!, $"DROP SCHEMA {schema} CASCADE"));
}

static void Admin(string connection, string sql)
{
    using var admin = new NpgsqlConnection(connection);
    admin.Open();
    using var command = new NpgsqlCommand(sql, admin);
    command.ExecuteNonQuery();
}
