using Npgsql;

namespace Vigil.Tests.Storage;

/// <summary>
/// The PostgreSQL server scripts/postgres.sh starts (setup runs it). Each test gets its own schema, dropped afterwards,
/// so tests run in parallel without seeing each other's rows.
/// </summary>
internal static class TestPostgres
{
    public static readonly string ConnectionFile = Path.Combine(RepositoryRoot(), ".build", "pg", "connection");

    public static string SkipReason => $"PostgreSQL tests skipped: {ConnectionFile} is absent (run scripts/postgres.sh to start the test server)";

    public static string? ConnectionString => File.Exists(ConnectionFile) ? File.ReadAllText(ConnectionFile).Trim() : null;

    public static Schema? CreateSchema()
    {
        if (ConnectionString is not { } connection)
        {
            return null;
        }

        var name = "t_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(connection))
        {
            admin.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", admin);
            command.ExecuteNonQuery();
        }

        return new Schema(connection, name);
    }

    public sealed class Schema(string baseConnection, string name) : IDisposable
    {
        public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = name, Pooling = false }.ToString();

        public void Dispose()
        {
            using var admin = new NpgsqlConnection(baseConnection);
            admin.Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA {name} CASCADE", admin);
            command.ExecuteNonQuery();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Vigil.slnx")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
