using Vigil.Events;

namespace Vigil.Tests.Events;

public class EventLexiconTests
{
    [Theory]
    [InlineData("Thousands marched on parliament in Dalwa.", true)]
    [InlineData("The march ended peacefully.", true)]
    [InlineData("She dropped out of the race in early March.", false)]
    [InlineData("The ceasefire has held since March.", false)]
    [InlineData("The vote is set for March 5.", false)]
    public void AMarchIsAProtestAndTheMonthIsNot(string sentence, bool protest)
    {
        Assert.Equal(protest, Fires(Cue.Protest, sentence));
    }

    // "May Day protests" and "May 1 rallies" name the day; "workers may protest" is a modal.
    [Theory]
    [InlineData("May Day ", false)]
    [InlineData("On May 1 ", false)]
    [InlineData("Workers may ", true)]
    [InlineData("They may soon ", true)]
    public void TheMonthOfMayIsNoModal(string before, bool hypothetical) =>
        Assert.Equal(hypothetical, EventLexicon.Hypothetical().IsMatch(before));

    // A strike with no weapon named is a strike from the air (codebook section 5); a deal struck is no strike.
    [Theory]
    [InlineData("Ukrainian forces say they have struck two landing ships in the port.", true)]
    [InlineData("Three people died in a Russian strike on Kharkiv.", true)]
    [InlineData("The army struck a deal with the rebels on Monday.", false)]
    [InlineData("Teachers began a strike on Monday over pay.", false)]
    public void AStrikeByAForceIsFromTheAirAndADealStruckIsNot(string sentence, bool strike)
    {
        Assert.Equal(strike, Fires(Cue.Airstrike, sentence));
    }

    [Theory]
    [InlineData("The Syrian Army entered Tell Tamer on Monday.", true)]
    [InlineData("The soldiers entered the building at night.", false)]
    public void TroopsEnteringANamedPlaceMayTransferIt(string sentence, bool transfer)
    {
        Assert.Equal(transfer, Fires(Cue.Transfer, sentence));
    }

    [Theory]
    [InlineData("Police arrested two activists in Dalwa.", true)]
    [InlineData("A court issued an arrest warrant for the former minister.", false)]
    public void AWarrantIsNotYetAnArrest(string sentence, bool arrest)
    {
        Assert.Equal(arrest, Fires(Cue.Arrest, sentence));
    }

    [Theory]
    [InlineData("Gunmen set the house on fire.", true)]
    [InlineData("A man set himself on fire outside the parliament.", false)]
    public void SelfImmolationAttacksNoOne(string sentence, bool attack)
    {
        Assert.Equal(attack, Fires(Cue.Attack, sentence));
    }

    [Theory]
    [InlineData("Rebels begin their advance into the city of Dalwa.", true)]
    [InlineData("Militiamen advanced on the town at dawn.", true)]
    [InlineData("The bank will advance to the capital markets next year.", false)]
    public void AnAdvanceIntoATownIsFighting(string sentence, bool clash)
    {
        Assert.Equal(clash, Fires(Cue.Clash, sentence));
    }

    [Theory]
    [InlineData("The bomb was placed on a motorcycle outside the bakery.", true)]
    [InlineData("Police said the explosives had been hidden in a vegetable cart.", true)]
    [InlineData("The bomb was dropped by a warplane.", false)]
    [InlineData("Flowers were placed at the memorial.", false)]
    public void ABombSetDownIsARemoteExplosive(string sentence, bool ied)
    {
        Assert.Equal(ied, Fires(Cue.Ied, sentence));
    }

    private static bool Fires(Cue cue, string sentence) =>
        EventLexicon.Cues.Any(c => c.Cue == cue && c.Pattern.IsMatch(sentence));
}
