using System.Text.Json;
using Vigil.Cli;

namespace Vigil.Tests.Cli;

public sealed class NerCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-ner-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void PagesGiveOneJsonLineWithOffsets()
    {
        var page = Path.Combine(folder, "page.txt");
        File.WriteAllText(page, "Shelling in Aleppo\n\nThe United Nations said shelling in Aleppo killed 12 people on Monday, and Omar Khalil, a doctor, said the hospital was full.\n");
        var output = new StringWriter();
        var exit = Program.Run(["ner", page], output, new StringWriter());
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(page, json.RootElement.GetProperty("source").GetString());
        var entities = json.RootElement.GetProperty("entities").EnumerateArray().ToList();
        Assert.Contains(entities, e => e.GetProperty("label").GetString() == "PER" && e.GetProperty("text").GetString() == "Omar Khalil");
        Assert.All(entities, e => Assert.True(e.GetProperty("end").GetInt32() > e.GetProperty("start").GetInt32()));
    }

    [Fact]
    public void ConllInputGivesThreeColumnsAndAScore()
    {
        var file = Path.Combine(folder, "gold.txt");
        File.WriteAllLines(file, ["The O", "United B-ORG", "Nations I-ORG", "met O", "in O", "Geneva B-LOC", ". O", ""]);
        var output = new StringWriter();
        Assert.Equal(0, Program.Run(["ner", "--conll", file], output, new StringWriter()));
        var lines = output.ToString().Split('\n');
        Assert.Equal("United B-ORG B-ORG", lines[1]);
        Assert.Equal("Geneva B-LOC B-LOC", lines[5]);

        var scored = new StringWriter();
        Assert.Equal(0, Program.Run(["ner", "--conll", "--score", file], scored, new StringWriter()));
        Assert.Matches(@"overall\s+2\s+2\s+2\s+1\.0000\s+1\.0000\s+1\.0000", scored.ToString());
    }

    [Fact]
    public void AMissingFileIsOneLineAndExitCodeOne()
    {
        var error = new StringWriter();
        var exit = Program.Run(["ner", "--conll", Path.Combine(folder, "missing.txt")], new StringWriter(), error);
        Assert.Equal(1, exit);
        Assert.Contains("missing.txt", error.ToString());
    }
}
