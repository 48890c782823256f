using static Vigil.Tests.Storage.Reports;

namespace Vigil.Tests.Storage;

/// <summary>The licence and attribution line an input gives for an article's text stay with it, on every store.</summary>
public abstract partial class EventStoreTests
{
    private const string Licence = "CC BY 2.5 (Wikinews contributors)";
    private const string Attribution = "Wikinews contributors, \"Air strike kills nine\", https://en.wikinews.org/wiki/Air_strike_kills_nine";

    [SkippableFact]
    public void AnArticlesLicenceAndAttributionAreKeptWithItAndWithItsReports()
    {
        var store = Open();
        var page = Page("Nine people were killed in an air strike.", "https://en.wikinews.org/wiki/Air_strike_kills_nine", Airstrike());
        var stored = store.StorePage(page with { Article = page.Article with { Licence = Licence, Attribution = Attribution } });
        var unlicensed = store.StorePage(Page("Eleven people were killed in a second air strike.", "https://b.example/2", Airstrike(killed: 11)));

        var article = store.GetArticle(stored.ArticleId)!;
        Assert.Equal(Licence, article.Licence);
        Assert.Equal(Attribution, article.Attribution);
        var claim = Assert.Single(store.GetEvent(Assert.Single(stored.EventIds))!.Claims, c => c.ArticleId == stored.ArticleId);
        Assert.Equal(Licence, claim.Licence);
        Assert.Equal(Attribution, claim.Attribution);

        var other = store.GetArticle(unlicensed.ArticleId)!;
        Assert.Null(other.Licence);
        Assert.Null(other.Attribution);
    }
}
