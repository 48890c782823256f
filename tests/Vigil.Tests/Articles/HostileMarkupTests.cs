using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Vigil.Articles;
using Vigil.Ingest;

namespace Vigil.Tests.Articles;

/// <summary>Pages built to stall a parser: deep nesting, and the per-page time budget that bounds whatever is left.</summary>
public sealed class HostileMarkupTests
{
    private const string Paragraph = "<p>Shelling hit the market on Tuesday, killing three people and wounding many more, officials said.</p>";

    private static string Nested(string tag, int depth) =>
        "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + Paragraph + string.Concat(Enumerable.Repeat($"</{tag}>", depth)) + "</body></html>";

    private static int MaxDepth(INode node)
    {
        // Iterative, as the tree may be deep when the bound fails.
        var deepest = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((node, 0));
        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in current.ChildNodes)
            {
                stack.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    [Theory]
    [InlineData("div")]
    [InlineData("b")]
    [InlineData("span")]
    public void HundredThousandNestedElementsAreBoundedAndTheTextKept(string tag)
    {
        var html = Nested(tag, 100_000);

        var stripped = HtmlPrefilter.Strip(html, []);
        var document = new HtmlParser().ParseDocument(stripped);
        var article = HtmlArticleExtractor.Extract(html, "nested.html");

        // The tree the parser builds is no deeper than the bound (plus html and body), so every stage that walks
        // the stack of open elements does at most that much work per tag: linear in the page's size.
        Assert.InRange(MaxDepth(document), HtmlPrefilter.MaxDepth, HtmlPrefilter.MaxDepth + 8);
        Assert.Contains("Shelling hit the market on Tuesday", article.Text);
    }

    [Fact]
    public void NestingWithinTheBoundIsLeftAlone()
    {
        var html = Nested("div", 300);
        Assert.Equal(html, HtmlPrefilter.Strip(html, []));
    }

    [Fact]
    public void UnclosedParagraphsAndListItemsDoNotCountAsNesting()
    {
        // p and li end where the next one starts, so thousands of them unclosed are a flat list, not a deep tree.
        var html = "<html><body><div><ul>" + string.Concat(Enumerable.Repeat("<li>item <p>text", 5_000)) + "</ul></div></body></html>";
        Assert.Equal(html, HtmlPrefilter.Strip(html, []));
    }

    [Fact]
    public void APageOverItsTimeBudgetFailsWithOneLine()
    {
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat(Paragraph, 200)) + "</article></body></html>";

        var error = Assert.Throws<InputException>(() => HtmlArticleExtractor.Extract(html, "slow.html", budget: TimeSpan.Zero));

        Assert.Equal("slow.html", error.Input);
        Assert.Contains("per-page budget of 0 s", error.Reason);
        Assert.DoesNotContain('\n', error.Reason);
    }

    [Fact]
    public void APageWithinItsBudgetIsExtracted()
    {
        var html = "<html><body><article>" + string.Concat(Enumerable.Range(1, 20).Select(i => Paragraph.Replace("three", $"{i} of the", StringComparison.Ordinal))) + "</article></body></html>";
        var article = HtmlArticleExtractor.Extract(html, "page.html", budget: TimeSpan.FromMinutes(5));
        Assert.Equal(20, article.Paragraphs.Count);
    }
}
