using Vigil.Events;
using Vigil.Language;
using Vigil.Places;

namespace Vigil.Tests.Events;

/// <summary>Where the shipped coder, with the gazetteer that scripts/setup.sh builds, places an incident told in one sentence.</summary>
public class EventLocatorTests
{
    private static readonly Lazy<EventPipeline> Coder = new(() => new EventPipeline(
        EntityRecognizer.Shipped(),
        new PlaceResolver(Vigil.Places.Gazetteer.Default),
        IncidentClassifier.Shipped() ?? throw new InvalidOperationException("models/events.bin is missing: run ./vigil train events")));

    private static EventLocation? PlaceOf(string text) =>
        Assert.Single(Coder.Value.Extract(text, new DateOnly(2025, 6, 12))).Location;

    [Theory]
    [InlineData("Five soldiers are killed in a shootout with Al-Shabaab gunmen in Mandera County, Kenya.", "Mandera County")]
    [InlineData("A bomb explodes on an army bus in Deir ez-Zor Governorate, killing four soldiers.", "Deir ez-Zor")]
    public void AProvinceWrittenWithItsWordIsTheProvinceNotItsTown(string text, string name)
    {
        var place = PlaceOf(text);
        Assert.Equal(name, place?.Name);
        Assert.Equal(PlacePrecision.Admin1, place?.Precision);
    }

    // A town only the incident's context names, which lies in another country than the one its own sentence names, is
    // another part of the story, not a namesake to look for in that country (before: "Kerman" read as Bīrmān, Iraq).
    [Fact]
    public void ATownOnlyTheContextNamesInAnotherCountryIsNotLookedForInTheIncidentsCountry()
    {
        var text = "During the funeral of General Ali Karimi on Tuesday, a stampede erupted, state media said. Attendance at the procession in Kerman, "
            + "Karimi's hometown, was in the tens of thousands. Karimi was head of the Quds Force. He was killed last week by a United States military airstrike in Iraq.";
        var place = Assert.Single(Coder.Value.Extract(text, new DateOnly(2020, 1, 9))).Location;
        Assert.Equal(("IQ", PlacePrecision.Country), (place?.Country, place?.Precision));
    }

    // "visiting the town of X in the province of Y": the town marked by its feature word is the place, and the province
    // written after it is where it lies, not a scene of its own.
    [Fact]
    public void ATownVisitedInAProvinceWrittenOutIsThePlace()
    {
        var place = PlaceOf("A minister was stabbed on Thursday. He was visiting the town of Sumedang in the province of West Java.");
        Assert.Equal(("Sumedang", PlacePrecision.Town), (place?.Name, place?.Precision));
    }

    // A site written with its town's name is at the town when the gazetteer knows no place by the whole name.
    [Theory]
    [InlineData("Ukrainian forces say they struck two landing ships docked at Sevastopol Naval Base in Crimea.", "Sevastopol")]
    [InlineData("Rockets hit Bagram Airfield on Friday, killing one contractor.", "Bagrām")]
    [InlineData("A Ukrainian drone attack on Tuapse oil terminal in Krasnodar Krai, Russia, kills one person.", "Tuapse")]
    public void ASiteNamedAfterItsTownIsAtTheTown(string text, string town)
    {
        var place = PlaceOf(text);
        Assert.Equal((town, PlacePrecision.Town), (place?.Name, place?.Precision));
    }

    // "the Polish city of Gdansk", "the Idlib town of Saraqeb": the word before the feature names the country or the
    // province, and the place is the name after "of" (before, "Polish" was read as the town of Police, and "the Ukrainian
    // village of Pisky" as Ukrainian Village, Illinois).
    [Theory]
    [InlineData("A man was stabbed to death in the Polish city of Gdansk on Sunday.", "Gdańsk", "PL")]
    [InlineData("Syrian forces shelled the Idlib town of Saraqeb on Monday, killing three civilians.", "Sarāqib", "SY")]
    [InlineData("Shelling killed two civilians in the Ukrainian village of Pisky on Monday.", null, "UA")]
    public void ANationOrProvinceBeforeTheFeatureWordIsNotThePlace(string text, string? town, string country)
    {
        var place = PlaceOf(text);
        Assert.Equal(country, place?.Country);
        if (town is not null)
        {
            Assert.Equal(town, place?.Name);
        }
    }

    // A name the country table reads as the country, which the gazetteer holds as a province of it, is that province.
    [Theory]
    [InlineData("At least 105 Palestinians are killed during Israeli airstrikes and shootings across the Gaza Strip.", "Gaza Strip")]
    [InlineData("Israeli troops killed two Palestinians in the West Bank on Monday.", "West Bank")]
    [InlineData("Israeli strikes killed 12 people in northern Gaza on Monday.", "Gaza Strip")]
    public void APartOfACountryNamedAsTheCountryIsThatProvince(string text, string province)
    {
        var place = PlaceOf(text);
        Assert.Equal((province, PlacePrecision.Admin1), (place?.Name, place?.Precision));
    }

    // A town told in apposition ("Gwoza, a town in Borno state"), after "the capital" with no comma, or with its local
    // government area written out is the place, not the province beside it or nothing.
    [Theory]
    [InlineData("Gunmen killed five people in Gwoza, a town in Borno state, on Monday.", "Gwoza")]
    [InlineData("A suicide bomber killed six people in the capital Kabul on Monday.", "Kabul")]
    [InlineData("Clashes between herders and farmers killed 14 people in Mangu local government area of Plateau state.", "Mangu")]
    public void ATownWrittenAsNewsWritesItIsThePlace(string text, string town) =>
        Assert.Equal(town, PlaceOf(text)?.Name);

    // A province written after its country's possessive, or with its word after the name, is placed at the town that
    // names it (where a coder puts a province's events) at the province's precision, never the town's.
    [Theory]
    [InlineData("Russian strikes killed three people in Ukraine's Kharkiv region on Monday.", "Kharkiv", "UA")]
    [InlineData("Government airstrikes killed eight civilians in Syria's northwestern Idlib province.", "Idlib", "SY")]
    [InlineData("Russian strikes killed three people in the Kharkiv region on Monday.", "Kharkiv", "UA")]
    public void AProvinceNamedAfterItsTownIsAtTheProvincesPrecision(string text, string name, string country)
    {
        var place = PlaceOf(text);
        Assert.Equal((name, country, PlacePrecision.Admin1), (place?.Name, place?.Country, place?.Precision));
    }

    // "the village of X in Y local government area of Z": the areas written after a place marked by its feature hold it
    // (before, an unknown village was respelled into another state).
    [Fact]
    public void TheAreasWrittenAfterAVillageOfXHoldIt() =>
        Assert.Equal("Plateau State", PlaceOf("Gunmen killed three farmers in the village of Kwall in Bassa local government area of Plateau State.")?.Admin1);

    [Fact]
    public void ATownBeforeAProvinceOfItsCountryIsThePlace() =>
        Assert.Equal("Kosti", PlaceOf("A drone strike hits civilian facilities in Kosti in Sudan's White Nile state, killing one person.")?.Name);

    // A report's dateline places an incident its own words place no closer than the country, near the dateline's town;
    // not one told in a part of the country, nor from a label that is no town.
    [Theory]
    [InlineData("KABUL, Afghanistan (AP) — A suicide bomber blew himself up outside a mosque on Friday, killing at least seven worshippers, police said.", "Kabul")]
    [InlineData("Rebels Kill Four Soldiers\n\nBAMAKO (Reuters) - Gunmen attacked an army post on Tuesday, killing four soldiers, the army said.", "Bamako")]
    [InlineData("Goma, DR Congo - Rebels shelled the outskirts of the city overnight, killing three civilians.", "Goma")]
    public void ADatelinePlacesAnIncidentNearItsTown(string text, string town)
    {
        var place = PlaceOf(text.Replace("\\n", "\n", StringComparison.Ordinal));
        Assert.Equal((town, PlacePrecision.NearTown), (place?.Name, place?.Precision));
    }

    [Theory]
    [InlineData("ISLAMABAD: Militants attacked a police checkpoint in the northwest on Monday, killing two officers.")]
    [InlineData("BREAKING: Gunmen attacked an army post on Tuesday, killing four soldiers, the army said.")]
    [InlineData("AFRICA - Gunmen killed four soldiers at an army post on Tuesday, the army said.")]
    public void ADatelineDoesNotPlaceAnIncidentToldElsewhereOrALabel(string text) =>
        Assert.NotEqual(PlacePrecision.NearTown, PlaceOf(text)?.Precision);

    // A name may open on any capital letter, not only A to Z.
    [Theory]
    [InlineData("Gunmen killed two people in İzmir on Monday.", "İzmir")]
    [InlineData("A bomb exploded in Şanlıurfa on Tuesday, wounding five.", "Şanlıurfa")]
    [InlineData("Gunmen killed a farmer in Ștefan Vodă District, Moldova, on Monday.", "Ştefan Vodă")]
    public void ANameOpeningOnACapitalOutsideAToZIsAPlace(string text, string town) =>
        Assert.Equal(town, PlaceOf(text)?.Name);

    // Two incidents told in one sentence share its scene when the second clause names no more than the country.
    [Fact]
    public void ASecondIncidentThatNamesOnlyTheCountryIsAtTheSentencesScene()
    {
        var events = Coder.Value.Extract("A Palestinian journalist is shot and killed by clan members amid shootouts with Hamas in Gaza City.", new DateOnly(2025, 10, 13));
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(("Gaza", PlacePrecision.Town), (e.Location?.Name, e.Location?.Precision)));
    }

    [Fact]
    public void ATownAttackedInAWrittenProvinceIsTheTown()
    {
        var place = PlaceOf("Russian artillery targets Pokrovsk in Donetsk Oblast, killing three people.");
        Assert.Equal(("Pokrovsk", PlacePrecision.Town), (place?.Name, place?.Precision));
    }

    [Fact]
    public void ThePeopleKilledTellTheCountryBeforeTheAttackersAdjective() =>
        Assert.Equal("PS", PlaceOf("Israeli airstrikes kill 78 Palestinians, including ten who were seeking aid.")?.Country);

    [Fact]
    public void AProvinceNamedAsACountryIsThatProvinceWhereThePlaceLies()
    {
        var place = PlaceOf("Protesters marched peacefully in Atlanta (Georgia) on Saturday against police violence.");
        Assert.Equal(("Atlanta", "US"), (place?.Name, place?.Country));
    }

    [Fact]
    public void ASentenceReferringBackNamesTheSceneOfAnIncidentToldAtTheCountrysLevel()
    {
        var place = PlaceOf("Suspected jihadists killed at least 12 civilians in an attack on a village in northern Burkina Faso on Sunday, "
            + "local officials said. The attackers arrived on motorcycles in Toulfe, in the Loroum province, and opened fire on residents near the market.");
        Assert.Equal(("Toulfé", "BF"), (place?.Name, place?.Country));
    }

    [Fact]
    public void ATownMeasuredFromAnotherIsTheReadingThatLiesThatFarFromIt()
    {
        // The gazetteer has four places called Sake in the Congo, two of them in North Kivu; one lies 22 km west of Goma.
        var place = PlaceOf("M23 rebels attacked the town of Sake, 25 km west of Goma, on Wednesday, killing three civilians.");
        Assert.Equal("Sake", place?.Name);
        Assert.InRange(Geo.DistanceKm(place!.Latitude!.Value, place.Longitude!.Value, -1.674, 29.228), 10, 40);
    }

    [Fact]
    public void ATownAttackedIsThePlaceWhenTheTextCallsItATown() =>
        Assert.Equal("Palma", PlaceOf("Insurgents attacked the town of Palma on Wednesday, killing several civilians.")?.Name);

    [Fact]
    public void APlaceStruckIsWhereTheStrikeWasWhenNoOtherPlaceIsNamed()
    {
        // "Russian" says whose drones they were; the city they struck is where.
        var place = PlaceOf("Russian drones struck Kharkiv overnight, injuring four people, the regional governor said.");
        Assert.Equal(("Kharkiv", "UA"), (place?.Name, place?.Country));
        // A place the text marks with a preposition still comes first.
        Assert.Equal("Kupiansk", PlaceOf("Russian forces shelled Ukrainian positions near Kupiansk on Monday, killing two soldiers.")?.Name);
    }

    [Fact]
    public void AMarchThroughACityIsInIt() =>
        Assert.Equal("Belgrade", PlaceOf("Thousands of students marched through central Belgrade on Friday evening, demanding new elections.")?.Name);

    [Fact]
    public void AShipsFlagIsNotWhereItWasHit() =>
        Assert.Equal("Odesa", PlaceOf("Russian forces struck a Panama-flagged cargo ship carrying corn off Odesa, killing ten crew members.")?.Name);

    [Fact]
    public void AWordThatIsAlsoANameIsThePlaceWhenItsAreasAreWrittenBesideIt()
    {
        var place = PlaceOf("On Saturday evening in a park in Reading, Berkshire, UK, a man stabbed three people to death.");
        Assert.Equal(("Reading", "GB", PlacePrecision.Town), (place?.Name, place?.Country, place?.Precision));
    }

    [Fact]
    public void AnAreaWrittenBesideANameIsThatAreaNotARespelledNamesake()
    {
        // Only a respelled village "Farwah" exists, in Sa'dah; neither "Sanaa" nor "Yemen" may be read as a namesake beside it.
        var place = PlaceOf("Airstrikes on a market in Farwa District, Sanaa, Yemen, kill twelve people and injure thirty.");
        Assert.Equal("YE", place?.Country);
        Assert.NotEqual("Farwah", place?.Name);
    }
}
