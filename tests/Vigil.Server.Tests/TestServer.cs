using Microsoft.AspNetCore.Builder;
using Vigil.Articles;
using Vigil.Events;
using Vigil.Ingest;
using Vigil.Places;
using Vigil.Storage;

namespace Vigil.Server.Tests;

/// <summary>A real server on a free loopback port over a fresh SQLite database holding three hand-made reports.</summary>
public sealed class TestServer() : ServerFixture("vigil-server-")
{
    public const string Token = "test-token-0123";

    protected override Task FillAsync(string database)
    {
        using var store = SqliteEventStore.Open(database);
        foreach (var page in SamplePages())
        {
            store.StorePage(page);
        }

        return Task.CompletedTask;
    }

    /// <summary>Three incidents in three countries, one of whose articles tries to inject HTML.</summary>
    private static IEnumerable<ProcessedPage> SamplePages()
    {
        const string shelling = "Artillery shelled the market in Kharkiv on Monday, killing four civilians, the regional governor said.";
        // "Kharkiv" is also the province: the reading not taken is there for a reviewer.
        var kharkiv = Event(
            EventTaxonomy.ExplosionsRemoteViolence, "Shelling/artillery/missile attack", new DateOnly(2024, 3, 4), "Kharkiv", 49.99, 36.23, "UA", 4,
            shelling, ("eventType", "shelled"), ("location", "Kharkiv"), ("killed", "killing four civilians"), ("sources", "the regional governor said"));
        yield return Page("https://news.example/kharkiv", "Shelling hits Kharkiv market", shelling, kharkiv with
        {
            Location = kharkiv.Location! with { RunnersUp = [KharkivOblast] },
        });

        const string protest = "Thousands of teachers marched peacefully through Nairobi on Tuesday to demand unpaid wages, organisers said. <img src=x onerror=alert(1)>";
        yield return Page("https://news.example/nairobi", "Teachers march in Nairobi", protest, Event(
            EventTaxonomy.Protests, "Peaceful protest", new DateOnly(2024, 3, 5), "Nairobi", -1.28, 36.82, "KE", 0,
            protest, ("eventType", "marched peacefully"), ("location", "Nairobi")));

        // An openly licensed report, as a JSONL input with `licence` and `attribution` gives it.
        const string clash = "Government troops clashed with rebels near Goma on Wednesday; eleven fighters were killed, the army said.";
        yield return Page("https://news.example/goma", "Fighting near Goma", clash, Event(
            EventTaxonomy.Battles, "Armed clash", new DateOnly(2024, 3, 6), "Goma", -1.68, 29.22, "CD", 11,
            clash, ("eventType", "clashed"), ("location", "Goma"), ("killed", "eleven fighters were killed")), GomaLicence, GomaAttribution);
    }

    public static readonly PlaceReading KharkivOblast = new("Kharkiv Oblast", 49.6, 36.5, "UA", "Kharkiv Oblast", PlacePrecision.Admin1, 706482, 0.81);

    public const string GomaLicence = "CC BY 2.5 (Example News contributors)";

    public const string GomaAttribution = "Example News contributors, \"Fighting near Goma\", https://news.example/goma";

    private static ProcessedPage Page(string url, string headline, string text, ConflictEvent conflictEvent, string? licence = null, string? attribution = null) =>
        new(new Article(url, headline, null, null, "2024-03-07", "Example News", url, "en", text, [text]) { Licence = licence, Attribution = attribution }, [conflictEvent]);

    private static ConflictEvent Event(
        string type, string subType, DateOnly date, string place, double latitude, double longitude, string country, int killed, string text,
        params (string Field, string Words)[] evidence) =>
        new(type, subType, null, new EventDate(date, DatePrecision.Day),
            new EventLocation(place, latitude, longitude, country, null, PlacePrecision.Town), [], [], [],
            killed > 0 ? new CasualtyCount(killed, killed, killed) : null, null, null, null,
            [new SourceClaim("regional officials", SourceKind.Government, "said", false)], 0.8,
            [.. evidence.Select(e => new FieldEvidence(e.Field, text.IndexOf(e.Words, StringComparison.Ordinal), text.IndexOf(e.Words, StringComparison.Ordinal) + e.Words.Length, e.Words))]);
}
