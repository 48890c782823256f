using Vigil.Events;
using Vigil.Storage;
using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>What an alert matches: every criterion given must hold, any value of a list will do, and unknowns never match.</summary>
public sealed class AlertCriteriaTests
{
    private static StoredEvent Stored(ConflictEvent e) => new(
        "e1", e.EventType, e.SubEventType, e.Plover, e.Date, e.Location, e.Perpetrators, e.Targets, e.Victims, e.Killed, e.Injured, e.Weapon, "", e.Sources, []);

    private static readonly StoredEvent IdlibStrike = Stored(
        Event("Air/drone strike", "2024-03-10", "Maarrat al-Numan", 35.6476, 36.6741, "SY", "Idlib", killed: Count(9), perpetrators: [RussianAir], targets: [Iswap]));

    private static readonly StoredEvent UnlocatedClash = Stored(Event("Armed clash", "2024-03-11", "somewhere", null, null, "NG"));

    [Fact]
    public void NoCriteriaMatchEveryEvent()
    {
        Assert.True(new AlertCriteria().Matches(IdlibStrike));
        Assert.True(new AlertCriteria().Matches(UnlocatedClash));
    }

    [Fact]
    public void CountryMatchesAnyOfTheCodesInAnyCase()
    {
        Assert.True(new AlertCriteria { Countries = ["iq", "sy"] }.Matches(IdlibStrike));
        Assert.False(new AlertCriteria { Countries = ["IQ"] }.Matches(IdlibStrike));
    }

    [Fact]
    public void TheAreaNeedsCoordinatesInsideIt()
    {
        Assert.True(new AlertCriteria { Area = AlertArea.Parse("35,35,37,36") }.Matches(IdlibStrike));
        Assert.False(new AlertCriteria { Area = AlertArea.Parse("35,36,37,37") }.Matches(IdlibStrike));
        // No coordinates: the event may be anywhere, so it does not fire an alert about one area.
        Assert.False(new AlertCriteria { Area = AlertArea.Parse("-180,-90,180,90") }.Matches(UnlocatedClash));
    }

    [Fact]
    public void TypesMatchTheEventTypeOrTheSubType()
    {
        Assert.True(new AlertCriteria { Types = ["Explosions/Remote violence"] }.Matches(IdlibStrike));
        Assert.True(new AlertCriteria { Types = ["Battles", "air/drone strike"] }.Matches(IdlibStrike));
        Assert.False(new AlertCriteria { Types = ["Battles"] }.Matches(IdlibStrike));
        Assert.True(new AlertCriteria { Types = ["Battles"] }.Matches(UnlocatedClash));
    }

    [Fact]
    public void MinimumFatalitiesUsesTheBestEstimateAndAnUnknownTollNeverMatches()
    {
        Assert.True(new AlertCriteria { MinFatalities = 9 }.Matches(IdlibStrike));
        Assert.False(new AlertCriteria { MinFatalities = 10 }.Matches(IdlibStrike));
        Assert.False(new AlertCriteria { MinFatalities = 0 }.Matches(UnlocatedClash));
    }

    [Fact]
    public void ActorsMatchWordsOfANameOrGroupOnEitherSide()
    {
        Assert.True(new AlertCriteria { Actors = ["russian"] }.Matches(IdlibStrike));
        Assert.True(new AlertCriteria { Actors = ["West Africa"] }.Matches(IdlibStrike)); // ISWAP's group
        Assert.False(new AlertCriteria { Actors = ["Shabaab"] }.Matches(IdlibStrike));
    }

    [Fact]
    public void EveryCriterionGivenMustHold()
    {
        var criteria = new AlertCriteria { Countries = ["SY"], Types = ["Air/drone strike"], MinFatalities = 5, Actors = ["Russian"] };
        Assert.True(criteria.Matches(IdlibStrike));
        Assert.False((criteria with { MinFatalities = 50 }).Matches(IdlibStrike));
        Assert.False((criteria with { Countries = ["NG"] }).Matches(IdlibStrike));
    }

    [Theory]
    [InlineData("Syria", null, null, "alpha-2")]
    [InlineData(null, "Skirmish", null, "unknown event type 'Skirmish'")]
    [InlineData(null, null, -1, "must not be negative")]
    public void CriteriaThatCannotBeSavedSayWhy(string? country, string? type, int? minFatalities, string reason)
    {
        var criteria = new AlertCriteria { Countries = country is null ? [] : [country], Types = type is null ? [] : [type], MinFatalities = minFatalities };
        Assert.Contains(reason, criteria.Problem(), StringComparison.Ordinal);
        Assert.Null(new AlertCriteria { Countries = ["SY"], Types = ["Battles"], MinFatalities = 0 }.Problem());
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("a,b,c,d")]
    [InlineData("10,0,5,1")]
    [InlineData("0,0,200,1")]
    public void AMalformedAreaIsRefused(string text) => Assert.Throws<ArgumentException>(() => AlertArea.Parse(text));
}
