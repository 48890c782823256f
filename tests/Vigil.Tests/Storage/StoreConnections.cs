using Vigil.Storage;

namespace Vigil.Tests.Storage;

/// <summary>
/// Tests that open several connections to one store, as several processes would: each store opened is disposed with
/// the test. Subclasses say how to open the first connection and another.
/// </summary>
public abstract class StoreConnections : IDisposable
{
    private readonly List<IDisposable> opened = [];

    protected abstract SqlEventStore CreateStore();

    /// <summary>Another connection to the same database, as another process would have.</summary>
    protected abstract SqlEventStore OpenAgain();

    protected SqlEventStore Open() => Keep(CreateStore());

    protected SqlEventStore Another() => Keep(OpenAgain());

    private SqlEventStore Keep(SqlEventStore store)
    {
        opened.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        opened.ForEach(store => store.Dispose());
        GC.SuppressFinalize(this);
    }
}

/// <summary>Runs raw SQL on a test database behind the store's back (to rebuild an older schema, or break one).</summary>
internal static class TestSql
{
    public static void OnSqlite(string databasePath, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static void OnPostgres(string connectionString, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The rows of a query on a SQLite database, each as its values joined by " | " (NULL as "null").</summary>
    public static IReadOnlyList<string> RowsOnSqlite(string databasePath, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Rows(command);
    }

    /// <summary>The rows of a query on a PostgreSQL database, each as its values joined by " | " (NULL as "null").</summary>
    public static IReadOnlyList<string> RowsOnPostgres(string connectionString, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Rows(command);
    }

    private static List<string> Rows(System.Data.Common.DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>SQLite's plan (EXPLAIN QUERY PLAN), one step a line.</summary>
    public static string PlanOnSqlite(string databasePath, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join('\n', steps);
    }

    /// <summary>PostgreSQL's plan (EXPLAIN), with sequential scans off: a table of a few rows is otherwise read whole.</summary>
    public static string PlanOnPostgres(string connectionString, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            off.ExecuteNonQuery();
        }

        using var command = new Npgsql.NpgsqlCommand("EXPLAIN " + sql, connection);
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(0));
        }

        return string.Join('\n', steps);
    }
}
