using Vigil.Articles;
using Vigil.Events;
using Vigil.Ingest;
using Vigil.Places;
using Vigil.Storage;

namespace Vigil.Bench.Storage;

/// <summary>A SQLite store of many distinct synthetic events (one report each), for measuring the server's memory.</summary>
public static class FillEvents
{
    public static void Run(string path, int count)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        using var store = SqliteEventStore.Open(path);
        store.NearDuplicateSimilarity = null;
        var random = new Random(16);
        var start = new DateOnly(2020, 1, 1);
        for (var i = 0; i < count; i++)
        {
            // Far apart in time or place, so the matcher keeps every report its own event.
            var date = start.AddDays(i / 10 * 7);
            var latitude = -30 + (i % 10 * 6) + random.NextDouble();
            var longitude = -10 + (i % 10 * 5) + random.NextDouble();
            var killed = random.Next(0, 30);
            var text = $"Report {i}: gunmen killed {killed} people in an attack on village {i} on {date:yyyy-MM-dd}, officials said.";
            var incident = new ConflictEvent(
                EventTaxonomy.ViolenceAgainstCivilians, "Attack", null, new EventDate(date, DatePrecision.Day),
                new EventLocation($"Village {i}", latitude, longitude, "NG", "Borno", PlacePrecision.Town), [], [], [],
                killed > 0 ? new CasualtyCount(killed, killed, killed) : null, null, null, null,
                [new SourceClaim("officials", SourceKind.Government, "said", false)], 0.8, [new FieldEvidence("killed", 0, 6, "Report")]);
            var url = $"https://news.example/{i}";
            store.StorePage(new ProcessedPage(new Article(url, $"Attack {i}", null, null, date.ToString("yyyy-MM-dd"), "Example", url, "en", text, [text]), [incident]));
        }
    }
}
