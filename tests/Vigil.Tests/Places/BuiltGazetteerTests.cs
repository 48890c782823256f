using System.Text.Json;
using Vigil.Places;

namespace Vigil.Tests.Places;

/// <summary>The gazetteer scripts/setup.sh builds from GeoNames (./test.sh runs it first).</summary>
public sealed class BuiltGazetteerTests
{
    private static readonly PlaceResolver Resolver = new(Gazetteer.Default);

    [Theory]
    [InlineData("Ar Raqqah", "SY", 35.95, 39.01)]
    [InlineData("al-Raqqa", "SY", 35.95, 39.01)]
    [InlineData("Mosul", "IQ", 36.34, 43.13)]
    [InlineData("Al Mawsil", "IQ", 36.34, 43.13)]
    [InlineData("Maiduguri", "NG", 11.85, 13.16)]
    public void KnownTownsResolveToTheirPlace(string name, string country, double latitude, double longitude)
    {
        var place = Resolver.Resolve(name);
        Assert.NotNull(place);
        Assert.Equal(country, place.CountryCode);
        Assert.InRange(Geo.DistanceKm(place.Latitude, place.Longitude, latitude, longitude), 0, 10);
        Assert.NotNull(place.GeonameId);
    }

    [Theory]
    [InlineData("Gaza Strip")]
    [InlineData("West Bank")]
    public void ACountrysOtherNameThatIsOneOfItsProvincesIsTheProvince(string name)
    {
        var place = Resolver.Resolve(name, "PS");
        Assert.Equal((name, PlacePrecision.Admin1), (place?.Name, place?.Precision));
    }

    [Fact]
    public void HitIsAPlaceInIraqButNotInRunningTextAlone()
    {
        Assert.Equal("IQ", Resolver.Resolve("Hit", "IQ")?.CountryCode);
        Assert.Null(Resolver.Resolve("Hit", context: new PlaceContext([], [], "the rocket ")));
        Assert.Equal("IQ", Resolver.Resolve("Hit", context: new PlaceContext(["IQ"], [], "fighters entered the town of "))?.CountryCode);
    }

    [Fact]
    public void CountriesAndStates()
    {
        var nigeria = Resolver.Resolve("Nigeria");
        Assert.Equal((PlacePrecision.Country, "NG"), (nigeria?.Precision, nigeria?.CountryCode));
        var borno = Resolver.Resolve("Borno state");
        Assert.Equal((PlacePrecision.Admin1, "NG"), (borno?.Precision, borno?.CountryCode));
        Assert.Equal(PlacePrecision.Admin1, Resolver.Resolve("Idlib province")?.Precision);
    }

    [Theory]
    [InlineData("South Darfur", "Southern Darfur")]
    [InlineData("West Darfur", "Western Darfur")]
    public void AProvincesCompassWordMayBeWrittenEitherWay(string written, string geonamesName)
    {
        var province = Resolver.Resolve(written, "SD");
        Assert.Equal((PlacePrecision.Admin1, geonamesName), (province?.Precision, province?.Name));
        Assert.Equal(["South Darfur"], Gazetteer.CompassVariants("Southern Darfur"));
        Assert.Equal(["Northern Kivu"], Gazetteer.CompassVariants("North Kivu"));
        Assert.Empty(Gazetteer.CompassVariants("Northampton"));
    }

    [Fact]
    public void PlaceCommandPrintsScoredCandidates()
    {
        var output = new StringWriter();
        var exit = Vigil.Cli.Program.Run(["place", "Ar Raqqah"], output, new StringWriter());
        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var best = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("SY", best.GetProperty("country").GetString());
        Assert.True(best.GetProperty("accepted").GetBoolean());
        Assert.True(lines.Length >= 1);
    }

    [Fact]
    public void PlaceCommandListsThePlacesOfAPage()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("vigil-place-").FullName, "page.txt");
        File.WriteAllText(page, "Insurgents attacked Gwoza in Borno state on Monday, a Nigerian army officer said.\nThe attack was repelled.\n");
        var output = new StringWriter();
        var exit = Vigil.Cli.Program.Run(["place", "--context", page], output, new StringWriter());
        Directory.Delete(Path.GetDirectoryName(page)!, recursive: true);

        Assert.Equal(0, exit);
        var places = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(places, place => place.GetProperty("mention").GetString() == "Gwoza" && place.GetProperty("country").GetString() == "NG");
        Assert.Contains(places, place => place.GetProperty("mention").GetString() == "Borno state" && place.GetProperty("ucdpWherePrecision").GetInt32() == 4);
        Assert.DoesNotContain(places, place => place.GetProperty("mention").GetString() is "Monday" or "Nigerian");
    }

    [Fact]
    public void CommonWordWithoutContextIsReportedAsSuch()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("vigil-place-").FullName, "page.txt");
        File.WriteAllText(page, "A shell hit the market in Ramadi, Iraqi police said.\n");
        var error = new StringWriter();
        var exit = Vigil.Cli.Program.Run(["place", "--context", page, "Hit"], new StringWriter(), error);
        Directory.Delete(Path.GetDirectoryName(page)!, recursive: true);

        Assert.Equal(1, exit);
        Assert.Contains("Hit: a common word", error.ToString());
    }
}
