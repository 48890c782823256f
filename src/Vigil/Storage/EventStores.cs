namespace Vigil.Storage;

public static class EventStores
{
    public const string DefaultSqlitePath = "vigil.db";

    /// <summary>PostgreSQL when a connection string is given, else the SQLite file (vigil.db by default).</summary>
    public static IVigilStore Open(string? sqlitePath, string? postgresConnection, IIncidentMatcher? matcher = null) =>
        postgresConnection is not null
            ? PostgresEventStore.Open(postgresConnection, matcher)
            : SqliteEventStore.Open(sqlitePath ?? DefaultSqlitePath, matcher);
}
