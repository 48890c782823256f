using Vigil.Events;

namespace Vigil.Tests.Events;

/// <summary>One event per place (codebook section 5): an act told at several places is an event at each, and the dead are never counted twice.</summary>
public class PlaceSplitterTests
{
    private static readonly DateOnly Published = new(2025, 6, 12);

    private static List<(string? Place, int? Killed)> Shares(string text) =>
        [.. EventTestKit.Extract(text, Published, new FakeResolver()).Select(e => (e.Location?.Name, e.Killed?.Best))];

    [Fact]
    public void PlacesListedAfterOnePrepositionAreOneEventEachAndTheDeadStayWithTheFirst() =>
        Assert.Equal([("Dalwa", 4), ("Marrow", null)], Shares("Two airstrikes hit cars in Dalwa and Marrow, killing four people."));

    [Fact]
    public void CountsPlacedByAnIncludingClauseGoWhereTheTextPutsThem() =>
        Assert.Equal([("Dalwa", 3), ("Marrow", 2)], Shares("Shelling kills five people across Sudan, including three in Dalwa and two in Marrow."));

    [Fact]
    public void TheDeadTheClauseLeavesOverStayWithTheAreaTheTotalWasGivenFor() =>
        Assert.Equal([("Ombar", 28), ("Dalwa", 12)], Shares("Airstrikes kill 40 people across Ombar, including 12 in Dalwa."));

    [Fact]
    public void AListedPlaceWrittenWithItsFeatureWordIsStillAPlace() =>
        Assert.Equal([("Dalwa", null), ("Marrow", null)], Shares("Explosions are heard in Dalwa and Marrow Island after the strikes."));

    [Fact]
    public void ClausesSetSideBySideWithTheirOwnDeadAreAnEventEachWithTheirOwnCount() =>
        Assert.Equal([("Dalwa", 7), ("Marrow", 2)], Shares("Seven people are killed in a mass shooting in Dalwa, while two people are killed in Marrow."));

    [Theory]
    [InlineData("Seven people are killed in a mass shooting in Dalwa, while in Marrow residents fear more attacks.")]
    [InlineData("Seven people are killed in Dalwa while travelling to Marrow.")]
    public void AClauseThatTellsNoDeadOrHurtOfItsOwnStaysWithTheIncident(string text) => Assert.Single(Shares(text));

    [Fact]
    public void ActsCountedOffOneByOneAreAnEventAtEachPlaceAndNotInTheAreaThatHoldsThem() =>
        Assert.Equal([("Dalwa", 4), ("Marrow", null)], Shares("Four policemen are killed in two attacks in Ombar, the first in Dalwa and the second in Marrow."));

    [Fact]
    public void AnActThatAlsoStruckAnotherPlaceIsASecondIncidentOfTheSameKind()
    {
        var found = EventTestKit.Extract("Military jets bombed a market in Dalwa, killing six people. A fuel depot in Marrow is also bombed.", Published, new FakeResolver());
        Assert.Equal([("Dalwa", 6, "Air/drone strike"), ("Marrow", null, "Air/drone strike")], found.Select(e => (e.Location?.Name, e.Killed?.Best, e.SubEventType)));
    }

    [Fact]
    public void AnActThatAlsoStruckAnotherPlaceWasDoneByTheSameHands()
    {
        var found = EventTestKit.Extract("Army warplanes bombed a market in Dalwa, killing six people. A fuel depot in Marrow is also bombed.", Published, new FakeResolver());
        Assert.Equal(2, found.Count);
        Assert.NotEmpty(found[0].Perpetrators);
        Assert.Equal(found[0].Perpetrators, found[1].Perpetrators);
    }

    [Fact]
    public void AnActThatAlsoStruckThePlaceItWasToldAtStaysOneIncident() =>
        Assert.Single(Shares("Military jets bombed a market in Dalwa, killing six people. A fuel depot in Dalwa is also bombed."));

    [Fact]
    public void NamesThatShareTheirLastWordWrittenOnceAreAPlaceEach() =>
        Assert.Equal([("North Darra", null), ("West Darra", null)], Shares("The Sudanese Air Force launches airstrikes against military positions in North and West Darra."));

    [Fact]
    public void EachTargetOfAStrikeWithItsOwnPlaceIsAnEvent() =>
        Assert.Equal([("Dalwa", null), ("Marrow", null)], Shares("Drones struck an oil terminal in Dalwa and military facilities at a naval base in Marrow."));

    [Theory]
    [InlineData("Militants attacked a checkpoint near Dalwa, killing 3 soldiers and 2 civilians.")]
    [InlineData("Gunmen killed two men in Dalwa and Kelbra, residents said.")]
    [InlineData("Airstrikes kill 40 people in Dalwa, including 12 children in Dalwa.")]
    public void OnePlaceOrPlacesInTwoCountriesStayOneEvent(string text) => Assert.Single(Shares(text));

    [Fact]
    public void APresentTenseBriefCountsItsDead() => Assert.Equal(82, Assert.Single(EventTestKit.Extract("An airstrike on Dalwa kills at least 82 people.", Published)).Killed?.Best);

    [Fact]
    public void TheDeadAreNotCountedAgainAmongTheHurt()
    {
        var found = Assert.Single(EventTestKit.Extract("Three people are killed and two others injured in an airstrike on Dalwa.", Published));
        Assert.Equal((3, 2), (found.Killed?.Best, found.Injured?.Best));
    }
}
