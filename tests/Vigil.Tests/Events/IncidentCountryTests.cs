using Vigil.Events;
using Vigil.Places;
using Vigil.Tests.Places;

namespace Vigil.Tests.Events;

/// <summary>Which country an incident is placed in, decided from everything its sentences say, with the real resolver over a tiny gazetteer.</summary>
public class IncidentCountryTests
{
    private static readonly DateOnly Published = new(2021, 3, 11);
    private readonly PlaceResolver resolver = new(TinyGazetteer.Create());

    [Fact]
    public void AForeignQualifierDoesNotPlaceTheIncident()
    {
        // "French-led" names the coalition's country; the area written beside the village places the strike.
        var strike = Assert.Single(EventTestKit.Extract("French-led coalition jets bombed a market in Kukawa Nowhere (Borno State), killing four.", Published, resolver));
        Assert.Equal("NG", strike.Location?.Country);
        Assert.Equal(PlacePrecision.Admin1, strike.Location?.Precision);
    }

    [Fact]
    public void TheAreaBesideAnAmbiguousCityPicksItsCountry()
    {
        var shooting = Assert.Single(EventTestKit.Extract("Gunmen shot dead two traders in Tripoli (North Lebanon) on Monday.", Published, resolver));
        Assert.Equal("LB", shooting.Location?.Country);
        Assert.Equal("Tripoli", shooting.Location?.Name);
    }

    [Fact]
    public void AnAdjectiveAloneGivesTheCountryWhenNothingElseDoes()
    {
        var found = Assert.Single(EventTestKit.Extract("Somali troops killed three fighters in an unnamed hamlet on Monday.", Published, resolver));
        Assert.Equal("SO", found.Location?.Country);
        Assert.Equal(PlacePrecision.Country, found.Location?.Precision);
    }

    [Fact]
    public void AGroupTiedToOneCountryHintsWhereWhenThePlaceIsUnknown()
    {
        var found = Assert.Single(EventTestKit.Extract("Boko Haram fighters attacked the village of Qarnaw Nowhere on Monday, killing five villagers.", Published, resolver));
        Assert.Equal("NG", found.Location?.Country);
    }

    [Fact]
    public void ACountryThatActsOrSpeaksIsWhoNotWhereHoweverOftenNamed()
    {
        // "U.S. forces", "the U.S. military said": the name says whose forces and whose statement, as "American" would,
        // and says it once; the drones' launchers tie the incident to their own country.
        var found = Assert.Single(EventTestKit.Extract("Two Houthi drones were shot down over the sea by U.S. forces on Monday, the U.S. military said.", Published, resolver));
        Assert.Equal("YE", found.Location?.Country);
    }

    [Fact]
    public void ACountryNamedAsTheOneThatLaunchedTheAttackIsTheLessLikelyPlace()
    {
        // "Russia launched": the name is the attacker, weighed as its adjective is; told by a Ukrainian commander, with
        // nothing else to decide, the attacked side's country is where.
        var found = Assert.Single(EventTestKit.Extract("A Ukrainian commander said on Monday that Russia launched a new assault on the front line, killing two soldiers.", Published, resolver));
        Assert.Equal("UA", found.Location?.Country);
    }

    [Fact]
    public void HamasTiesAnIncidentToPalestineWhenNoPlaceIsNamed()
    {
        var found = Assert.Single(EventTestKit.Extract("Israeli troops blew up four Hamas tunnels on Monday, the military said.", Published, resolver));
        Assert.Equal("PS", found.Location?.Country);
    }

    [Fact]
    public void AtSeaTheCountryThatActsPlacesNothingButThePartyActedOnDoes()
    {
        // No ground at sea is the striker's: the strike on a boat of no stated country gets no country rather than the
        // United States; a ship's own country places a strike on it.
        var boat = Assert.Single(EventTestKit.Extract("U.S. aircraft struck a suspected drug boat in the Caribbean on Monday, killing three people, the U.S. Southern Command said.", Published, resolver));
        Assert.Null(boat.Location?.Country);
        var tanker = Assert.Single(EventTestKit.Extract("Ukrainian drones struck a Russian tanker in the Black Sea on Monday, injuring two sailors.", Published, resolver));
        Assert.Equal("RU", tanker.Location?.Country);
        // On land, with nothing else to go by, the acting country still stands in.
        var ashore = Assert.Single(EventTestKit.Extract("Somali troops killed three fighters in an unnamed hamlet on Monday.", Published, resolver));
        Assert.Equal("SO", ashore.Location?.Country);
    }

    [Fact]
    public void NamesThatQualifySomethingForeignAreMarked()
    {
        var mentions = Countries.Mentions("Traders protested against the US dollar rate while Syrian troops and Saudi-backed fighters watched.").ToList();
        Assert.Contains(mentions, m => m.Code == "US" && m.IsForeignReference);
        Assert.Contains(mentions, m => m.Code == "SY" && m.IsAdjective && !m.IsForeignReference);
        Assert.Contains(mentions, m => m.Code == "SA" && m.IsForeignReference);
    }

    [Fact]
    public void AStatesPoliceActAtHomeWhereverTheGroupTheyArrestComesFrom()
    {
        var found = Assert.Single(EventTestKit.Extract("Jordanian police arrested five men suspected of links to Hezbollah on Monday.", Published, resolver));
        Assert.Equal("JO", found.Location?.Country);
    }

    [Fact]
    public void ThePeopleOfAPlaceCountForMoreThanTheForcesThatRaidIt()
    {
        var found = Assert.Single(EventTestKit.Extract("Lebanese troops raided a camp and beat Syrian residents on Monday.", Published, resolver));
        Assert.Equal("SY", found.Location?.Country);
    }

    [Fact]
    public void AnIncidentWithoutAPlaceTakesTheNearestEarlierOne()
    {
        var text = "Traders in Tripoli (North Lebanon) closed their shops on Monday. Prices had doubled in a week. Later that night, gunmen shot dead a shopkeeper.";
        var found = Assert.Single(EventTestKit.Extract(text, Published, resolver));
        Assert.Equal("LB", found.Location?.Country);
        Assert.Equal("Tripoli", found.Location?.Name);
    }

    [Fact]
    public void TheCodersBracketGivesTheStandardSpelling()
    {
        var found = Assert.Single(EventTestKit.Extract("Gunmen killed two farmers in the village of Mawsil Nowhere [Mosul] (Nineveh).", Published, resolver));
        Assert.Equal("Mosul", found.Location?.Name);
    }


    [Fact]
    public void TheWrittenNameIsTriedWhenTheStandardOneIsUnknownBeforeTheAreaStandsIn()
    {
        var found = Assert.Single(EventTestKit.Extract("Gunmen killed two farmers in the village of Mosul [Mawsil Nowhere] (Nineveh).", Published, resolver));
        Assert.Equal("Mosul", found.Location?.Name);
        Assert.Equal(PlacePrecision.Town, found.Location?.Precision);
    }

    [Fact]
    public void AnApostropheInsideANameIsPartOfIt()
    {
        var found = Assert.Single(EventTestKit.Extract("Unidentified gunmen shot dead a civilian in Dar'a.", Published, resolver));
        Assert.Equal("SY", found.Location?.Country);
    }

    [Fact]
    public void WhereTheActorsComeFromPlacesTheIncidentWhenNothingElseDoes()
    {
        var found = Assert.Single(EventTestKit.Extract("Communal militias from Gamboru Nowhere (Borno State) clashed with herders, killing two.", Published, resolver));
        Assert.Equal("NG", found.Location?.Country);
        Assert.Equal(PlacePrecision.Admin1, found.Location?.Precision);
    }

    [Fact]
    public void AStateAbbreviationBesideAPlaceIsReadAsTheState()
    {
        Assert.Equal("US", resolver.Resolve("Salem")?.CountryCode);
        var found = Assert.Single(EventTestKit.Extract("Weavers held a protest in Salem city (Salem, TN) demanding relief.", Published, resolver));
        Assert.Equal("IN", found.Location?.Country);
    }

    [Fact]
    public void ABuildingAfterTheIsTriedAfterTheTownsNamed()
    {
        var found = Assert.Single(EventTestKit.Extract("Protesters gathered outside the Mosul hotel in Idlib on Monday.", Published, resolver));
        Assert.Equal("Idlib", found.Location?.Name);
    }

    [Fact]
    public void ANamesakeOffTheFrontWhereTheMonitorsWorkGivesWayToTheCountry()
    {
        var monitored = Assert.Single(EventTestKit.Extract("On Monday, the OSCE SMM observed 14 explosions near Serhiivka.", Published, resolver));
        Assert.Equal("UA", monitored.Location?.Country);
        Assert.Equal(PlacePrecision.Country, monitored.Location?.Precision);

        var shelled = Assert.Single(EventTestKit.Extract("On Monday, rebels shelled army positions near Serhiivka.", Published, resolver));
        Assert.Equal("Serhiivka", shelled.Location?.Name);
    }

    [Fact]
    public void TheSceneIsLookedForAFewSentencesBackThenInTheLead()
    {
        var filler = string.Concat(Enumerable.Repeat("Prices had doubled in a week. ", 6));
        var fromLead = EventTestKit.Extract("Traders in Tripoli (North Lebanon) closed their shops on Monday. " + filler + "Later that night, gunmen shot dead a shopkeeper.", Published, resolver);
        Assert.Equal("Tripoli", Assert.Single(fromLead).Location?.Name);

        var tooFar = EventTestKit.Extract("Prices rose on Monday. Traders in Tripoli (North Lebanon) closed their shops. " + filler + "Later that night, gunmen shot dead a shopkeeper.", Published, resolver);
        // Too far back for the town; the rest of the article still says which country.
        Assert.Equal(PlacePrecision.Country, Assert.Single(tooFar).Location?.Precision);
    }
}
