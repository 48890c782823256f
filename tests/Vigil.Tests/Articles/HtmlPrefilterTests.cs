using Vigil.Articles;

namespace Vigil.Tests.Articles;

public sealed class HtmlPrefilterTests
{
    private const string Story = "Engineers finished the flood barriers along the river on Friday, two weeks before the first winter storms were forecast.";

    [Fact]
    public void AnUnclosedTitleDoesNotSwallowThePage()
    {
        // A title is plain text up to its </title>; without one the whole page would be the title's text.
        var html = $"<html><head><title>Barriers finished\n<script>var x = 1;</script></head><body><div><p>{Story}</p><p>{Story}</p></div></body></html>";

        var article = HtmlArticleExtractor.Extract(html, "unclosed-title.html");

        Assert.Contains(Story, article.Paragraphs);
    }

    [Fact]
    public void AClosedTitleIsLeftAlone()
    {
        var html = $"<html><head><title>Barriers finished</title></head><body><p>{Story}</p></body></html>";

        Assert.Equal(html, HtmlPrefilter.Strip(html, []));
        Assert.Equal("Barriers finished", HtmlArticleExtractor.Extract(html, "title.html").Headline);
    }
}
