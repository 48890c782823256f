using System.IO.Compression;
using System.Text;
using Vigil.Articles;
using Vigil.Ingest;

namespace Vigil.Tests.Articles;

public sealed class HtmlArticleExtractorTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static Article ExtractFixture(string name) => HtmlArticleExtractor.Extract(Fixture(name), name);

    [Fact]
    public void ReadsMetadataFromJsonLd()
    {
        var article = ExtractFixture("article-jsonld.html");

        Assert.Equal("Shelling hits market in river town", article.Headline);
        Assert.Equal("Amina Yusuf, Tom Baker", article.Byline);
        Assert.Equal("2024-03-05T08:30:00+00:00", article.Published);
        Assert.Equal("The Valley Courier", article.Outlet);
        Assert.Equal("https://courier.example.org/news/2024/03/shelling-market", article.Url);
        Assert.Equal("en", article.Language);
        Assert.Equal("Residents count the cost after an overnight bombardment of the central market.", article.Standfirst);
    }

    [Fact]
    public void KeepsOnlyPageParagraphsTheJsonLdBodyConfirms()
    {
        var article = ExtractFixture("article-jsonld.html");

        Assert.Equal(4, article.Paragraphs.Count);
        Assert.StartsWith("Artillery shells struck the covered market", article.Paragraphs[0]);
        Assert.StartsWith("Aid workers said", article.Paragraphs[3]);
        Assert.DoesNotContain("supporter", article.Text);
        Assert.Equal(Article.JoinParagraphs(article.Paragraphs), article.Text);
    }

    [Fact]
    public void UsesJsonLdBodyWhenThePageDoesNotShowTheArticle()
    {
        // A page whose article is rendered by script: the markup has only a shell.
        var html = Fixture("article-jsonld.html");
        var start = html.IndexOf("<div class=\"story-body\">", StringComparison.Ordinal);
        var end = html.IndexOf("</article>", StringComparison.Ordinal);
        var shell = html[..start] + "<div id=\"app\">Loading…</div>" + html[end..];

        var article = HtmlArticleExtractor.Extract(shell, "shell.html");

        Assert.Equal(4, article.Paragraphs.Count);
        Assert.StartsWith("Artillery shells struck", article.Paragraphs[0]);
        Assert.EndsWith("adding to pressure on the clinic.", article.Paragraphs[3]);
    }

    [Fact]
    public void PrefersThePageWhenTheJsonLdBodyIsCutShort()
    {
        var html = Fixture("article-jsonld.html");
        var cut = html.Replace(
            "\\nA spokesman for the regional governor blamed the bombardment on armed groups positioned across the river, an accusation the groups denied in a statement.\\nAid workers said they expected families from the outlying villages to arrive in the town during the week, adding to pressure on the clinic.\"",
            " ...\"",
            StringComparison.Ordinal);
        Assert.NotEqual(html, cut);

        var article = HtmlArticleExtractor.Extract(cut, "cut.html");

        Assert.Contains("Aid workers said they expected families", article.Text);
        Assert.Contains("A spokesman for the regional governor", article.Text);
    }

    [Fact]
    public void ReadsMetadataFromMetaTagsAlone()
    {
        var article = ExtractFixture("article-meta-only.html");

        Assert.Equal("Des milliers de déplacés fuient les combats", article.Headline);
        Assert.Equal("Claire Dubois", article.Byline);
        Assert.Equal("2023-11-20T14:05:00+01:00", article.Published);
        Assert.Equal("Le Veilleur", article.Outlet);
        Assert.Equal("https://veilleur.example.fr/afrique/deplaces-combats", article.Url);
        Assert.Equal("fr", article.Language);
        Assert.Equal("Les organisations humanitaires alertent sur la situation des familles arrivées dans les camps du nord.", article.Standfirst);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.StartsWith("Plusieurs milliers de personnes", article.Paragraphs[0]);
    }

    [Fact]
    public void LeavesOutNavigationSharingCookiesNewslettersRelatedLinksSidebarAndComments()
    {
        var article = ExtractFixture("article-boilerplate.html");

        Assert.StartsWith("Gunmen opened fire on a convoy", article.Text);
        Assert.EndsWith("patrols on the highway would be increased from next week.", article.Text);
        foreach (var furniture in new[]
        {
            "Home", "Share on Facebook", "cookies", "Sign up", "Related stories", "Bridge reopens", "Football club",
            "dangerous for years", "All rights reserved", "Jonas Meyer", "14 July 2022", "Convoy attacked on northern highway",
        })
        {
            Assert.DoesNotContain(furniture, article.Text);
        }
    }

    [Fact]
    public void DropsFigureCaptions()
    {
        var article = ExtractFixture("article-boilerplate.html");

        Assert.DoesNotContain("Burnt-out tankers", article.Text);
        Assert.Contains("The attackers blocked the road", article.Text);
    }

    [Fact]
    public void KeepsHeadingsListItemsAndQuotationsAsParagraphs()
    {
        var article = ExtractFixture("article-boilerplate.html");

        Assert.Contains("Security concerns", article.Paragraphs);
        Assert.Contains("Two drivers were killed in the attack, according to police.", article.Paragraphs);
        Assert.Contains("Three tankers were set alight and destroyed by the fire.", article.Paragraphs);
        Assert.Contains(article.Paragraphs, p => p.StartsWith("“We cannot keep sending men down that road", StringComparison.Ordinal));
        var order = new[] { "Gunmen opened fire", "The attackers blocked", "Security concerns", "Transport unions", "Two drivers", "“We cannot", "The provincial governor" }
            .Select(start => article.Paragraphs.ToList().FindIndex(p => p.StartsWith(start, StringComparison.Ordinal)))
            .ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order().ToList(), order);
    }

    [Fact]
    public void FindsBylineAndDateInTheMarkup()
    {
        var article = ExtractFixture("article-boilerplate.html");

        Assert.Equal("Jonas Meyer", article.Byline);
        Assert.Equal("2022-07-14T06:45:00+00:00", article.Published);
        Assert.Equal("Frontline Daily", article.Outlet);
        Assert.Equal("Convoy attacked on northern highway", article.Headline);
    }

    [Fact]
    public void DecodesCharacterEntities()
    {
        var html = "<html><head><title>Entities</title></head><body><div class=\"content\">"
            + "<p>M&eacute;decins Sans Fronti&egrave;res said the clinic&#8217;s generator &amp; water pump were damaged&nbsp;in the raid on Friday night.</p>"
            + "<p>Staff at the clinic said they had moved the wounded to a school building &#x2014; the only other structure with a roof.</p>"
            + "</div></body></html>";

        var article = HtmlArticleExtractor.Extract(html, "entities.html");

        Assert.Equal("Médecins Sans Frontières said the clinic’s generator & water pump were damaged in the raid on Friday night.", article.Paragraphs[0]);
        Assert.Contains("a school building — the only other structure", article.Paragraphs[1]);
    }

    [Fact]
    public void DecodesTheDeclaredCharsetEndToEnd()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = "<html><head><meta charset=\"windows-1252\"><title>Camp</title></head><body><article>"
            + "<p>Les équipes de Médecins du Monde ont soigné des blessés à l’entrée du camp, a déclaré une porte-parole jeudi.</p>"
            + "<p>Selon elle, les arrivées se poursuivent à un rythme élevé et les abris manquent pour les familles.</p>"
            + "</article></body></html>";
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);

        var article = ArticleExtractor.Extract(PageLoader.Decode("camp.html", bytes, null));

        Assert.StartsWith("Les équipes de Médecins du Monde ont soigné des blessés à l’entrée du camp", article.Text);
        Assert.DoesNotContain('\uFFFD', article.Text);
        Assert.Equal("fr", article.Language);
    }

    [Fact]
    public void ExtractsFromGzippedPageFiles()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-html-").FullName;
        try
        {
            var path = Path.Combine(folder, "page.html.gz");
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes(Fixture("article-meta-only.html")));
            }

            var article = ArticleExtractor.Extract(PageLoader.LoadFile(path));

            Assert.Equal("Le Veilleur", article.Outlet);
            Assert.Equal(3, article.Paragraphs.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ExtractsFromMalformedMarkup()
    {
        // Unclosed paragraphs, an unclosed div and bold, a stray closing tag: a browser still shows three paragraphs.
        var html = "<html><head><title>Broken page</title><body><div class=\"article-text\">"
            + "<p>Witnesses said the checkpoint was overrun shortly after midnight, and that soldiers withdrew toward the airport."
            + "<p>Local radio reported that <b>at least six people were detained during the night, including two journalists."
            + "</span><p>The army has not commented on the reports, and telephone lines to the area remained cut on Sunday morning."
            + "<div class=\"share\"><a href=\"#\">Share</a>";

        var article = HtmlArticleExtractor.Extract(html, "broken.html");

        Assert.Equal(3, article.Paragraphs.Count);
        Assert.StartsWith("Witnesses said the checkpoint", article.Paragraphs[0]);
        Assert.Contains("at least six people were detained", article.Paragraphs[1]);
        Assert.StartsWith("The army has not commented", article.Paragraphs[2]);
    }

    [Fact]
    public void LeavesUnknownFieldsNull()
    {
        var html = "<html><body><div><p>Residents of the district said water deliveries had stopped for a third day after the pumping station was damaged.</p>"
            + "<p>The utility company said engineers could not reach the station because of fighting in the surrounding streets.</p></div></body></html>";

        var article = HtmlArticleExtractor.Extract(html, "bare.html");

        Assert.Null(article.Headline);
        Assert.Null(article.Standfirst);
        Assert.Null(article.Byline);
        Assert.Null(article.Published);
        Assert.Null(article.Outlet);
        Assert.Null(article.Url);
        Assert.Equal("en", article.Language);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void DescriptionThatOnlyRepeatsTheOpeningIsNoStandfirst()
    {
        var html = "<html><head><meta name=\"description\" content=\"Residents of the district said water deliveries had stopped for a third day\"></head>"
            + "<body><article><h1>Water deliveries stop in besieged district</h1>"
            + "<p>Residents of the district said water deliveries had stopped for a third day after the pumping station was damaged.</p>"
            + "<p>The utility company said engineers could not reach the station because of fighting in the surrounding streets.</p></article></body></html>";

        var article = HtmlArticleExtractor.Extract(html, "lede.html");

        Assert.Null(article.Standfirst);
        Assert.Equal("Water deliveries stop in besieged district", article.Headline);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void HiddenElementsAreNotBody()
    {
        var html = "<html><body><div class=\"content\">"
            + "<p>Officials confirmed that the curfew in the northern districts would be lifted on Monday after a week without clashes.</p>"
            + "<div style=\"display: none\"><p>Hidden copy of a different story about elections in another province that readers never see.</p></div>"
            + "<p hidden>Another hidden paragraph that a browser would never show to the people reading this page.</p>"
            + "<p>Shops reopened in the market area, though many owners said they would wait before restocking their shelves.</p>"
            + "</div></body></html>";

        var article = HtmlArticleExtractor.Extract(html, "hidden.html");

        Assert.Equal(2, article.Paragraphs.Count);
        Assert.DoesNotContain("hidden", article.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TextLanguageOverridesATemplateDefaultOfEnglish()
    {
        var html = "<html lang=\"en\"><head><meta property=\"og:site_name\" content=\"Nordkurier | Politik | Welt\"><meta name=\"author\" content=\"admin\"></head>"
            + "<body><article><p>Die Polizei hat nach den Angaben der Behörden in der Nacht zu Montag mehrere Personen festgenommen, die an den Ausschreitungen beteiligt gewesen sein sollen.</p>"
            + "<p>Der Innenminister kündigte an, dass die Ermittlungen mit Nachdruck geführt werden und dass auch die Hintergründe der Gewalt untersucht werden sollen.</p>"
            + "</article></body></html>";

        var article = HtmlArticleExtractor.Extract(html, "de.html");

        Assert.Equal("de", article.Language);
        Assert.Equal("Nordkurier", article.Outlet);
        Assert.Null(article.Byline);
    }

    [Theory]
    [InlineData("<html></html>")]
    [InlineData("<html><head><title>Frames</title></head><frameset><frame src=\"a.html\"></frameset></html>")]
    [InlineData("<p>")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script><body><svg><text>x")]
    public void PagesWithoutAnArticleGiveAnEmptyBody(string html)
    {
        var article = HtmlArticleExtractor.Extract(html, "empty.html");

        Assert.Equal(string.Empty, article.Text);
        Assert.Empty(article.Paragraphs);
        Assert.Null(article.Byline);
        Assert.Null(article.Published);
    }

    [Theory]
    [InlineData("Convoy attacked on highway | Frontline Daily", "Frontline Daily", "Convoy attacked on highway")]
    [InlineData("Convoy attacked on northern highway - FD", null, "Convoy attacked on northern highway")]
    [InlineData("Ceasefire talks - what we know", null, "Ceasefire talks - what we know")]
    [InlineData("Boy killed by grandparents' Rottweiler - World - General - Camden Advertiser", null, "Boy killed by grandparents' Rottweiler")]
    [InlineData("Actress thankful she is not a tabloid star | January 15, 2008 | AHN", null, "Actress thankful she is not a tabloid star")]
    [InlineData("www.kansascity.com | 01/17/2008 | 27 Dresses", null, "www.kansascity.com | 01/17/2008 | 27 Dresses")]
    public void CleansSiteNamesFromTitles(string title, string? outlet, string expected) =>
        Assert.Equal(expected, HtmlArticleExtractor.CleanTitle(title, outlet));

    [Theory]
    [InlineData("icStaines - More Britons in blood scandal", null, "More Britons in blood scandal")]
    [InlineData("SignOnSanDiego.com > News > World -- Judges allow video of victims at trial", null, "Judges allow video of victims at trial")]
    [InlineData("Bulls, Jones pursue talks: Sport: Rugby: News24", null, "Bulls, Jones pursue talks")]
    [InlineData("Judge: Man who killed three gets life", null, "Judge: Man who killed three gets life")]
    [InlineData("UK Film and Television News - House Price Trend Is Down In Subdued Market", null, "UK Film and Television News - House Price Trend Is Down In Subdued Market")]
    public void TakesTheHeadlineFromBetweenSiteAndSectionNames(string title, string? outlet, string expected) =>
        Assert.Equal(expected, HtmlArticleExtractor.CleanTitle(title, outlet));

    [Fact]
    public void TakesTheHeadlineFromAnH2TheTitleHolds()
    {
        // No headline metadata, no h1; the title joins a long site name to the headline, which is set in an h2.
        var story = "The council met on Tuesday evening to discuss the new flood barriers, which engineers had tested during the spring storms along the river.";
        var html = "<html><head><title>Riverside Courier Online Edition - Council weighs new flood barriers for the embankment</title></head><body>"
            + $"<h2>Most read</h2><h2>Council weighs new flood barriers for the embankment</h2><p>{story}</p><p>{story.Replace("Tuesday", "Monday")}</p></body></html>";

        var article = HtmlArticleExtractor.Extract(html, "h2-headline.html");

        Assert.Equal("Council weighs new flood barriers for the embankment", article.Headline);
    }
}
