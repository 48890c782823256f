using Vigil.Language;

namespace Vigil.Tests.Language;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var document = new Document(text);
        new Tokenizer().Process(document);
        new SentenceSplitter().Process(document);
        return document.Sentences.Select(s => document[s]).ToArray();
    }

    [Fact]
    public void SurvivesAbbreviationsAndInitials()
    {
        Assert.Equal(
            ["Gen. Adamu and Lt. Col. Bello met Dr. Musa in St. Louis on Jan. 5.", "They left."],
            Sentences("Gen. Adamu and Lt. Col. Bello met Dr. Musa in St. Louis on Jan. 5. They left."));
    }

    [Fact]
    public void CompanyFormsDoNotEndASentence() =>
        Assert.Single(Sentences("The state firm HDT Védelmi Ipari Kft. (HDT Limited) bought Hirtenberger, and Sime Darby Bhd. (SDB) sold its stake."));

    [Fact]
    public void BreaksAfterSentenceFinalAbbreviationBeforeANewSentence()
    {
        Assert.Equal(["Troops arrived from the U.S.", "The army said nothing."], Sentences("Troops arrived from the U.S. The army said nothing."));
        Assert.Single(Sentences("The U.S. Army said nothing."));
    }

    [Fact]
    public void KeepsClosingQuotesWithTheirSentence()
    {
        Assert.Equal(
            ["“We will not leave.”", "The commander spoke to reporters.", "\"Is it safe?\" she asked."],
            Sentences("“We will not leave.” The commander spoke to reporters. \"Is it safe?\" she asked."));
    }

    [Fact]
    public void LineBreaksEndHeadlinesWithoutFullStops()
    {
        Assert.Equal(
            ["Militants storm border post in overnight raid", "Five guards were killed."],
            Sentences("Militants storm border post in overnight raid\n\nFive guards were killed."));
    }

    [Fact]
    public void DecimalsAndLowercaseContinuationsDoNotSplit()
    {
        Assert.Single(Sentences("Aid reached 3.5 million people, officials said... and more is needed."));
    }
}
