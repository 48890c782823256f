using Microsoft.Playwright;

namespace Vigil.Server.Tests;

/// <summary>The event view says how its counts were reached: this event's derivation and the rule for merged reports.</summary>
public sealed class CountRuleBrowserTests(TestServer server) : BrowserTest, IClassFixture<TestServer>
{
    [Fact]
    public async Task TheEventViewShowsTheCountRule()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/");
        await page.Locator("#events tbody tr", new PageLocatorOptions { HasText = "Goma" }).ClickAsync();
        await page.Locator("#count-rule").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        Assert.Contains("killed: as the single claim gives it", await page.Locator("#count-derivation").InnerTextAsync(), StringComparison.Ordinal);
        var rule = await page.Locator("#count-rule").InnerTextAsync();
        Assert.Contains("low = the lowest credible figure, high = the highest, best = the best-sourced figure", rule, StringComparison.Ordinal);
    }
}
