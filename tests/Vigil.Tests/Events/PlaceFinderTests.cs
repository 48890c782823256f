using Vigil.Events;

namespace Vigil.Tests.Events;

/// <summary>How places are read from a sentence: the name, the areas written with it, and how surely it is the incident's place.</summary>
public class PlaceFinderTests
{
    private static List<PlaceMention> Find(string text)
    {
        var document = EventTestKit.Document(text);
        return PlaceFinder.Find(text, new TextSpan(0, text.Length), PersonResolver.Resolve(document));
    }

    [Fact]
    public void TheAreaAfterTownInIsTheTownsArea()
    {
        var found = Find("Gunmen shot a farmer in Kelbo town in Dar'a (Daraa, Syria).");
        var town = found[0];
        Assert.Equal("Kelbo", town.Name);
        Assert.Equal(["Dar'a", "Daraa", "Syria"], town.Areas);
        Assert.Contains(found, mention => mention.Name == "Dar'a");
    }

    [Fact]
    public void ABracketGivesTheStandardNameAndKeepsTheWrittenOne()
    {
        var village = Assert.Single(Find("Gunmen killed nine civilians in the village of Zibane [Ziban] (Anzourou, Tillaberi)."));
        Assert.Equal("Ziban", village.Name);
        Assert.Equal("Zibane", village.OtherName);
        Assert.Equal(["Anzourou", "Tillaberi"], village.Areas);
    }

    // "Russian-occupied", "rebel-held", "Houthi-controlled": who holds the place, between the preposition and its name.
    [Theory]
    [InlineData("Drones struck a base in Russian-occupied Crimea on Monday.", "Crimea")]
    [InlineData("Shells fell on a market in rebel-held Idlib.", "Idlib")]
    public void WhoHoldsAPlaceStandsBetweenThePrepositionAndTheName(string text, string place) =>
        Assert.Contains(Find(text), mention => mention.Name == place);

    [Fact]
    public void APlaceNamedAsAResortIsFound() =>
        Assert.Contains(Find("Two people are killed at a seaside resort of San Vicente."), mention => mention.Name == "San Vicente" && mention.Score >= 1);

    [Theory]
    [InlineData("Drones struck a cargo ship off Odesa on Monday.", "Odesa")]
    [InlineData("A tanker was hit off the coast of Hodeidah.", "Hodeidah")]
    public void AShipHitAtSeaIsPlacedOffTheNearestPlace(string text, string place) =>
        Assert.Contains(Find(text), mention => mention.Name == place && !mention.Secondary);

    [Theory]
    [InlineData("Rebels took control of Bunagana (Rutshuru, North Kivu) on Monday.", "Bunagana")]
    [InlineData("The army regained control over Kafr Nabudah (Hama) after days of fighting.", "Kafr Nabudah")]
    public void ThePlaceTakenControlOfIsThePlace(string text, string place)
    {
        var found = Find(text);
        Assert.Contains(found, mention => mention.Name == place && mention.Score >= 1);
    }

    [Fact]
    public void AQuarterAfterItsCitysPossessiveIsInThatCity()
    {
        var quarter = Find("Police fired tear gas at protesters in Nairobi's Kibera neighbourhood.").MaxBy(m => m.Score)!;
        Assert.Equal("Kibera", quarter.Name);
        Assert.Equal(["Nairobi"], quarter.Areas);
        Assert.DoesNotContain(Find("Shelling hit a school in Kadugli in Sudan's South Kordofan state."), m => m.Name == "South Kordofan" && m.Score >= 4);
    }

    [Fact]
    public void APlaceADistanceIsMeasuredFromIsOnlyAReference()
    {
        var found = Find("Fighting broke out in Sake, 25 km west of Goma, on Saturday.");
        Assert.Equal("Sake", found.MaxBy(m => m.Score)!.Name);
        Assert.True(found.Single(m => m.Name == "Goma").Secondary);
    }

    [Fact]
    public void AnElidedParticleIsPartOfTheName()
    {
        var found = Find("Clashes erupted in Bouaké, Côte d'Ivoire's second city, on Saturday.");
        Assert.Equal(["Côte d'Ivoire"], found.Single(m => m.Name == "Bouaké").Areas);
    }

    [Fact]
    public void TheNameAfterTheCapitalAndACommaIsThePlace() =>
        Assert.Equal("Dhaka", Find("Protesters clashed with police in the capital, Dhaka, on Friday.").MaxBy(m => m.Score)!.Name);

    [Fact]
    public void ANationsAdjectiveBeforeASettlementWordIsTheCountry()
    {
        var found = Find("Militants stormed a hotel in the Somali port city on Friday night.");
        Assert.NotEmpty(found);
        Assert.All(found, m => Assert.True(m.IsCountry && m.CountryCode == "SO"));
    }

    [Fact]
    public void AProvinceWrittenAfterATownIsNoSceneOfItsOwn()
    {
        var town = Assert.Single(Find("Insurgents attacked Mocimboa da Praia in Cabo Delgado province, killing several civilians."));
        Assert.Equal("Mocimboa da Praia", town.Name);
        Assert.Equal(["Cabo Delgado province"], town.Areas);
    }

    [Fact]
    public void ANationsCapitalIsItsCapitalCity()
    {
        var capital = Assert.Single(Find("Militants stormed a hotel in the Somali capital on Friday night."));
        Assert.Equal(("Mogadishu", "SO", false), (capital.Name, capital.CountryCode, capital.IsCountry));
    }

    [Fact]
    public void AProvinceAfterANameIsItsAreaWhateverTheCaseOfItsWord()
    {
        var town = Find("Two soldiers were killed by shelling in Bakhmut in Donetsk region.").MaxBy(m => m.Score)!;
        Assert.Equal("Bakhmut", town.Name);
        Assert.Equal(["Donetsk region"], town.Areas);
    }

    [Fact]
    public void ATownAfterItsProvincesPossessiveIsInThatProvince()
    {
        var town = Find("Fighters attacked a base in Lower Shabelle's Bulo Marer town.").MaxBy(m => m.Score)!;
        Assert.Equal("Bulo Marer", town.Name);
        Assert.Equal(["Lower Shabelle"], town.Areas);
    }

    [Fact]
    public void ARefugeeCampIsAPlace() =>
        Assert.Equal("Nuseirat", Find("An airstrike hit a school in the Nuseirat refugee camp on Monday.").MaxBy(m => m.Score)!.Name);

    [Fact]
    public void ABuildingAfterTheIsSecondary()
    {
        var found = Find("Protesters gathered outside the Seray in Tripoli.");
        Assert.True(found.Single(m => m.Name == "Seray").Secondary);
        Assert.False(found.Single(m => m.Name == "Tripoli").Secondary);
    }

    [Fact]
    public void WhereActorsComeFromIsAPlaceOnlyWithItsAreas()
    {
        Assert.True(Assert.Single(Find("Militias from Okpa (Oshimili LGA, Delta) attacked herders.")).Secondary);
        Assert.Empty(Find("Militias from Okpa attacked herders."));
    }

    [Fact]
    public void StateAbbreviationsAreReadAsStatesAndOtherAbbreviationsDropped()
    {
        Assert.Equal(["Salem", "Tamil Nadu"], Assert.Single(Find("Weavers protested in Salem city (Salem, TN).")).Areas);
        Assert.Equal(["Poonch"], Assert.Single(Find("Troops exchanged fire at Kirni sector (Poonch, XQ).")).Areas);
    }

    [Theory]
    [InlineData("A man was shot in Garsoor section (Gaalkacyo, Mudug).", "Garsoor")]
    [InlineData("Villagers attacked a guard at Boro village of Nangalkot upazila (Comilla).", "Nangalkot")]
    public void LocalUnitsTakeTheirAreas(string text, string name)
    {
        var found = Find(text);
        var unit = found.Single(m => m.Name == name);
        Assert.NotEmpty(unit.Areas);
    }

    [Fact]
    public void AreasInBracketsAfterACountryAreThePlace()
    {
        var found = Assert.Single(Find("Rebels fired mortars at a village in western Yemen (Ad Durayhimi, Al Hudaydah)."));
        Assert.False(found.IsCountry);
        Assert.Equal("Ad Durayhimi", found.Name);
        Assert.Equal(["Al Hudaydah"], found.Areas);
        Assert.Equal("YE", found.CountryCode);
        Assert.Equal("Ad Durayhimi", "Rebels fired mortars at a village in western Yemen (Ad Durayhimi, Al Hudaydah)."[found.Span.Start..found.Span.End]);
    }

    [Theory]
    [InlineData("Jets targeted positions at the entrance to Kelbo (Nuqat).", "Kelbo", "Nuqat")]
    [InlineData("Drones hit Watiya airbase (Nuqat).", "Watiya", "Nuqat")]
    [InlineData("Gunmen stormed an office in Sira neighbourhood of Aden city (Craiter, Aden).", "Sira", "Aden")]
    public void SitesAndQuartersKeepTheirAreas(string text, string name, string area) =>
        Assert.Contains(area, Find(text).Single(m => m.Name == name).Areas);

    [Theory]
    [InlineData("Cambodia shells Ubon Ratchathani province, killing a soldier.", "Ubon Ratchathani")]
    [InlineData("Seven militants are killed in an operation in Kharan District, Balochistan, Pakistan.", "Kharan District")]
    [InlineData("Two people are killed after a car was driven into a crowd in Leipzig, Saxony, Germany.", "Leipzig")]
    [InlineData("Militants are killed in an intelligence-based operation in Kharan, Balochistan.", "Kharan")]
    [InlineData("Rebels begin their advance into the city of Goma, North Kivu Province, on Monday.", "Goma")]
    [InlineData("The air force launches strikes on the port of Hudaydah, killing three dock workers.", "Hudaydah")]
    [InlineData("A bomb explodes on a bus in Deir ez-Zor Governorate, Syria, killing four soldiers.", "Deir ez-Zor Governorate")]
    public void PlacesInBriefsAreRead(string text, string name) => Assert.Contains(Find(text), mention => mention.Name == name);

    [Fact]
    public void ANameEndingInSWithABareApostropheIsSomeonesNotAPlace() =>
        Assert.DoesNotContain(Find("Officers found a gun in Tays’ vehicle after he shot a neighbour on Monday."), mention => mention.Name == "Tays");

    [Theory]
    [InlineData("Gunmen killed two men in Kharan District, Balochistan.", "Kharan")]
    [InlineData("Soldiers were killed in Intan Jaya Regency on Monday.", "Intan Jaya")]
    [InlineData("A fire broke out at the Novoshakhtinsk Refinery after a drone attack on Monday.", "Novoshakhtinsk")]
    [InlineData("Two ships docked at Sevastopol Naval Base were struck on Monday.", "Sevastopol")]
    public void AFeatureWordInTheNameLeavesTheBareNameToTry(string text, string bare) =>
        Assert.Equal(bare, Find(text)[0].OtherName);

    [Fact]
    public void TheFullStopIsNotPartOfTheLastAreaAndANationsAdjectiveIsNoPlace()
    {
        var place = Assert.Single(Find("Two people died in Russian drone strikes on Dniprovskyi District, Kherson, Ukraine."));
        Assert.Equal(["Kherson", "Ukraine"], place.Areas);
        Assert.Equal("UA", place.CountryCode);
    }
}
