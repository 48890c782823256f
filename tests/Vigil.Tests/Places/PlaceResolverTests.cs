using Vigil.Places;

namespace Vigil.Tests.Places;

public sealed class PlaceResolverTests
{
    private readonly PlaceResolver resolver = new(TinyGazetteer.Create());

    [Theory]
    [InlineData("Raqqa")]
    [InlineData("al-Raqqa")]
    [InlineData("Ar Raqqah")]
    [InlineData("Rakka")]
    [InlineData("AR-RAQQA")]
    public void SpellingsOfOneTownResolveToIt(string name)
    {
        var place = resolver.Resolve(name);
        Assert.NotNull(place);
        Assert.Equal("Ar Raqqah", place.Name);
        Assert.Equal(PlacePrecision.Town, place.Precision);
        Assert.Equal("Raqqa", place.Admin1);
    }

    [Theory]
    [InlineData("Mosul")]
    [InlineData("Al Mawsil")]
    [InlineData("Mossoul")]
    public void AlternateNamesResolveToTheSamePlace(string name) =>
        Assert.Equal("Mosul", resolver.Resolve(name)?.Name);

    [Fact]
    public void ARespelledVillageInTheCountryTheTextLeansToIsNotAProminentCityOfTheVeryName()
    {
        // "United States military forces killed ... in Baghdad": the country is who acted, the city is named.
        Assert.Equal("IQ", resolver.Resolve("Baghdad", context: new PlaceContext(["US"], []))?.CountryCode);
        Assert.Equal("US", resolver.Resolve("Bagdad", context: new PlaceContext(["US"], []))?.CountryCode);
    }

    [Fact]
    public void CountryContextChoosesBetweenNamesakes()
    {
        Assert.Equal("LY", resolver.Resolve("Tripoli")?.CountryCode);
        Assert.Equal("LB", resolver.Resolve("Tripoli", context: new PlaceContext(["LB"], []))?.CountryCode);
        Assert.Equal("LB", resolver.Resolve("Tripoli", "LB")?.CountryCode);
    }

    [Fact]
    public void NearbyPlacesChooseBetweenNamesakes()
    {
        var beirutArea = new ResolvedPlace("Zgharta", 34.40, 35.90, "LB", "North Lebanon", PlacePrecision.Town, null, 0.9);
        Assert.Equal("LB", resolver.Resolve("Tripoli", context: new PlaceContext([], [beirutArea]))?.CountryCode);
    }

    [Fact]
    public void CommonWordIsNoPlaceInRunningText()
    {
        Assert.Null(resolver.Resolve("Hit", context: new PlaceContext(["IQ"], [], "the strike was a direct ")));
        Assert.Null(resolver.Resolve("Nice", context: PlaceContext.Empty));
        Assert.Null(resolver.Resolve("Along", context: PlaceContext.Empty));
    }

    [Fact]
    public void CommonWordIsAPlaceWhenTheContextSaysSo()
    {
        Assert.Equal("Hīt", resolver.Resolve("Hit", context: new PlaceContext(["IQ"], [], "militants entered the town of "))?.Name);
        Assert.Equal("Hīt", resolver.Resolve("Hit", context: new PlaceContext(["IQ"], [], "said in ", LabeledLocation: true))?.Name);
        Assert.Equal("Hīt", resolver.Resolve("Hit", "IQ")?.Name);
        Assert.Null(resolver.Resolve("hit", context: new PlaceContext(["IQ"], [], "militants entered the town of ")));
    }

    [Fact]
    public void CountryGivesItsCentroidAtCountryPrecision()
    {
        var place = resolver.Resolve("Syria");
        Assert.NotNull(place);
        Assert.Equal(PlacePrecision.Country, place.Precision);
        Assert.Equal("SY", place.CountryCode);
        Assert.Equal((35.0, 38.0), (place.Latitude, place.Longitude));
        Assert.Null(place.Admin1);
        Assert.Equal("SY", resolver.Resolve("Syrian Arab Republic")?.CountryCode);
    }

    [Theory]
    [InlineData("Borno State")]
    [InlineData("Borno state")]
    [InlineData("Borno")]
    public void StateGivesAdmin1Precision(string name)
    {
        var place = resolver.Resolve(name);
        Assert.NotNull(place);
        Assert.Equal(PlacePrecision.Admin1, place.Precision);
        Assert.Equal("Borno State", place.Name);
    }

    [Fact]
    public void ProvinceDesignatorChoosesTheProvinceOverItsTown()
    {
        Assert.Equal(PlacePrecision.Town, resolver.Resolve("Idlib")?.Precision);
        Assert.Equal(PlacePrecision.Admin1, resolver.Resolve("Idlib province")?.Precision);
        Assert.Equal(PlacePrecision.Admin1, resolver.Resolve("Idlib", context: new PlaceContext(["SY"], [], "shelling in the province of "))?.Precision);
        Assert.Equal(PlacePrecision.Town, resolver.Resolve("Idlib", context: new PlaceContext(["SY"], [], "shelling in the city of "))?.Precision);
    }

    [Fact]
    public void NamesakeFarFromTheDocumentsOtherPlacesIsRejected()
    {
        var mosul = resolver.Resolve("Mosul")!;
        Assert.Null(resolver.Resolve("Bashiqa", context: new PlaceContext(["SY"], [mosul with { CountryCode = "SY", Admin1 = "Nineveh" }])));
        Assert.NotNull(resolver.Resolve("Bashiqa", "SY"));
    }

    [Fact]
    public void QuarterOfATownResolvesToTheQuarter()
    {
        var place = resolver.Resolve("Mogadishu-Hodan", "SO");
        Assert.Equal("Hodan", place?.Name);
        Assert.Equal("Mogadishu", resolver.Resolve("Mogadishu - Unknown Quarter", "SO")?.Name);
    }

    [Fact]
    public void SiteAtATownResolvesNearTheTown()
    {
        var place = resolver.Resolve("Mosul Airport", "IQ");
        Assert.Equal("Mosul", place?.Name);
        Assert.Equal(PlacePrecision.NearTown, place?.Precision);
    }

    [Fact]
    public void OneLetterOffResolvesOnlyWithinTheGivenCountry()
    {
        Assert.Equal("Maiduguri", resolver.Resolve("Maidugiri", "NG")?.Name);
        Assert.Null(resolver.Resolve("Maidugiri"));
    }

    [Fact]
    public void UnknownNameIsNull() => Assert.Null(resolver.Resolve("Xyzzyville"));

    [Fact]
    public void CandidatesAreOrderedByScore()
    {
        var candidates = resolver.Candidates("Tripoli");
        Assert.Equal(2, candidates.Count);
        Assert.True(candidates[0].Score >= candidates[1].Score);
        Assert.All(candidates, candidate => Assert.InRange(candidate.Score, 0, 1));
    }

    [Fact]
    public void FrenchCompassWordsMeetEnglishAreaNames()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddCountry("CD", "Democratic Republic of the Congo", -2.9, 23.6, [], ["Congolese"]);
        gazetteer.Add(new GazetteerEntry("South Kivu", -3.0, 28.3, PlaceKind.Admin1, "ADM1", "CD", "12", null, 0, null));
        gazetteer.Add(new GazetteerEntry("Sud", 18.2, -73.8, PlaceKind.Admin1, "ADM1", "HT", "12", null, 0, null));
        Assert.Equal("South Kivu", new PlaceResolver(gazetteer).Resolve("Sud-Kivu")?.Name);
    }

    [Fact]
    public void ShortNamesAndAbbreviationsDoNotMatchLoosely()
    {
        var gazetteer = new Gazetteer();
        // "Opp" and "UP" share the loose key "up"; "Cala" and "Kala" share "kal" but begin differently.
        gazetteer.Add(new GazetteerEntry("Opp", 31.3, -86.3, PlaceKind.Populated, "PPL", "US", "AL", null, 6600, null));
        gazetteer.Add(new GazetteerEntry("Cala", 37.9, -6.3, PlaceKind.Populated, "PPL", "ES", "51", null, 1200, null));
        gazetteer.Add(new GazetteerEntry("Valley", 32.8, -85.2, PlaceKind.Populated, "PPL", "US", "AL", null, 9000, null));
        Assert.Empty(gazetteer.Find("UP"));
        Assert.Empty(gazetteer.Find("Kala"));
        Assert.Single(gazetteer.Find("Calla"));
    }

    [Fact]
    public void AnUnanchoredRespellingOfASmallPlaceIsNotTrusted()
    {
        var gazetteer = new Gazetteer();
        gazetteer.Add(new GazetteerEntry("Gordes", 43.9, 5.2, PlaceKind.Populated, "PPL", "FR", "93", null, 2000, null));
        var resolver = new PlaceResolver(gazetteer);
        Assert.Null(resolver.Resolve("Gordis", null, PlaceContext.Empty));
        Assert.Equal("Gordes", resolver.Resolve("Gordis", "FR", PlaceContext.Empty)?.Name);
    }

    [Fact]
    public void APartOfAHyphenatedNameIsTrustedOnlyWhereACountryHoldsIt()
    {
        var resolver = new PlaceResolver(TinyGazetteer.Create());
        Assert.Null(resolver.Resolve("Bashiqa-Kelbo"));
        Assert.Equal("SY", resolver.Resolve("Bashiqa-Kelbo", "SY")?.CountryCode);
    }

    [Fact]
    public void TheHyphenOfAnArticleDoesNotSplitAName()
    {
        var resolver = new PlaceResolver(TinyGazetteer.Create());
        Assert.Null(resolver.Resolve("Jabal al-Mosul"));
    }
}
