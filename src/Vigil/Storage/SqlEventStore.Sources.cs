using System.Globalization;

namespace Vigil.Storage;

/// <summary>A feed or page that `vigil watch` polls, with its schedule, its HTTP validators and its health.</summary>
public sealed record WatchedSource(
    long Id,
    string Url,
    string? Name,
    TimeSpan Every,
    string AddedAt,
    string NextDue,
    string? ETag,
    string? LastModified,
    string? LastChecked,
    string? LastSuccess,
    string? LastError,
    string? LastErrorAt,
    int Failures,
    int ItemsFound,
    int ItemsNew);

/// <summary>What one poll of a source found: items listed and new ones ingested, or the reason it failed.</summary>
public sealed record SourceCheck(bool Succeeded, int ItemsFound, int ItemsNew, string? Error, string? ETag = null, string? LastModified = null);

/// <summary>The sources `vigil watch` follows, kept in the store beside the events they feed.</summary>
public interface ISourceStore
{
    WatchedSource AddSource(string url, string? name, TimeSpan every);

    IReadOnlyList<WatchedSource> ListSources();

    /// <summary>Removes the source with this id, URL or name; false when there is none.</summary>
    bool RemoveSource(string idUrlOrName);

    /// <summary>The sources whose next poll is due at <paramref name="now"/>, the longest overdue first.</summary>
    IReadOnlyList<WatchedSource> DueSources(DateTime now);

    /// <summary>Records a poll and when the next one is due.</summary>
    void RecordCheck(WatchedSource source, SourceCheck check, DateTime checkedAt, DateTime nextDue);
}

public abstract partial class SqlEventStore : ISourceStore
{
    protected static string SourcesSchema(string integer, string identity) =>
        $"""
        CREATE TABLE sources (
          id {identity}, url TEXT NOT NULL UNIQUE, name TEXT, every_seconds {integer} NOT NULL, added_at TEXT NOT NULL, next_due TEXT NOT NULL,
          etag TEXT, last_modified TEXT, last_checked TEXT, last_success TEXT, last_error TEXT, last_error_at TEXT,
          failures {integer} NOT NULL, items_found {integer} NOT NULL, items_new {integer} NOT NULL);
        """;

    private const string SourceColumns =
        "id, url, name, every_seconds, added_at, next_due, etag, last_modified, last_checked, last_success, last_error, last_error_at, failures, items_found, items_new";

    public WatchedSource AddSource(string url, string? name, TimeSpan every)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new StoreException($"{url}: not an http(s) URL");
        }

        return InTransaction(() =>
        {
            if (Scalar("SELECT 1 FROM sources WHERE url = @url", ("@url", url)) is not null)
            {
                throw new StoreException($"{url} is watched already (vigil sources list)");
            }

            var now = Now();
            Execute(
                """
                INSERT INTO sources (url, name, every_seconds, added_at, next_due, failures, items_found, items_new)
                VALUES (@url, @name, @every, @now, @now, 0, 0, 0)
                """,
                ("@url", url), ("@name", name), ("@every", (long)every.TotalSeconds), ("@now", now));
            return Sources("WHERE url = @url", ("@url", url)).Single();
        });
    }

    public IReadOnlyList<WatchedSource> ListSources() => Sources("ORDER BY id");

    public bool RemoveSource(string idUrlOrName) => InTransaction(() =>
    {
        using var command = long.TryParse(idUrlOrName, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Command("DELETE FROM sources WHERE id = @id", ("@id", id))
            : Command("DELETE FROM sources WHERE url = @key OR name = @key", ("@key", idUrlOrName));
        return command.ExecuteNonQuery() > 0;
    });

    public IReadOnlyList<WatchedSource> DueSources(DateTime now) => Sources("WHERE next_due <= @now ORDER BY next_due, id", ("@now", Iso(now)));

    public void RecordCheck(WatchedSource source, SourceCheck check, DateTime checkedAt, DateTime nextDue) => InTransaction(() =>
    {
        var at = Iso(checkedAt);
        if (check.Succeeded)
        {
            // Validators are kept from the last answer that had them: a 304 repeats none.
            Execute(
                """
                UPDATE sources SET last_checked = @at, last_success = @at, next_due = @next, failures = 0,
                  etag = COALESCE(@etag, etag), last_modified = COALESCE(@modified, last_modified),
                  items_found = items_found + @found, items_new = items_new + @new
                WHERE id = @id
                """,
                ("@at", at), ("@next", Iso(nextDue)), ("@etag", check.ETag), ("@modified", check.LastModified), ("@found", check.ItemsFound),
                ("@new", check.ItemsNew), ("@id", source.Id));
        }
        else
        {
            Execute(
                "UPDATE sources SET last_checked = @at, last_error = @error, last_error_at = @at, next_due = @next, failures = failures + 1 WHERE id = @id",
                ("@at", at), ("@error", check.Error), ("@next", Iso(nextDue)), ("@id", source.Id));
        }

        return 0;
    });

    private List<WatchedSource> Sources(string where, params (string Name, object? Value)[] parameters)
    {
        var sources = new List<WatchedSource>();
        using var command = Command($"SELECT {SourceColumns} FROM sources {where}", parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            int Number(int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
            sources.Add(new WatchedSource(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), Text(2), TimeSpan.FromSeconds(Number(3)),
                reader.GetString(4), reader.GetString(5), Text(6), Text(7), Text(8), Text(9), Text(10), Text(11), Number(12), Number(13), Number(14)));
        }

        return sources;
    }
}
