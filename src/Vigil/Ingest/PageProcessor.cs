using Vigil.Articles;
using Vigil.Events;

namespace Vigil.Ingest;

/// <summary>
/// The seam between ingest and the analysis pipeline. It must be safe to call from several threads at once, since
/// <c>vigil ingest --jobs N</c> processes pages in parallel.
/// </summary>
public delegate ProcessedPage PageProcessor(RawPage page);

public static class PageProcessors
{
    /// <summary>Extracts the article only (no events): for measuring ingest and storage apart from the analysis.</summary>
    public static ProcessedPage ArticleOnly(RawPage page) => new(ExtractArticle(page), []);

    /// <summary>The whole analysis: article, language, places and events. The pipeline's components are stateless, so one serves every job.</summary>
    public static PageProcessor Full(EventPipeline pipeline) => page =>
    {
        var article = ExtractArticle(page);
        return new ProcessedPage(article, pipeline.Extract(article));
    };

    /// <summary>
    /// The article of a page, with the URL, publication date and headline the input itself gave (a feed item, a JSONL
    /// field, the fetched address) filled in where the page does not state them, and the input's licence and attribution.
    /// </summary>
    public static Article ExtractArticle(RawPage page)
    {
        var article = ArticleExtractor.Extract(page);
        if (string.IsNullOrWhiteSpace(article.Text) && page.Format == PageFormat.Text)
        {
            // A short flattened text (a single note, a wire brief) is all "headline" to the layout heuristics, yet it
            // is the report itself: keep its blocks as the body.
            var paragraphs = page.Content.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
            article = article with { Text = Article.JoinParagraphs(paragraphs), Paragraphs = paragraphs };
        }

        return article with
        {
            Url = article.Url ?? page.Url,
            Published = article.Published ?? page.Published,
            Headline = article.Headline ?? page.Title,
            Licence = page.Licence,
            Attribution = page.Attribution,
        };
    }
}
