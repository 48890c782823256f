using Vigil.Events;

namespace Vigil.Tests.Events;

/// <summary>The shipped role tagger (models/roles.bin) feeds the casualty stage where the patterns read no count.</summary>
public class RoleTaggerTests
{
    private static readonly RoleTagger Tagger = RoleTagger.Shipped() ?? throw new InvalidOperationException("models/roles.bin is missing");

    [Fact]
    public void TheTaggerMarksCountsAndParties()
    {
        var document = EventTestKit.Document("Gunmen opened fire on worshippers at a mosque in Zamfara, murdering four men and wounding seven.");
        Tagger.Process(document);

        var roles = string.Join("; ", document.Roles.Select(r => $"{r.Label}: {r.Text}"));
        Assert.Contains("PERP: Gunmen", roles, StringComparison.Ordinal);
        Assert.Contains("INJURED: seven", roles, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Gunmen opened fire on worshippers at a mosque in Zamfara, murdering four men and leaving seven with gunshot wounds.", 7, "seven")]
    [InlineData("Bandits raided the village of Kurmi on Saturday; six residents lost their lives and nine others were taken to hospital with gunshot wounds.", 9, "nine others")]
    public void AnInjuredCountThePatternsMissComesFromTheTagger(string text, int injured, string evidence)
    {
        var withoutTagger = new EventExtractor().Extract(EventTestKit.Document(text), null).Single();
        var withTagger = new EventExtractor(roleTagger: Tagger).Extract(EventTestKit.Document(text), null).Single();

        Assert.Null(withoutTagger.Injured);
        Assert.Equal(injured, withTagger.Injured?.Best);
        Assert.Contains(withTagger.Evidence, e => e.Field == "injured" && e.Text.StartsWith(evidence, StringComparison.Ordinal));
    }

    [Fact]
    public void ACountThePatternsReadIsKept()
    {
        const string text = "Militants attacked a convoy near Palma on Monday, an attack that claimed the lives of five contractors.";
        var withoutTagger = new EventExtractor().Extract(EventTestKit.Document(text), null).Single();
        var withTagger = new EventExtractor(roleTagger: Tagger).Extract(EventTestKit.Document(text), null).Single();

        Assert.Equal(withoutTagger.Killed, withTagger.Killed);
        Assert.Equal(
            withoutTagger.Evidence.Where(e => e.Field == "killed").Select(e => e.Text),
            withTagger.Evidence.Where(e => e.Field == "killed").Select(e => e.Text));
    }
}
