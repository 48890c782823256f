using Vigil.Places;

namespace Vigil.Tests.Places;

public class ResolveWithinTests
{
    private readonly PlaceResolver resolver = new(TinyGazetteer.Create());

    [Fact]
    public void TheAreaPicksTheReadingOfAnAmbiguousPlace()
    {
        Assert.Equal("LY", resolver.Resolve("Tripoli")?.CountryCode);
        var lebanese = resolver.ResolveWithin("Tripoli", "North Lebanon");
        Assert.Equal("LB", lebanese?.CountryCode);
        Assert.Equal(PlacePrecision.Town, lebanese?.Precision);
    }

    [Fact]
    public void AnUnknownPlaceFallsBackToItsAreaAtTheAreasPrecision()
    {
        var area = resolver.ResolveWithin("Kukawa Nowhere", "Borno State");
        Assert.Equal("NG", area?.CountryCode);
        Assert.Equal(PlacePrecision.Admin1, area?.Precision);
    }

    [Fact]
    public void AnAreaThatHoldsNoReadingLeavesThePlaceToItsOwnEvidence()
    {
        // Mosul is not in Idlib: the pair fails, and the place alone still resolves as it would without the area.
        Assert.Equal("Mosul", resolver.ResolveWithin("Mosul", "Idlib")?.Name);
    }

    [Fact]
    public void AVillageNamesakeOutsideTheAreaGivesWayToTheArea()
    {
        // The only Bashiqa the gazetteer has is a small village far from Nineveh: the area is the honest answer.
        var found = resolver.ResolveWithin("Bashiqa", "Nineveh");
        Assert.Equal("IQ", found?.CountryCode);
        Assert.Equal(PlacePrecision.Admin1, found?.Precision);
    }

    [Fact]
    public void TheMostSpecificAreaThatResolvesStandsIn()
    {
        var found = resolver.ResolveWithin("Kukawa Nowhere", ["Maiduguri", "Borno State"]);
        Assert.Equal("Maiduguri", found?.Name);
        Assert.Equal(PlacePrecision.NearTown, found?.Precision);
    }

    [Fact]
    public void AreasThatHoldEachOtherPickTheirReadings()
    {
        // Tripoli alone is the Libyan capital; written inside North Lebanon it is the Lebanese city, standing in for the village.
        var found = resolver.ResolveWithin("Qubba Nowhere", ["Tripoli", "North Lebanon"]);
        Assert.Equal("LB", found?.CountryCode);
        Assert.Equal(PlacePrecision.NearTown, found?.Precision);
    }

    [Fact]
    public void ARespelledAreaYieldsToOneMatchedByItsName()
    {
        var found = resolver.ResolveWithin("Kukawa Nowhere", ["Raqqeh", "Borno State"]);
        Assert.Equal("NG", found?.CountryCode);
    }

    [Fact]
    public void AnAreaHoldsNothingBroaderThanItself()
    {
        // "Raqqa (Raqqa)": the province's own name outranks the city's alternate name, yet a city cannot hold its province.
        var found = resolver.ResolveWithin("Raqqa", "Raqqa");
        Assert.Equal(PlacePrecision.Town, found?.Precision);
    }

    [Fact]
    public void AnAreaIsAPlaceEvenWhenItsNameIsAWord()
    {
        var found = resolver.ResolveWithin("Kukawa Nowhere", ["Nice"], null, new PlaceContext([], [], "in "));
        Assert.Equal("FR", found?.CountryCode);
    }

    [Fact]
    public void ARespelledCityOutsideTheAreaIsNotTaken()
    {
        Assert.Equal("Ar Raqqah", resolver.Resolve("Raqqeh")?.Name);
        var found = resolver.ResolveWithin("Raqqeh", "Borno State");
        Assert.Equal("NG", found?.CountryCode);
    }

    [Fact]
    public void AVillageAbroadGivesWayWhenTheTextPointsToAnotherCountry()
    {
        Assert.Equal("SY", resolver.Resolve("Bashiqa", null, new PlaceContext([], []))?.CountryCode);
        Assert.Null(resolver.Resolve("Bashiqa", null, new PlaceContext(["IQ"], [])));
        Assert.Equal("LY", resolver.Resolve("Tripoli", null, new PlaceContext(["IQ"], []))?.CountryCode);
        Assert.Null(resolver.Resolve("Raqqeh", null, new PlaceContext(["IQ"], [])));
    }

    [Fact]
    public void ACountryWrittenBesideAPlaceHoldsAllItsReadings()
    {
        // "Minneapolis, United States": the country says nothing of where in it; the village near its middle is no likelier.
        Assert.Equal(44.98, resolver.ResolveWithin("Minneapolis", "United States")?.Latitude);
    }

    [Fact]
    public void TheCountryDecidesOnlyWhenNoNarrowerAreaIsWritten()
    {
        // The Syrian Bashiqa lies outside Idlib: the province the text names is the answer, not the namesake elsewhere in Syria.
        var found = resolver.ResolveWithin("Bashiqa", ["Idlib", "Syria"]);
        Assert.Equal("Idlib", found?.Name);
        Assert.NotEqual(PlacePrecision.Town, found?.Precision);
    }
}
