using Microsoft.Playwright;

namespace Vigil.Server.Tests;

/// <summary>
/// The dashboard as an analyst uses it, in Debian's Chromium driven by Playwright: the map, a type filter, an event's
/// evidence and attribution, a confirmation that survives a reload, and article text that cannot inject HTML. The
/// README's screenshots are taken over the demo corpus instead (<see cref="ReadmeScreenshotTests"/>).
/// </summary>
public sealed class DashboardBrowserTests(TestServer server) : BrowserTest, IClassFixture<TestServer>
{
    private async Task<IPage> OpenDashboard()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 950 } });
        await page.GotoAsync(server.BaseUrl + "/");
        await page.Locator("circle.event-dot").First.WaitForAsync();
        return page;
    }

    [Fact]
    public async Task MapShowsEventsAndTheTypeFilterNarrowsMapAndList()
    {
        var page = await OpenDashboard();
        Assert.Equal(3, await page.Locator("circle.event-dot").CountAsync());
        Assert.Equal(3, await page.Locator("#events tbody tr").CountAsync());
        Assert.True(await page.Locator("#timeline rect").CountAsync() >= 3);

        await page.SelectOptionAsync("select[name=type]", "Battles");
        await page.ClickAsync("#filters button[type=submit]");
        await page.WaitForFunctionAsync("document.querySelectorAll('#events tbody tr').length === 1");
        Assert.Equal(1, await page.Locator("circle.event-dot").CountAsync());
        Assert.Contains("Goma", await page.Locator("#events tbody tr").InnerTextAsync());
    }

    [Fact]
    public async Task TheTimelineCountsWholeEventsAndEveryDateCarriesItsYear()
    {
        var page = await OpenDashboard();
        var countLabels = await page.Locator("#timeline .y-axis .tick text").AllTextContentsAsync();
        var dateLabels = await page.Locator("#timeline .x-axis .tick text").AllTextContentsAsync();
        var barHeights = await page.Locator("#timeline .bars rect").EvaluateAllAsync<double[]>("rects => rects.map(r => r.getBBox().height).filter(h => h > 0)");

        Assert.NotEmpty(countLabels);
        Assert.All(countLabels, label => Assert.Matches(@"^\d+$", label));
        Assert.NotEmpty(dateLabels);
        Assert.All(dateLabels, label => Assert.Matches(@"\b(19|20)\d\d$", label));
        Assert.True(barHeights.Length >= 3, $"{barHeights.Length} bars of non-zero height, want one per event's bucket");
    }

    [Fact]
    public async Task EventPageHighlightsEvidenceAndAConfirmationSurvivesReload()
    {
        var page = await OpenDashboard();
        await page.Locator("#events tbody tr", new PageLocatorOptions { HasText = "Goma" }).ClickAsync();
        await page.Locator("#event-page dl").WaitForAsync();

        await page.ClickAsync("button.field-link[data-field=killed]");
        var active = page.Locator("mark.evidence.active");
        Assert.Equal("eleven fighters were killed", await active.First.InnerTextAsync());
        var credit = await page.Locator("article .attribution").InnerTextAsync();
        Assert.Contains(TestServer.GomaAttribution, credit, StringComparison.Ordinal);
        Assert.Contains(TestServer.GomaLicence, credit, StringComparison.Ordinal);

        await page.FillAsync("#token", TestServer.Token);
        await page.DispatchEventAsync("#token", "change");
        await page.ClickAsync("#confirm");
        await page.WaitForFunctionAsync("document.getElementById('review-status').textContent === 'confirmed'");

        await page.ReloadAsync();
        await page.Locator("#review-status").WaitForAsync();
        Assert.Equal("confirmed", await page.Locator("#review-status").InnerTextAsync());
    }

    [Fact]
    public async Task EventPageListsThePlacesOtherReadings()
    {
        var page = await OpenDashboard();
        await page.Locator("#events tbody tr", new PageLocatorOptions { HasText = "Kharkiv" }).ClickAsync();
        await page.Locator("#event-page dl").WaitForAsync();
        var terms = await page.Locator("#event-page dt").AllInnerTextsAsync();
        var readings = await page.Locator("#event-page dd").Nth(terms.ToList().IndexOf("Other readings")).InnerTextAsync();
        Assert.Equal("Kharkiv Oblast, Kharkiv Oblast (49.600, 36.500; score 0.81)", readings);
    }

    [Fact]
    public async Task ArticleTextIsShownAsTextNeverAsMarkup()
    {
        var page = await OpenDashboard();
        await page.Locator("#events tbody tr", new PageLocatorOptions { HasText = "Nairobi" }).ClickAsync();
        await page.Locator(".article-text").WaitForAsync();
        Assert.Equal(0, await page.Locator(".article-text img").CountAsync());
        Assert.Contains("<img src=x onerror=alert(1)>", await page.Locator(".article-text").InnerTextAsync());
    }
}
