using System.Text;
using Vigil.Articles;

namespace Vigil.Tests.Articles;

public sealed class BodyFinderTests
{
    private const string Story1 = "The council met on Tuesday evening to discuss the new flood barriers, which engineers had tested during the spring storms along the river.";
    private const string Story2 = "Residents who attended the meeting asked how long the work would take, and the engineers said the barriers would be finished before winter.";
    private const string Story3 = "The cost of the project, paid from the regional budget, rose by a tenth after the contractor found older foundations under the embankment.";
    private const string Story4 = "Officials said the road along the embankment would stay closed to lorries until the last section of the wall had been inspected.";

    private static string Page(string body) => $"<html><head><title>Flood barriers</title></head><body>{body}</body></html>";

    private static string Paragraphs(params string[] texts) => string.Concat(texts.Select(text => $"<p>{text}</p>"));

    private static string Asides()
    {
        // Together long enough that the article is less than half of the page's text, so that a misnamed wrapper is
        // set aside; each shorter than half, so that each is set aside too.
        var text = new StringBuilder();
        for (var box = 0; box < 2; box++)
        {
            text.Append("<aside>");
            for (var i = 0; i < 3; i++)
            {
                text.Append($"<p>This website is published by the regional press association, number {i}, and its contents are reviewed by the editorial board every month.</p>");
            }

            text.Append("</aside>");
        }

        return text.ToString();
    }

    [Fact]
    public void WordsInsideASentenceStayWhateverTheirElementIsNamed()
    {
        // A linked topic classed as a tag, a name with a popup card: words of the sentence. A screen reader's note stays out.
        const string Linked = "The government plans to reverse its position on <a class=\"meta-tag\" href=\"/topic/sudan\">Sudan</a> and lift trade sanctions, officials said <span class=\"popup\">late on Thursday</span> in the capital.";
        const string Note = "Engineers tested the barriers during the spring storms, <span class=\"sr-only\">opens in a new window</span>and they held.";
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, Linked, Story2, Note, Story3)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "running-text.html");

        Assert.Equal(
            [Story1, "The government plans to reverse its position on Sudan and lift trade sanctions, officials said late on Thursday in the capital.", Story2,
                "Engineers tested the barriers during the spring storms, and they held.", Story3],
            article.Paragraphs);
    }

    [Fact]
    public void DoesNotClimbIntoATableRowOfColumns()
    {
        // An old table layout: the story in one cell, short lines of the site's own in the cells beside it, whose
        // text lifts the row's score above the story's cell.
        const string Cells = "<td>Weather today: sunny spells and light winds, rain later</td><td>Markets: shares up and pound steady, oil down</td>";
        var html = Page($"<table><tr><td><div>{Paragraphs(Story1, Story2, Story3)}</div></td>{Cells}</tr></table>");

        var article = HtmlArticleExtractor.Extract(html, "table-row.html");

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void FindsAnArticleInsideAnElementNamedForItsByline()
    {
        // Blog templates and pasted posts wrap a whole post in an element classed for its byline or metadata.
        var html = Page("<div class=\"post\"><h3>Flood barriers</h3><div class=\"post-body\"><span class=\"byline-author\">"
            + Paragraphs(Story1, Story2, Story3, Story4) + "</span></div></div>" + Asides());

        var article = HtmlArticleExtractor.Extract(html, "byline-wrapper.html");

        Assert.Equal([Story1, Story2, Story3, Story4], article.Paragraphs);
    }

    [Fact]
    public void KeepsAShortArticleWhenNamedFurnitureBesideItAddsLittle()
    {
        const string Bio = "Jane Doe covers local government and the environment for the paper.";
        var html = Page($"<article><p>{Story1}</p><p>{Story2}</p><div class=\"author-bio\"><p>{Bio}</p></div></article>");

        var article = HtmlArticleExtractor.Extract(html, "short.html");

        Assert.Equal([Story1, Story2], article.Paragraphs);
    }

    [Fact]
    public void AShortWidgetNamedTextDoesNotOutweighThePost()
    {
        const string About = "I write about rivers, bridges and the people who build them, from my home by the sea.";
        var html = Page($"<div id=\"column-right\"><div id=\"text-3\" class=\"widget widget_text\"><div class=\"textwidget\"><p>{About}</p></div></div></div>"
            + $"<div id=\"main-column\"><div class=\"entry\">{Paragraphs(Story1, Story2, Story3, Story4)}</div></div>");

        var article = HtmlArticleExtractor.Extract(html, "widget.html");

        Assert.Equal([Story1, Story2, Story3, Story4], article.Paragraphs);
    }

    [Fact]
    public void AListOfDatedHeadlineLinksIsNotProse()
    {
        var wire = new StringBuilder("<div class=\"newswire\">");
        for (var i = 0; i < 80; i++)
        {
            wire.Append($"<p><a href=\"/story/{i}\">Protest number {i} on the bridge</a><br>12-12-2006 15:{i % 60:00} | <a href=\"/story/{i}#c\">{i % 7} comment(s)</a></p>");
        }

        wire.Append("</div>");
        var html = Page($"<div class=\"main-column\"><div class=\"story\">{Paragraphs(Story1, Story2, Story3)}</div></div>{wire}");

        var article = HtmlArticleExtractor.Extract(html, "newswire.html");

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void ANamedAnchorLeftOpenAroundThePageIsNotALink()
    {
        var html = Page($"<a name=\"top\"><div class=\"story\">{Paragraphs(Story1, Story2, Story3)}</div>");

        var article = HtmlArticleExtractor.Extract(html, "anchor.html");

        Assert.Equal([Story1, Story2, Story3], article.Paragraphs);
    }

    [Fact]
    public void JoinsAnArticleSplitIntoWrappersAroundAnEmptiedBox()
    {
        // Newspapers wrap each section of an article with the box that follows it (related links, an advert slot);
        // once the box is set aside, the section is its wrapper's only text.
        var related = "<aside class=\"related-coverage\"><a href=\"/a\">Earlier floods on the river, and what was learned from them</a></aside>";
        var html = Page("<div id=\"page-column\">"
            + $"<div class=\"wrap\"><div class=\"chunk\">{Paragraphs(Story1, Story2)}</div><div class=\"supplemental\">{related}</div></div>"
            + $"<div class=\"wrap\"><div class=\"chunk\">{Paragraphs(Story3, Story4, Story1.Replace("Tuesday", "Friday", StringComparison.Ordinal), Story2.Replace("winter", "spring", StringComparison.Ordinal))}</div><div class=\"supplemental\"><div class=\"ad-slot\"></div></div></div>"
            + "</div>");

        var article = HtmlArticleExtractor.Extract(html, "split.html");

        Assert.Equal(6, article.Paragraphs.Count);
        Assert.Equal(Story1, article.Paragraphs[0]);
        Assert.Equal(Story3, article.Paragraphs[2]);
    }

    [Fact]
    public void DoesNotClimbIntoAParentMadeOfOtherColumns()
    {
        // The article's parent scores low; the page region above it scores higher only through a column of listings,
        // each half link: that region is the layout, not the article.
        const string Listings = "<div id=\"listings\"><p><a href=\"/cars/1\">Family saloon for sale near the railway station</a> 2005, blue, one owner, full history and low mileage</p>"
            + "<p><a href=\"/cars/2\">Small hatchback for sale in the old town centre</a> 2007, red, two owners, new tyres and a roof rack</p></div>";
        var html = Page($"<div id=\"region\"><section><div id=\"col1\">{Paragraphs(Story1, Story2, Story3, Story4)}</div></section>{Listings}</div>");

        var article = HtmlArticleExtractor.Extract(html, "columns.html");

        Assert.Equal([Story1, Story2, Story3, Story4], article.Paragraphs);
    }

    [Fact]
    public void WhatTheSiteLeavesOutOfPrintIsNotTheArticle()
    {
        // A blog post in a side column outscores a news story of short paragraphs, but the site marks the column noprint.
        const string Post = "It's the singer's birthday this week, which reminds me, as it does every January, of the phone call from a friend, one of the three people I knew, who saw him live.";
        var column = $"<div class=\"noprint\"><div id=\"rightcolumn\">{Paragraphs(Post, Post.Replace("birthday", "anniversary"), Post.Replace("singer", "writer"))}</div></div>";
        var html = Page($"<div id=\"middlecolumn\"><h1>Flood barriers</h1>{Paragraphs(Story1, Story2, Story3, Story4)}</div>{column}");

        var article = HtmlArticleExtractor.Extract(html, "noprint.html");

        Assert.Equal([Story1, Story2, Story3, Story4], article.Paragraphs);
    }
    [Fact]
    public void ReadersQuotingInTheCommentsDoNotMakeTheCommentsCitedMaterial()
    {
        // A wrapper of quoted posts is kept as cited material; a comment section whose readers quote the article is
        // still a comment section.
        const string Comment1 = "I live by the river and the barriers cannot come soon enough, the water was in our kitchen twice last year.";
        const string Comment2 = "Who is going to pay for the maintenance once the contractor has gone home, that is what I would like to know.";
        var comments = $"<div class=\"comments\"><div class=\"comment\"><p>{Comment1}</p></div><div class=\"comment\"><blockquote>{Story3}</blockquote><p>{Comment2}</p></div></div>";
        var html = Page($"<div class=\"story\">{Paragraphs(Story1, Story2, Story3, Story4)}{comments}</div>");

        var article = HtmlArticleExtractor.Extract(html, "quoting-comments.html");

        Assert.Equal([Story1, Story2, Story3, Story4], article.Paragraphs);
    }
}
