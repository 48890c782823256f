using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Vigil.Storage;

namespace Vigil.Bench.Storage;

/// <summary>
/// Drops the store's read indexes and kept counts (the last migrations), or builds them again with the migration's own
/// statements, to measure the reads without and with them. The schema version is left alone.
/// </summary>
public static class ScaleIndexes
{
    public static void Run(string action, string engine, string target)
    {
        var (create, undo) = engine == "sqlite"
            ? (SqliteEventStore.ReadIndexes.Concat(SqliteEventStore.KeptCounts).Append(SqliteEventStore.FullTextKeys).Append(SqliteEventStore.TypePlaceIndex).Concat(SqliteEventStore.MonthCounts), SqliteEventStore.UndoReadIndexes)
            : (PostgresEventStore.ReadIndexes.Concat(PostgresEventStore.KeptCounts).Append(PostgresEventStore.TypePlaceIndex).Concat(PostgresEventStore.MonthCounts), PostgresEventStore.UndoReadIndexes);
        using DbConnection connection = engine == "sqlite"
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString())
            : new NpgsqlConnection(target);
        connection.Open();
        var statements = action switch
        {
            "drop" => undo,
            "create" => [.. undo, .. create],
            _ => throw new ArgumentException($"unknown action '{action}' (use drop or create)"),
        };
        foreach (var statement in statements.Append("ANALYZE"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }
    }
}
