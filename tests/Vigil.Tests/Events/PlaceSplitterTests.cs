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
