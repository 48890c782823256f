using Vigil.Articles;

namespace Vigil.Tests.Articles;

public sealed class BlockFilterTests
{
    private const string Story1 = "The council met on Tuesday evening to discuss the new flood barriers, which engineers had tested during the spring storms along the river.";
    private const string Story2 = "Residents who attended the meeting asked how long the work would take, and the engineers said the barriers would be finished before winter.";
    private const string Story3 = "The cost of the project, paid from the regional budget, rose by a tenth after the contractor found older foundations under the embankment.";

    private static string Page(string body) => $"<html><head><title>Flood barriers</title></head><body>{body}</body></html>";

    private static string Paragraphs(params string[] texts) => string.Concat(texts.Select(text => $"<p>{text}</p>"));

    [Fact]
    public void ASentenceAboutSubscribersIsNewsButAPromptToTheReaderIsNot()
    {
        const string News = "The premium cable channel has rolled out a service that lets some subscribers watch its programmes, films and sports on their computers.";
        const string Prompt = "Subscribe to our newsletter and get the best of our journalism delivered to your inbox every morning.";
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, News, Story2, Prompt, Story3)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "subscribers.html");

        Assert.Equal([Story1, News, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void AShortLineAboutMembershipOrDonationsIsNewsButALabelOfTheMachineryIsNot()
    {
        const string Heading = "Turkey blocks Sweden's NATO membership bid";
        const string Donations = "Donations for the flooded villages reached two million by Friday";
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, Heading, Story2, "Newsletter sign up", Donations, Story3)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "membership.html");

        Assert.Equal([Story1, Heading, Story2, Donations, Story3], article.Paragraphs);
    }

    [Fact]
    public void ReportedNewsThatSaysYouIsNotAPrompt()
    {
        const string News = "The retailer is now letting you stream music without a membership, and the company said in a statement that subscriptions would stay on sale.";
        const string Prompt = "If you enjoyed this story, a subscription gets you every newsletter we publish.";
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, News, Story2, Prompt, Story3)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "you-said.html");

        Assert.Equal([Story1, News, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void ASiteWritingAtLengthAboutItsSubscribersIsTheArticle()
    {
        // Two sentences, 50 words, "we" and "subscribers": longer than any prompt.
        const string Milestone = "We've hit a tiny milestone - 2,000 paid subscribers (to be exact, it's 2,095 now and counting), for both print and digital subscription of the magazine. It's only been less than 3 months since we started offering the subscription plan, and we are incredibly happy that it works out so far.";
        const string Prompt = "Subscribe to our newsletter and get the best of our journalism delivered to your inbox every morning.";
        var html = Page($"<div class=\"story\">{Paragraphs(Milestone, Story1, Prompt, Story2)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "milestone.html");

        Assert.Equal([Milestone, Story1, Story2], article.Paragraphs);
    }

    [Fact]
    public void AParagraphThePageSaysTwiceIsWrittenTwice()
    {
        // The same instruction under two sections, as a form's notes or a week's meal plan repeat it.
        const string Refrain = "Residents living within two hundred metres of the embankment should keep their cellars clear until the work is finished.";
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, Refrain, Story2, Refrain, Story3)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "refrain.html");

        Assert.Equal([Story1, Refrain, Story2, Refrain, Story3], article.Paragraphs);
    }

    [Fact]
    public void APullQuoteRestatingAParagraphGoes()
    {
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, Story2)}<blockquote>{Story2}</blockquote>{Paragraphs(Story3)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "pull-quote.html");

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void AParagraphThatLinksAHeadlineAndSaysASentenceOfItsOwnIsProse()
    {
        const string Linked = "<a href=\"/wework\">The ousted chief executive of the office-sharing company can still name directors to its board, even though he left</a>. He can still influence the company through its board, according to a new report.";
        const string Links = "<a href=\"/a\">Telescope finds a cold planet near a young star</a> | <a href=\"/b\">Shuttle launch moved to February</a>";
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, Linked, Story2, Links, Story3)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "linked-prose.html");

        Assert.Equal(
            [Story1, "The ousted chief executive of the office-sharing company can still name directors to its board, even though he left. He can still influence the company through its board, according to a new report.", Story2, Story3],
            article.Paragraphs);
    }

    [Fact]
    public void AHeadingOverNothingButLinksLabelsALinkBox()
    {
        // A section heading of the article stays; "Also in Science" over a list of headlines goes with its links.
        const string Links = "<ul><li><a href=\"/a\">Telescope finds a cold planet near a young star</a></li><li><a href=\"/b\">Shuttle launch moved to February</a></li></ul>";
        var html = Page($"<div class=\"story\"><p>{Story1}</p><h2>What comes next</h2><p>{Story2}</p><p>{Story3}</p><h3>Also in Science</h3>{Links}</div>");

        var article = HtmlArticleExtractor.Extract(html, "also-in.html");

        Assert.Equal([Story1, "What comes next", Story2, Story3], article.Paragraphs);
    }
    [Fact]
    public void TeasersForOtherPagesBesideTheArticleGo()
    {
        // Under a heading that links to another story, a paragraph cut off with an ellipsis; and a blurb that ends in
        // "Read more" after its last sentence.
        const string CutOff = "<h3><a href=\"/telescope\">High-altitude telescope will begin operation shortly</a></h3><p>The observatory, a joint project of two space agencies, nears its operational phase and has allowed limited visiting...</p>";
        const string Blurb = "<p>Liverpool's owners insist that the manager has their full support after the startling admission that they held talks with a rival. <a href=\"/liverpool\">Read more</a></p>";
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, Story2, Story3)}{CutOff}{Blurb}</div>");

        var article = HtmlArticleExtractor.Extract(html, "teasers.html");

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void APageMadeOfBlurbsKeepsThem()
    {
        // A section front is its blurbs: "More..." ends each of them, and they are the page.
        string[] blurbs =
        [
            "Find out how and why some colleges are courting students taught at home, and what they look for. More...",
            "The fifth edition of the best-selling series for families is here, with new chapters on science. More...",
            "The national geography champion for this year is a thirteen-year-old taught at home by her parents. More...",
        ];
        var html = Page($"<div class=\"story\">{Paragraphs(blurbs)}<p>{Story1}</p></div>");

        var article = HtmlArticleExtractor.Extract(html, "blurbs.html");

        Assert.Equal([.. blurbs, Story1], article.Paragraphs);
    }
    [Fact]
    public void TheControlsOfACommentSectionAreNotTheArticle()
    {
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, Story2, Story3, "Leave a Reply", "No comments yet.", "You must be logged in to post a comment.", "Post a comment (150 word limit) »")}</div>");

        var article = HtmlArticleExtractor.Extract(html, "comment-controls.html");

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }
}
