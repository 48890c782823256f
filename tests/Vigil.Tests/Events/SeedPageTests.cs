using System.Text.Json;
using Vigil.Tests.Cli;

namespace Vigil.Tests.Events;

/// <summary>
/// The canonical page (../shared/seed, beside the repository) through the whole command line: article, entity model,
/// gazetteer, rules and the trained classifier. It is a check, never a target: no rule knows its sentences.
/// </summary>
public class SeedPageTests
{
    private static string? SeedPage()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var seed = Path.Combine(directory.FullName, "shared", "seed", "000_00281e8711af4b5c.txt");
            if (File.Exists(seed))
            {
                return seed;
            }
        }

        return null;
    }

    [SkippableFact]
    public void BothIncidentsAreCodedWithTheirVictimsPlacesAndSources()
    {
        var seed = SeedPage();
        Skip.If(seed is null, "../shared/seed is not beside the repository");
        var (exit, output, error) = CliRunner.Run("events", seed!);
        Assert.True(exit == 0, error);
        using var page = JsonDocument.Parse(output.Trim().Split('\n')[0]);
        var events = page.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);

        var execution = events.Single(e => e.GetProperty("subEventType").GetString() == "Attack");
        Assert.Equal("SY", execution.GetProperty("location").GetProperty("country").GetString());
        Assert.Equal("assault rifle", execution.GetProperty("weapon").GetString());
        Assert.Equal("apostasy", execution.GetProperty("reason").GetString());
        Assert.Equal(1, execution.GetProperty("killed").GetProperty("best").GetInt32());
        var victim = Assert.Single(execution.GetProperty("victims").EnumerateArray());
        Assert.Equal("Lena al-Qasem", victim.GetProperty("name").GetString());
        Assert.Equal(45, victim.GetProperty("age").GetInt32());
        Assert.Contains(execution.GetProperty("sources").EnumerateArray(), s => s.GetProperty("name").GetString()!.Contains("Observatory", StringComparison.Ordinal));

        var strike = events.Single(e => e.GetProperty("subEventType").GetString() == "Air/drone strike");
        Assert.Equal("IQ", strike.GetProperty("location").GetProperty("country").GetString());
        Assert.Equal(1, strike.GetProperty("injured").GetProperty("best").GetInt32());
        Assert.Contains(strike.GetProperty("sources").EnumerateArray(), s => s.GetProperty("name").GetString()!.Contains("Joint Operations Command", StringComparison.Ordinal));
    }
}
