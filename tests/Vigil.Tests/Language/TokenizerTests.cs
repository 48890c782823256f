using Vigil.Language;

namespace Vigil.Tests.Language;

public class TokenizerTests
{
    private static string[] Tokens(string text) => Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    [Theory]
    [InlineData("Abu Omar al-Hashimi fled.", "Abu|Omar|al-Hashimi|fled|.")]
    [InlineData("a 20-year-old man", "a|20-year-old|man")]
    [InlineData("fired 82mm mortars at 1,500 people", "fired|82mm|mortars|at|1,500|people")]
    [InlineData("It cost 3.5 million.", "It|cost|3.5|million|.")]
    [InlineData("The U.S. and U.N. condemned it", "The|U.S.|and|U.N.|condemned|it")]
    [InlineData("Gen. Haftar met Ms Karimi and Mr. Osei", "Gen.|Haftar|met|Ms|Karimi|and|Mr.|Osei")]
    [InlineData("the town’s mayor and the army's chief", "the|town|’s|mayor|and|the|army|'s|chief")]
    [InlineData("Hamas’ leader", "Hamas|’|leader")]
    [InlineData("they don't know", "they|do|n't|know")]
    [InlineData("O'Brien said “No.”", "O'Brien|said|“|No|.|”")]
    [InlineData("see https://example.org/a?b=1. Then", "see|https://example.org/a?b=1|.|Then")]
    [InlineData("Follow @some_monitor and #Aleppo", "Follow|@some_monitor|and|#Aleppo")]
    [InlineData("wait... what -- no", "wait|...|what|--|no")]
    [InlineData("John F. Kennedy", "John|F.|Kennedy")]
    public void SplitsNewsEnglish(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Tokens(text));
    }

    [Fact]
    public void OffsetsPointIntoTheText()
    {
        const string text = "  Rebels\tseized\nKidal. ";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["Rebels", "seized", "Kidal", "."], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal(2, tokens[0].Start);
    }
}
