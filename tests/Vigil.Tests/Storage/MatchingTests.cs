using Vigil.Events;
using Vigil.Places;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

public sealed class MatchingTests
{
    private static readonly IncidentMatcher Matcher = IncidentMatcher.Default;

    private static ConflictEvent Clash(string date = "2024-05-02", double lat = 11.65, double lon = 13.42, string admin1 = "Borno", PlacePrecision? precision = null,
        DatePrecision datePrecision = DatePrecision.Day, int killed = 5, string country = "NG") =>
        Event("Armed clash", date, "Konduga", lat, lon, country, admin1, killed: Count(killed), precision: precision, datePrecision: datePrecision);

    [Fact]
    public void DatesMatchWithinTwoDaysWidenedByPrecision()
    {
        Assert.True(Matcher.Matches(Clash(), Clash(date: "2024-05-04")));
        Assert.False(Matcher.Matches(Clash(), Clash(date: "2024-05-05")));
        Assert.True(Matcher.Matches(Clash(), Clash(date: "2024-05-01", datePrecision: DatePrecision.Month)));
    }

    [Fact]
    public void AReportsOwnDateMeetsReportsOfTheNextDaysButNotOfTheWeekAfter()
    {
        var undated = Clash(date: "2024-05-02", datePrecision: DatePrecision.Reported);
        Assert.True(Matcher.Matches(undated, Clash(date: "2024-05-01")));
        Assert.True(Matcher.Matches(undated, Clash(date: "2024-05-06", datePrecision: DatePrecision.Reported)));
        Assert.False(Matcher.Matches(undated, Clash(date: "2024-05-08", datePrecision: DatePrecision.Reported)));
        Assert.False(Matcher.Matches(undated, Clash(date: "2024-04-27")));
    }

    [Fact]
    public void PlacesMatchByDistanceOrByProvinceWhenCoarse()
    {
        Assert.True(Matcher.Matches(Clash(), Clash(lat: 11.80, lon: 13.50)));             // ~19 km
        Assert.False(Matcher.Matches(Clash(), Clash(lat: 11.95, lon: 13.60)));            // ~38 km between two towns
        Assert.True(Matcher.Matches(Clash(), Clash(lat: 11.95, lon: 13.60, precision: PlacePrecision.NearTown)));
        Assert.True(Matcher.Matches(Clash(), Clash(lat: 11.5, lon: 13.0, precision: PlacePrecision.Admin1)));
        Assert.False(Matcher.Matches(Clash(), Clash(lat: 10.3, lon: 11.2, admin1: "Gombe", precision: PlacePrecision.Admin1)));
        Assert.False(Matcher.Matches(Clash(), Clash(admin1: null!, precision: PlacePrecision.Country)));
        Assert.False(Matcher.Matches(Clash(), Clash(country: "CM")));
    }

    [Fact]
    public void CountsFarApartAreDifferentIncidents()
    {
        Assert.True(Matcher.Matches(Clash(killed: 5), Clash(killed: 8)));
        Assert.True(Matcher.Matches(Clash(killed: 10), Clash(killed: 28)));
        Assert.False(Matcher.Matches(Clash(killed: 5), Clash(killed: 40)));
    }

    [Fact]
    public void UnknownDateOrPlaceIsNeverTheSame()
    {
        var undated = Clash() with { Date = null };
        var unplaced = Clash() with { Location = null };
        Assert.False(Matcher.Matches(Clash(), undated));
        Assert.False(Matcher.Matches(Clash(), unplaced));
    }

    [Fact]
    public void DerivedCountsExplainThemselves()
    {
        CasualtyCount?[] counts = [new CasualtyCount(3, 3, 3), null, new CasualtyCount(5, 6, null), new CasualtyCount(4, 4, 4), new CasualtyCount(8, 8, 8)];
        var claims = counts.Select((count, i) => new StoredClaim($"c{i}", "e", $"a{i}", 0, $"test:{i}", null, $"Outlet {i}", null, null, Clash() with { Killed = count })).ToList();

        var derived = ClaimAggregation.DeriveCount(claims, e => e.Killed, out var note);

        Assert.Equal(new CasualtyCount(3, 3, 8), derived);
        Assert.StartsWith("4 claims give a figure (3, 6, 4, 8); low = 3, the lowest credible figure; high = 8, the highest; best = 3, the lowest figure", note, StringComparison.Ordinal);
        Assert.Null(ClaimAggregation.DeriveCount([.. claims.Select(claim => claim with { Event = claim.Event with { Killed = null } })], e => e.Killed, out var none));
        Assert.Equal("no claim gives a figure", none);
    }

    [Fact]
    public void CanonicalUrlsDropWhatDoesNotChangeThePage()
    {
        Assert.Equal("https://news.example/a/b?id=3", ContentIdentity.CanonicalUrl("HTTPS://News.Example:443/a/b/?utm_source=x&id=3&fbclid=y#comments"));
        Assert.Equal("http://news.example:8080/", ContentIdentity.CanonicalUrl("http://news.example:8080/"));
        Assert.Null(ContentIdentity.CanonicalUrl("ftp://news.example/a"));
        Assert.Equal(ContentIdentity.ContentHash("A  b\n\nC"), ContentIdentity.ContentHash(" a b c "));
        Assert.NotEqual(ContentIdentity.ContentHash("a b c"), ContentIdentity.ContentHash("a b d"));
    }
}
