using System.Text.Json;
using Vigil.Places;

namespace Vigil.Tests.Places;

/// <summary>
/// The villages and city quarters the repository's own gazetteer data (data/gazetteer, unpacked by
/// scripts/gazetteer.sh) carries: nothing here reads ../shared.
/// </summary>
public sealed class ShippedVillagesTests
{
    private static readonly PlaceResolver Resolver = new(Gazetteer.Default);

    private static JsonElement FirstCandidate(params string[] arguments)
    {
        var output = new StringWriter();
        var exit = Vigil.Cli.Program.Run(["place", .. arguments], output, new StringWriter());
        Assert.Equal(0, exit);
        return JsonDocument.Parse(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]).RootElement;
    }

    [Fact]
    public void PiskyInUkraineIsTheDonetskVillage()
    {
        var pisky = FirstCandidate("Pisky", "--country", "UA");
        Assert.Equal(("Donetsk", "PPL"), (pisky.GetProperty("admin1").GetString(), pisky.GetProperty("featureCode").GetString()));
        Assert.InRange(Geo.DistanceKm(pisky.GetProperty("latitude").GetDouble(), pisky.GetProperty("longitude").GetDouble(), 48.067, 37.666), 0, 3);
    }

    [Fact]
    public void BarEliasInLebanonIsTheBekaaTown()
    {
        var town = FirstCandidate("Bar Elias", "--country", "LB");
        Assert.Equal(("Bekaa", 276955L), (town.GetProperty("admin1").GetString(), town.GetProperty("geonameId").GetInt64()));
    }

    [Theory]
    [InlineData("Pisky", "Pesky", "UA")]
    [InlineData("Barr Elias", "Bar Elias", "LB")]
    [InlineData("Daraa", "Dar'a", "SY")]
    public void TransliterationsMeetOnOnePlace(string one, string other, string country)
    {
        var ofOne = Gazetteer.Default.Find(one, country).Where(hit => hit.Entry.Kind == PlaceKind.Populated).Select(hit => hit.Index).ToHashSet();
        var ofOther = Gazetteer.Default.Find(other, country).Where(hit => hit.Entry.Kind == PlaceKind.Populated).Select(hit => hit.Index).ToHashSet();
        Assert.True(ofOne.Overlaps(ofOther), $"{one} and {other} share no place in {country}");
    }

    [Fact]
    public void AQuarterWithinItsCityIsTheQuarterAtItsOwnPrecision()
    {
        var quarter = Resolver.ResolveWithin("Abu Salim district", "Tripoli", "LY");
        Assert.NotNull(quarter);
        Assert.Equal(PlacePrecision.Town, quarter.Precision);
        Assert.InRange(Geo.DistanceKm(quarter.Latitude, quarter.Longitude, 32.85, 13.167), 0, 2);
        Assert.True(Geo.DistanceKm(quarter.Latitude, quarter.Longitude, 32.887, 13.187) > 3, "the quarter, not the city centre");
    }

    [Fact]
    public void AQuarterInRunningTextIsFoundWithItsCity()
    {
        var page = Path.Combine(Directory.CreateTempSubdirectory("vigil-place-").FullName, "page.txt");
        File.WriteAllText(page, "Clashes broke out on Sunday in the Abu Salim district of Tripoli between rival armed groups, a security official said.\n");
        var output = new StringWriter();
        var exit = Vigil.Cli.Program.Run(["place", "--context", page], output, new StringWriter());
        Directory.Delete(Path.GetDirectoryName(page)!, recursive: true);

        Assert.Equal(0, exit);
        var places = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var quarter = Assert.Single(places, place => place.GetProperty("mention").GetString()!.StartsWith("Abu Salim", StringComparison.Ordinal));
        Assert.Equal(("LY", 1), (quarter.GetProperty("country").GetString(), quarter.GetProperty("acledGeoPrecision").GetInt32()));
        Assert.InRange(Geo.DistanceKm(quarter.GetProperty("latitude").GetDouble(), quarter.GetProperty("longitude").GetDouble(), 32.85, 13.167), 0, 2);
    }

    [Fact]
    public void ABareVillageNameWithReadingsAcrossTheCountryIsTheCountry()
    {
        // Fourteen Ukrainian villages are called Vilkhivka and none is better known: no village may be guessed.
        var place = Resolver.Resolve("Vilkhivka", "UA");
        Assert.NotNull(place);
        Assert.True(place.Precision.AcledGeoPrecision >= 2, $"{place.Name} at {place.Precision}");
    }
}
