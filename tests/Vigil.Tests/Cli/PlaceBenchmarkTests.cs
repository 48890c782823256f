namespace Vigil.Tests.Cli;

/// <summary>The place benchmark's tally of misses by cause, on three made-up rows in ACLED's columns and the built gazetteer.</summary>
public sealed class PlaceBenchmarkTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-place-bench-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void MissesAreCountedByCause()
    {
        var csv = Path.Combine(folder, "rows.csv");
        File.WriteAllText(csv, """
            event_id_cnty,country,admin1,admin2,location,latitude,longitude
            T1,Ukraine,Kharkiv,,Kharkiv,49.98,36.25
            T2,Ukraine,Kharkiv,,Qwzxyvarkiv,49.98,36.25
            T3,Ukraine,Kharkiv,,Kharkiv,49.84,24.03
            """);

        var (exit, output, _) = CliRunner.Run("place", "--bench-acled", csv);

        Assert.Equal(0, exit);
        Assert.Contains("rows: 3; within 25 km: 1 (33.3%); resolved but farther: 1; unresolved: 1; country not found: 0", output, StringComparison.Ordinal);
        Assert.Contains("   1  unresolved: the name is nowhere in the gazetteer", output, StringComparison.Ordinal);
        Assert.Contains("   1  far: no reading of the name within 25 km (in ACLED's admin1)", output, StringComparison.Ordinal);
    }
}
