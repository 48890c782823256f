using Vigil.Events;

namespace Vigil.Tests.Events;

public class ActorNamesTests
{
    [Theory]
    [InlineData("Pakistani forces", ActorKind.StateForces, null, "AF", "Military Forces of Pakistan")]
    [InlineData("Soldiers", ActorKind.StateForces, null, "ML", "Military Forces of Mali")]
    [InlineData("U.S. troops", ActorKind.ExternalForces, null, "SY", "Military Forces of the United States")]
    [InlineData("Israeli Air Force", ActorKind.ExternalForces, null, "YE", "Military Forces of Israel")]
    [InlineData("Riot police", ActorKind.StateForces, null, "KE", "Police Forces of Kenya")]
    [InlineData("Unidentified gunmen", ActorKind.PoliticalMilitia, null, "NG", "Unidentified Armed Group (Nigeria)")]
    [InlineData("Civilians", ActorKind.Civilians, null, "UA", "Civilians (Ukraine)")]
    [InlineData("Demonstrators", ActorKind.Protesters, null, "RS", "Protesters (Serbia)")]
    [InlineData("Israel Defense Forces", ActorKind.StateForces, "Israel Defense Forces", "LB", "Military Forces of Israel")]
    [InlineData("FARDC", ActorKind.StateForces, "FARDC", "CD", "Military Forces of the Democratic Republic of Congo")]
    [InlineData("Hezbollah", ActorKind.PoliticalMilitia, "Hezbollah", "LB", "Hezbollah")]
    [InlineData("Militants", ActorKind.RebelGroup, null, "NG", "Militants")]
    [InlineData("Police", ActorKind.StateForces, null, null, "Police")]
    public void ActorsTakeAcledsNames(string name, ActorKind kind, string? group, string? country, string expected) =>
        Assert.Equal(expected, ActorNames.Acled(new Actor(name, kind, group), country));

    [Theory]
    [InlineData(EventTaxonomy.Protests, "RS", "Protesters (Serbia)", null)]
    [InlineData(EventTaxonomy.Riots, "KE", "Rioters (Kenya)", null)]
    [InlineData(EventTaxonomy.ViolenceAgainstCivilians, "NG", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")]
    [InlineData(EventTaxonomy.ExplosionsRemoteViolence, "UA", "Unidentified Armed Group (Ukraine)", null)]
    [InlineData(EventTaxonomy.StrategicDevelopments, "NG", null, null)]
    public void AnUnnamedSideIsNamedAsAcledNamesItForTheEventsType(string eventType, string country, string? actor1, string? actor2)
    {
        var sides = ActorNames.Sides(eventType, [], [], country);
        Assert.Equal(actor1, sides.Actor1);
        Assert.Equal(actor2, sides.Actor2);
    }

    [Fact]
    public void RemoteViolenceThatHarmedPeopleNoSideIsNamedForWasAgainstCivilians()
    {
        var russia = new Actor("Russian forces", ActorKind.StateForces, null);
        Assert.Equal("Civilians (Ukraine)", ActorNames.Sides(EventTaxonomy.ExplosionsRemoteViolence, [russia], [], "UA", peopleHarmed: true).Actor2);
        Assert.Null(ActorNames.Sides(EventTaxonomy.ExplosionsRemoteViolence, [russia], [], "UA", peopleHarmed: false).Actor2);
        var soldiers = new Actor("Soldiers", ActorKind.StateForces, null);
        Assert.Equal("Military Forces of Ukraine", ActorNames.Sides(EventTaxonomy.ExplosionsRemoteViolence, [russia], [soldiers], "UA", peopleHarmed: true).Actor2);
    }

    [Fact]
    public void AProtestsCrowdIsActor1AndTheForceThatMetItActor2()
    {
        var sides = ActorNames.Sides(EventTaxonomy.Protests, [new Actor("Police", ActorKind.StateForces, null)], [new Actor("Students", ActorKind.Civilians, null)], "IR");
        Assert.Equal(new AcledSides("Protesters (Iran)", ActorKind.Protesters, "Police Forces of Iran", ActorKind.StateForces), sides);
    }

    [Theory]
    [InlineData(EventTaxonomy.ViolenceAgainstCivilians, "Palestinian man", "IL", "Unidentified Armed Group (Palestine)")]
    [InlineData(EventTaxonomy.ViolenceAgainstCivilians, "A local man", "FR", "Unidentified Armed Group (France)")]
    [InlineData(EventTaxonomy.Battles, "Villager", "NG", "Unidentified Armed Group (Nigeria)")]
    public void NoCivilianIsTheSideThatUsedViolence(string eventType, string perpetrator, string country, string expected) =>
        Assert.Equal(expected, ActorNames.Sides(eventType, [new Actor(perpetrator, ActorKind.Civilians, null)], [], country).Actor1);
}
