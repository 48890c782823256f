using System.CommandLine;
using System.Data.Common;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

/// <summary>The --db / --postgres pair every storage command takes, and how a database failure is reported.</summary>
internal sealed class StoreOptions
{
    public Option<string> Sqlite { get; } = new("--db") { Description = "SQLite database file (the default store)", DefaultValueFactory = _ => EventStores.DefaultSqlitePath };

    public Option<string?> Postgres { get; } = new("--postgres") { Description = "PostgreSQL connection string (Host=...;Database=...;Username=...); used instead of --db" };

    public void AddTo(Command command)
    {
        command.Options.Add(Sqlite);
        command.Options.Add(Postgres);
    }

    /// <param name="create">False for commands that only read or correct: a mistyped --db path must not become a new, empty database.</param>
    public IVigilStore Open(ParseResult parse, bool create = false)
    {
        var path = parse.GetValue(Sqlite);
        if (!create && parse.GetValue(Postgres) is null && path is not null && !File.Exists(path))
        {
            throw new StoreException($"no database {path} (vigil ingest creates it)");
        }

        return EventStores.Open(path, parse.GetValue(Postgres));
    }

    /// <summary>Runs a storage action: a refused request is one line and exit 1; a database that cannot be used is exit 2.</summary>
    public static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (StoreException e)
        {
            error.WriteLine($"vigil: {e.Message}");
            return 1;
        }
        catch (TransientFailureException e)
        {
            error.WriteLine($"vigil: database: {e.Message}");
            return 2;
        }
        catch (DbException e)
        {
            error.WriteLine($"vigil: database: {e.Message}");
            return 2;
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"vigil: {e.Message}");
            return 2;
        }
    }
}
