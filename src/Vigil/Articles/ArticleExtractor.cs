using Vigil.Ingest;

namespace Vigil.Articles;

/// <summary>Turns a raw page into an article, choosing the HTML or the flattened-text method by the page's format.</summary>
public static class ArticleExtractor
{
    /// <param name="budget">The time the page may take (<see cref="PageBudget.Default"/> when null); past it the page fails with an <see cref="InputException"/>.</param>
    public static Article Extract(RawPage page, TimeSpan? budget = null) => page.Format switch
    {
        PageFormat.Html => HtmlArticleExtractor.Extract(page.Content, page.Source, page.Url, budget),
        _ => TextArticleExtractor.Extract(page.Content, page.Source, page.Url),
    };
}
