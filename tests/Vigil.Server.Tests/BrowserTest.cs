using Microsoft.Playwright;

namespace Vigil.Server.Tests;

/// <summary>One headless Chromium per test class (Debian's, through Playwright), started before its tests and closed after.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    protected IBrowser Browser => browser ?? throw new InvalidOperationException("the browser has not started");

    public async Task InitializeAsync() => (playwright, browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
