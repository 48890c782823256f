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
}
