using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>One watched source and its health, as `vigil watch` last left it.</summary>
public sealed record SourceHealth(
    long Id, string Url, string? Name, double EverySeconds, string NextDue, string? LastChecked, string? LastSuccess, string? LastError,
    string? LastErrorAt, int FailuresInARow, int ItemsFound, int ItemsNew, string Status)
{
    public static SourceHealth Of(WatchedSource source) => new(
        source.Id, source.Url, source.Name, source.Every.TotalSeconds, source.NextDue, source.LastChecked, source.LastSuccess, source.LastError,
        source.LastErrorAt, source.Failures, source.ItemsFound, source.ItemsNew, StatusOf(source));

    /// <summary>ok, failing (the last poll failed) or new (never polled).</summary>
    public static string StatusOf(WatchedSource source) => source.LastChecked is null ? "new" : source.Failures > 0 ? "failing" : "ok";
}

/// <summary>The sources `vigil watch` follows, with their health.</summary>
internal static class SourceEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGroup("/api").MapGet("/sources", (StoreGate gate) => Results.Ok(gate.Use(store => store.ListSources().Select(SourceHealth.Of).ToList())))
            .WithSummary("The watched sources with their health: last success, last error and when, failures in a row, items found and new");
}
