using Vigil.Articles;

namespace Vigil.Tests.Articles;

public class TextArticleExtractorTests
{
    private static Article ExtractFixture() =>
        TextArticleExtractor.Extract(File.ReadAllText(Path.Combine("Fixtures", "flattened-page.txt")), "flattened-page.txt");

    [Fact]
    public void FindsHeadlineStandfirstBylineAndDate()
    {
        var article = ExtractFixture();
        Assert.Equal("Gunmen kill three farmers near village market in northern province", article.Headline);
        Assert.Equal("Local officials said the attackers arrived on motorbikes before dawn", article.Standfirst);
        Assert.Equal("Amina Yusuf", article.Byline);
        Assert.Equal("2021-03-12", article.Published);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void KeepsReportParagraphsIncludingQuotedFirstPersonSpeech()
    {
        var article = ExtractFixture();
        Assert.Equal(4, article.Paragraphs.Count);
        Assert.StartsWith("Three farmers were killed", article.Paragraphs[0]);
        Assert.StartsWith("\"We heard shots", article.Paragraphs[2]);
        Assert.StartsWith("The governor condemned", article.Paragraphs[3]);
    }

    [Fact]
    public void DropsAppealsPromptsAndShareBars()
    {
        var article = ExtractFixture();
        Assert.DoesNotContain("inbox", article.Text);
        Assert.DoesNotContain("donation", article.Text);
        Assert.DoesNotContain("Share this", article.Text);
        Assert.DoesNotContain("Follow us", article.Text);
    }

    [Fact]
    public void TextIsParagraphsJoinedByBlankLines()
    {
        var article = ExtractFixture();
        Assert.Equal(string.Join("\n\n", article.Paragraphs), article.Text);
        var document = article.ToDocument();
        Assert.Equal(article.Paragraphs.Count, document.Paragraphs.Count);
        Assert.Equal(article.Paragraphs[^1], document[document.Paragraphs[^1]]);
    }

    [Theory]
    [InlineData("Your support helps us to tell the story", true)]
    [InlineData("Want to read more? Start your free trial today and unlock every article.", true)]
    [InlineData("Rebels said they had captured the town after two days of fighting.", false)]
    [InlineData("\"You will never defeat us,\" the commander told the crowd, according to witnesses.", false)]
    public void ScoresReaderAddressAboveReportedSpeech(string line, bool boilerplate)
    {
        Assert.Equal(boilerplate, TextArticleExtractor.BoilerplateScore(line) >= 1.0);
    }

    [Fact]
    public void MissingFieldsAreNullNotGuessed()
    {
        var article = TextArticleExtractor.Extract("Protesters gathered outside the parliament on Monday, police said, and dispersed peacefully by evening.", "x.txt");
        Assert.Null(article.Byline);
        Assert.Null(article.Published);
        Assert.Null(article.Outlet);
        Assert.Single(article.Paragraphs);
    }
}
