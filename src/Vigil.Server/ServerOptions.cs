namespace Vigil.Server;

/// <param name="SqlitePath">The SQLite database (the default store) when <paramref name="PostgresConnection"/> is null.</param>
/// <param name="Token">The token write requests must carry; generated at start when null.</param>
/// <param name="WebRoot">The built dashboard (wwwroot); found next to the server sources when null.</param>
/// <param name="LogReads">Log every read too (writes, refusals and failures are always logged).</param>
public sealed record ServerOptions(
    string? SqlitePath, string? PostgresConnection, string Urls = "http://127.0.0.1:5080", string? Token = null, string? WebRoot = null, bool LogReads = false);
