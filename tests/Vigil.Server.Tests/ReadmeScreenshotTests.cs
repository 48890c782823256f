using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Vigil.Server.Tests;

/// <summary>
/// The README's screenshots (docs/dashboard.png, docs/dashboard-filtered.png, docs/event-evidence.png), taken in
/// Debian's Chromium over the bundled demo corpus as `./vigil ingest samples/` stores it.
/// </summary>
public sealed class ReadmeScreenshotTests(SampleCorpusServer server) : BrowserTest, IClassFixture<SampleCorpusServer>
{
    private static string Screenshot(string name) => Path.Combine(SampleCorpusServer.RepositoryRoot(), "docs", name);

    [Fact]
    public async Task TheDemoCorpusGivesAMapATimelineAndEventsWithTheirEvidenceAndAttribution()
    {
        Assert.Equal(274, server.Summary.Articles);
        Assert.Equal(0, server.Summary.Failed);
        Assert.True(server.Summary.NewEvents > 0);

        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 950 } });
        await page.GotoAsync(server.BaseUrl + "/");
        await page.Locator("circle.event-dot").First.WaitForAsync();
        Assert.True(await page.Locator("#timeline rect").CountAsync() > 0);
        // The first screenful: map, timeline and the top of the event list.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("dashboard.png") });

        using var client = new HttpClient();
        var stats = await client.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/stats");
        var commonest = stats.GetProperty("byType")[0].GetProperty("key").GetString()!;
        await page.SelectOptionAsync("select[name=type]", commonest);
        await page.ClickAsync("#filters button[type=submit]");
        await page.WaitForFunctionAsync(
            "type => [...document.querySelectorAll('#events tbody tr')].every(row => row.cells[1].textContent === type)", commonest);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("dashboard-filtered.png") });

        // The deadliest event whose count points at the words that give it, with its report's attribution line.
        var deadliest = await client.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/events?sort=-killed&pageSize=50");
        string? shown = null;
        foreach (var item in deadliest.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            var detail = await client.GetFromJsonAsync<JsonElement>($"{server.BaseUrl}/api/events/{Uri.EscapeDataString(id)}");
            if (detail.GetProperty("claims").EnumerateArray().Any(c => c.GetProperty("evidence").EnumerateArray().Any(e => e.GetProperty("field").GetString() == "killed")))
            {
                shown = id;
                break;
            }
        }

        Assert.NotNull(shown);
        page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 950 } });
        await page.GotoAsync($"{server.BaseUrl}/#/event/{Uri.EscapeDataString(shown)}");
        await page.Locator("#event-page dl").WaitForAsync();
        await page.ClickAsync("button.field-link[data-field=killed]");
        Assert.True(await page.Locator("mark.evidence.active").CountAsync() > 0);
        var credit = await page.Locator("article .attribution").First.InnerTextAsync();
        Assert.Contains("Wikinews contributors", credit, StringComparison.Ordinal);
        Assert.Contains("CC BY 2.5", credit, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("event-evidence.png"), FullPage = true });
    }
}

/// <summary>Debian's Chromium (installed by scripts/setup.sh), driven headless by Playwright.</summary>
internal static class Chromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
