using Vigil.Events;

namespace Vigil.Tests.Events;

/// <summary>The actor lexicon's reading of a sentence: which words name an actor, and which only look like one.</summary>
public class ActorLexiconTests
{
    private static List<string> Actors(string text) => [.. ActorLexicon.Find(text, 0, text.Length).Select(a => a.Name)];

    [Theory]
    [InlineData("Police opened a criminal case against the driver.")]
    [InlineData("Prosecutors said the criminal investigation would take months.")]
    [InlineData("He faces criminal charges in a criminal court.")]
    public void CriminalAsAnAdjectiveOfTheLawIsNoActor(string text) =>
        Assert.DoesNotContain(Actors(text), name => name.StartsWith("criminal", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Criminals robbed the convoy near the border.")]
    [InlineData("A criminal gang kidnapped two traders.")]
    public void CriminalsAreAnActor(string text) =>
        Assert.Contains(Actors(text), name => name.StartsWith("criminal", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Fighters of the Rapid Support Forces stormed the market at dawn.", "Rapid Support Forces", ActorKind.RebelGroup)]
    [InlineData("The RSF shelled the camp again on Monday.", "Rapid Support Forces", ActorKind.RebelGroup)]
    [InlineData("The Pakistani Taliban said its men carried out the raid.", "Tehrik-i-Taliban Pakistan", ActorKind.RebelGroup)]
    [InlineData("Kataib Hezbollah fighters fired rockets at the base.", "Kataib Hezbollah", ActorKind.PoliticalMilitia)]
    [InlineData("The Tatmadaw bombed the village from the air.", "Myanmar military", ActorKind.StateForces)]
    [InlineData("The army retook Nasir from the Nuer White Army on Friday.", "Nuer White Army", ActorKind.IdentityMilitia)]
    [InlineData("Fighters of the Syrian National Army shelled the village.", "Syrian National Army", ActorKind.RebelGroup)]
    public void NamedGroupsComeFromTheDataFileWithTheirKind(string text, string group, ActorKind kind)
    {
        var mention = Assert.Single(ActorLexicon.Find(text, 0, text.Length), m => m.Group is not null);
        Assert.Equal(group, mention.Group);
        Assert.Equal(kind, mention.Kind);
    }

    [Theory]
    [InlineData("Ukrainian military forces launched strikes on several sites across Russia.", "Ukrainian military forces")]
    [InlineData("The Ukrainian Armed Forces attempted an assault on the border region.", "Ukrainian Armed Forces")]
    [InlineData("Sudan's army shelled a market in Omdurman.", "Sudan's army")]
    [InlineData("South Sudanese security forces raided the camp.", "South Sudanese security forces")]
    public void TheCountryWrittenBeforeADescriptorIsPartOfIt(string text, string words) =>
        Assert.Contains(words, Actors(text));

    [Theory]
    [InlineData("On Monday military forces shelled the town.", "Military forces")]
    [InlineData("Residents of Goma said soldiers had fled.", "Soldiers")]
    public void WordsBeforeADescriptorThatNameNoCountryStayOutOfIt(string text, string words) =>
        Assert.Contains(words, Actors(text));

    [Fact]
    public void AnArmysNumberedUnitIsStateForces()
    {
        const string text = "The 13th Brigade took control of the town.";
        var mention = Assert.Single(ActorLexicon.Find(text, 0, text.Length), m => m.Kind == ActorKind.StateForces);
        Assert.Equal("13th Brigade", mention.Name);
    }

    [Fact]
    public void ReportersWithoutBordersIsNotTheRapidSupportForces() =>
        Assert.DoesNotContain(Actors("Reporters Without Borders (RSF) said two journalists had been detained."), name => name == "Rapid Support Forces");

    [Fact]
    public void ABadLineNamesTheFileAndTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"actors-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "# a comment\nrebel group\tnamed\tRSF\t\\bRSF\\b\nsoldiers\tnamed\tX\t\\bX\\b\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ActorLexicon.Read(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
            Assert.Contains("unknown kind 'soldiers'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
