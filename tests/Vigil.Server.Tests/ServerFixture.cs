using Microsoft.AspNetCore.Builder;

namespace Vigil.Server.Tests;

/// <summary>
/// A real server on a free loopback port over a fresh SQLite database in its own temporary folder; subclasses fill the
/// database before the server starts.
/// </summary>
public abstract class ServerFixture(string folderPrefix) : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
    private WebApplication? app;

    public string BaseUrl { get; private set; } = "";

    public string DatabasePath => Path.Combine(folder, "vigil.db");

    public async Task InitializeAsync()
    {
        await FillAsync(DatabasePath);
        (app, _) = VigilServer.Build(new ServerOptions(DatabasePath, null, "http://127.0.0.1:0", TestServer.Token), logging: Logging);
        await app.StartAsync();
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Adds to the server's logging (a logger the test reads); nothing by default.</summary>
    protected virtual Action<Microsoft.Extensions.Logging.ILoggingBuilder>? Logging => null;

    /// <summary>Stores what the server will serve.</summary>
    protected abstract Task FillAsync(string database);
}
