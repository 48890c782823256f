using Vigil.Articles;
using Vigil.Events;
using Vigil.Ingest;
using Vigil.Places;

namespace Vigil.Tests.Storage;

/// <summary>Hand-made articles and events for storage tests: the extractor is not part of these tests.</summary>
internal static class Reports
{
    public static ConflictEvent Event(
        string subType,
        string date,
        string place,
        double? latitude,
        double? longitude,
        string country,
        string? admin1 = null,
        CasualtyCount? killed = null,
        CasualtyCount? injured = null,
        Actor[]? perpetrators = null,
        Actor[]? targets = null,
        Victim[]? victims = null,
        PlacePrecision? precision = null,
        DatePrecision datePrecision = DatePrecision.Day,
        string source = "local officials") =>
        new(
            EventTaxonomy.TypeOf(subType) ?? throw new ArgumentException($"not an ACLED sub-type: {subType}"),
            subType,
            null,
            new EventDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), datePrecision),
            new EventLocation(place, latitude, longitude, country, admin1, precision ?? PlacePrecision.Town),
            perpetrators ?? [],
            targets ?? [],
            victims ?? [],
            killed,
            injured,
            null,
            null,
            [new SourceClaim(source, SourceKind.Government, "said", false)],
            0.8,
            [new FieldEvidence("killed", 0, 5, "text!")]);

    public static CasualtyCount Count(int best, int? high = -1) => new(best, best, high == -1 ? best : high);

    public static Article Article(string text, string? url = null, string? outlet = null, string? headline = null, string? published = null) =>
        new($"test:{url ?? text[..Math.Min(20, text.Length)]}", headline, null, null, published, outlet, url, "en", text, [text]);

    public static ProcessedPage Page(string text, string? url = null, params ConflictEvent[] events) => new(Article(text, url), events);

    public static readonly Actor Army = new("Syrian Arab Army", ActorKind.StateForces, null);
    public static readonly Actor RussianAir = new("Russian air force", ActorKind.ExternalForces, null);
    public static readonly Actor Iswap = new("ISWAP", ActorKind.RebelGroup, "Islamic State West Africa Province");
    public static readonly Actor Shabaab = new("al-Shabaab", ActorKind.RebelGroup, null);
    public static readonly Actor Herders = new("Fulani herders", ActorKind.IdentityMilitia, null);
}
