using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using Vigil.Storage;

namespace Vigil.Bench.Storage;

/// <summary>Drops or creates the store's read indexes (the migration's own statements), to measure the reads without and with them.</summary>
public static partial class ScaleIndexes
{
    public static void Run(string action, string engine, string target)
    {
        var statements = engine == "sqlite" ? SqliteEventStore.ReadIndexes : PostgresEventStore.ReadIndexes;
        using DbConnection connection = engine == "sqlite"
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString())
            : new NpgsqlConnection(target);
        connection.Open();
        foreach (var statement in statements)
        {
            var name = IndexName().Match(statement).Groups[1].Value;
            using var command = connection.CreateCommand();
            command.CommandText = action switch
            {
                "drop" => $"DROP INDEX IF EXISTS {name}",
                "create" => statement.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal),
                _ => throw new ArgumentException($"unknown action '{action}' (use drop or create)"),
            };
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }

        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.CommandTimeout = 0;
        analyze.ExecuteNonQuery();
    }

    [GeneratedRegex(@"CREATE INDEX (\w+) ON")]
    private static partial Regex IndexName();
}
