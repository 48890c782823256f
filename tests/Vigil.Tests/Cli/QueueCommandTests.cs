namespace Vigil.Tests.Cli;

public sealed class QueueCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-cli-queue-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void EnqueueTwiceThenAWorkerDrainsTheQueue()
    {
        var pages = Path.Combine(folder, "pages");
        Directory.CreateDirectory(pages);
        File.WriteAllText(Path.Combine(pages, "report.txt"), "Gunmen killed four people in an attack on a village in Borno State on Monday, police said.\nThe attackers fled.");
        File.WriteAllText(Path.Combine(pages, "blank.txt"), "\n \n");
        var database = Path.Combine(folder, "q.db");

        // The blank page fails as it is read, with its name and reason; the other is queued once however often it is given.
        var first = CliRunner.Run("enqueue", pages, "--db", database);
        var second = CliRunner.Run("enqueue", pages, "--db", database);
        Assert.Equal((1, "vigil: enqueue: 1 jobs added, 0 already queued, 1 inputs failed"), (first.Exit, first.Output.Trim()));
        Assert.StartsWith($"vigil: {Path.Combine(pages, "blank.txt")}: ", first.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal("vigil: enqueue: 0 jobs added, 1 already queued, 1 inputs failed", second.Output.Trim());

        var worker = CliRunner.Run("worker", "--db", database, "--until-empty", "--name", "w1");
        Assert.Equal(0, worker.Exit);
        Assert.StartsWith("vigil: worker w1: 1 jobs: 1 articles stored, ", worker.Output.Trim(), StringComparison.Ordinal);

        var status = CliRunner.Run("queue", "--db", database);
        Assert.Equal("0 pending, 0 running, 1 done, 0 failed, 0 dead", status.Output.Trim());
        Assert.Equal(2, CliRunner.Run("worker", "--db", database, "--lease", "soon").Exit);
    }
}
