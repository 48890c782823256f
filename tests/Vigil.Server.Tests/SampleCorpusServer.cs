using Microsoft.AspNetCore.Builder;
using Vigil.Events;
using Vigil.Ingest;
using Vigil.Storage;

namespace Vigil.Server.Tests;

/// <summary>
/// A real server over the bundled demo corpus (samples/, English Wikinews 2019–2020) run through the whole pipeline,
/// as `./vigil ingest samples/` stores it: what the README's screenshots show.
/// </summary>
public sealed class SampleCorpusServer() : ServerFixture("vigil-samples-")
{
    public IngestSummary Summary { get; private set; } = new(0, 0, 0, 0, 0, 0);

    protected override async Task FillAsync(string database)
    {
        using var store = SqliteEventStore.Open(database);
        var ingester = new Ingester(store, PageProcessors.Full(EventPipeline.CreateDefault()), Environment.ProcessorCount);
        Summary = await ingester.RunAsync([Path.Combine(RepositoryRoot(), "samples")]);
    }

    /// <summary>The folder holding Vigil.slnx, above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vigil.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"no Vigil.slnx above {AppContext.BaseDirectory}");
    }
}
