using Vigil.Places;

namespace Vigil.Tests.Places;

/// <summary>A small place whose name has several far-apart readings in its country, and nothing to decide between them.</summary>
public sealed class UndecidedPlaceTests
{
    private static Gazetteer Villages()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddCountry("UA", "Ukraine", 49, 32, [], ["Ukrainian"]);
        gazetteer.Add(new GazetteerEntry("Donetsk Oblast", 48.1, 37.8, PlaceKind.Admin1, "ADM1", "UA", "05", null, 0, null));
        gazetteer.Add(new GazetteerEntry("Kharkiv Oblast", 49.6, 36.5, PlaceKind.Admin1, "ADM1", "UA", "07", null, 0, null));
        gazetteer.Add(new GazetteerEntry("Donetsk", 48.02, 37.80, PlaceKind.Populated, "PPLA", "UA", "05", null, 929063, null));
        // Two villages of one name in Donetsk oblast, 150 km apart, and one in Kharkiv oblast; none better known.
        gazetteer.Add(new GazetteerEntry("Novoselivka", 48.07, 37.67, PlaceKind.Populated, "PPL", "UA", "05", null, 0, 1, 3));
        gazetteer.Add(new GazetteerEntry("Novoselivka", 47.30, 36.30, PlaceKind.Populated, "PPL", "UA", "05", null, 0, 2, 3));
        gazetteer.Add(new GazetteerEntry("Vilkhivka", 48.07, 37.67, PlaceKind.Populated, "PPL", "UA", "05", null, 0, 3, 3));
        gazetteer.Add(new GazetteerEntry("Vilkhivka", 49.99, 36.45, PlaceKind.Populated, "PPL", "UA", "07", null, 0, 4, 3));
        // One village of this name is written about in many languages: that decides.
        gazetteer.Add(new GazetteerEntry("Pisky", 48.07, 37.67, PlaceKind.Populated, "PPL", "UA", "05", null, 0, 5, 40));
        gazetteer.Add(new GazetteerEntry("Pisky", 49.97, 37.92, PlaceKind.Populated, "PPL", "UA", "07", null, 0, 6, 3));
        return gazetteer;
    }

    private readonly PlaceResolver resolver = new(Villages());

    [Fact]
    public void ReadingsInOneProvinceGiveTheProvince()
    {
        var place = resolver.Resolve("Novoselivka", "UA");
        Assert.Equal(("Donetsk Oblast", PlacePrecision.Admin1), (place?.Name, place?.Precision));
    }

    [Fact]
    public void AStatedDistanceFromAnotherPlaceDecides()
    {
        var donetsk = resolver.Resolve("Donetsk", "UA")!;
        // "Novoselivka, 10 km west of Donetsk": the reading 10 km from Donetsk, not the province of the two.
        var near = resolver.ResolveMeasuredFrom("Novoselivka", donetsk, 10, "UA");
        Assert.Equal((48.07, 37.67, PlacePrecision.Town), (near?.Latitude, near?.Longitude, near?.Precision));
        // Neither reading lies 60 km from it: the text and the gazetteer disagree, and nothing is guessed.
        Assert.Null(resolver.ResolveMeasuredFrom("Novoselivka", donetsk, 60, "UA"));
    }

    [Theory]
    [InlineData(22, 25, true)]
    [InlineData(14, 5, true)]
    [InlineData(140, 100, true)]
    [InlineData(40, 25, false)]
    [InlineData(160, 100, false)]
    public void AMeasuredDistanceAgreesWithAStatedOneWithinHalfOfItOrTenKilometres(double measured, double stated, bool agrees) =>
        Assert.Equal(agrees, Geo.AgreesWithStatedDistance(measured, stated));

    [Fact]
    public void ReadingsInSeveralProvincesGiveTheCountry()
    {
        var place = resolver.Resolve("Vilkhivka", "UA");
        Assert.Equal(("Ukraine", PlacePrecision.Country, 3), (place?.Name, place?.Precision, place?.Precision.AcledGeoPrecision));
    }

    [Fact]
    public void ThePlacesAroundItDecide()
    {
        var donetsk = resolver.Resolve("Donetsk", "UA")!;
        var place = resolver.Resolve("Vilkhivka", "UA", new PlaceContext(["UA"], [donetsk]));
        Assert.Equal((3L, PlacePrecision.Town), (place?.GeonameId, place?.Precision));
    }

    [Fact]
    public void AVillageWrittenAboutInManyLanguagesIsTheOneMeant()
    {
        var place = resolver.Resolve("Pisky", "UA");
        Assert.Equal((5L, PlacePrecision.Town), (place?.GeonameId, place?.Precision));
    }

    [Fact]
    public void InADocumentTheUndecidedVillageIsItsCountry()
    {
        var document = new Document("Ukrainian officials said shelling hit Vilkhivka overnight.", "test");
        new PlaceRecognizer(resolver).Process(document);
        var place = Assert.Single(document.Places, place => place.Mention is { } span && document[span] == "Vilkhivka");
        Assert.Equal(("Ukraine", PlacePrecision.Country), (place.Name, place.Precision));
    }

    [Fact]
    public void TheProvinceThatStandsInListsItsVillagesAsRunnersUp()
    {
        var place = resolver.Resolve("Novoselivka", "UA")!;
        Assert.Equal([1L, 2L], place.RunnersUp.Select(r => r.GeonameId ?? 0).Order());
        Assert.All(place.RunnersUp, r => Assert.Equal(("Donetsk Oblast", PlacePrecision.Town, "UA"), (r.Admin1, r.Precision, r.CountryCode)));
        Assert.All(place.RunnersUp, r => Assert.InRange(r.Score, 0.45, 1));
        Assert.Equal(place.RunnersUp.OrderByDescending(r => r.Score), place.RunnersUp);

        var country = resolver.Resolve("Vilkhivka", "UA")!;
        Assert.Equal(["Donetsk Oblast", "Kharkiv Oblast"], country.RunnersUp.Select(r => r.Admin1!).Order());
    }

    [Fact]
    public void AChosenVillageListsItsNamesakeButNotItself()
    {
        var donetsk = resolver.Resolve("Donetsk", "UA")!;
        var place = resolver.Resolve("Vilkhivka", "UA", new PlaceContext(["UA"], [donetsk]))!;
        Assert.Equal(3L, place.GeonameId);
        Assert.DoesNotContain(place.RunnersUp, r => r.GeonameId == 3);
        Assert.Equal([4L], place.RunnersUp.Select(r => r.GeonameId ?? 0));

        var location = Vigil.Events.EventLocation.From(place);
        Assert.Equal(place.RunnersUp, location.RunnersUp);
        Assert.Null(Vigil.Events.EventLocation.From(place with { RunnersUp = [] }).RunnersUp);
    }

    [Fact]
    public void ADistrictAtItsTownsPointIsNoOtherReading()
    {
        var gazetteer = Villages();
        gazetteer.Add(new GazetteerEntry("Donetsk", 48.02, 37.80, PlaceKind.Admin2, "ADM2", "UA", "05", "01", 929063, null));
        var place = new PlaceResolver(gazetteer).Resolve("Donetsk", "UA")!;
        Assert.Equal(PlacePrecision.Town, place.Precision);
        Assert.DoesNotContain(place.RunnersUp, r => Geo.DistanceKm(r.Latitude, r.Longitude, 48.02, 37.80) < 5);
    }

    [Fact]
    public void EveryReadingStaysAmongTheCandidates()
    {
        var candidates = resolver.Candidates("Vilkhivka", "UA");
        Assert.Equal([3L, 4L], candidates.Select(c => c.Entry.GeonameId ?? 0).Order());
    }
}
