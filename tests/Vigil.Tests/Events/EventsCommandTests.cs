using Vigil.Cli;

namespace Vigil.Tests.Events;

public class EventsCommandTests
{
    /// <summary>Runs <c>./vigil events --input FILE</c> (and any further arguments) over the given JSON lines.</summary>
    private static (int Exit, string Output, string Error, string Path) RunEvents(string[] lines, params string[] more)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-events-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = Program.Run(["events", "--input", path, .. more], output, error);
            return (exit, output.ToString(), error.ToString(), path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void JsonLinesInputKeepsOrderAndReportsBadLinesByNumber()
    {
        var (exit, output, error, path) = RunEvents(
        [
            """{"id": "a", "text": "On 3 March 2021, gunmen killed two traders in Dalwa.", "published": "2021-03-04"}""",
            """{"id": "b", "text": broken""",
            """{"id": "c", "text": "Teachers protested in Marrow demanding unpaid wages.", "published": "2021-03-04"}""",
        ]);
        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"id\":\"a\"", lines[0]);
        Assert.Contains("\"Attack\"", lines[0]);
        Assert.StartsWith("{\"id\":\"c\"", lines[1]);
        Assert.Contains("\"Peaceful protest\"", lines[1]);
        var message = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{path}:2", message);
    }

    [Fact]
    public void TraceTellsWhichCandidateWasDroppedAndWhy()
    {
        var (exit, output, error, _) = RunEvents(
            ["""{"id": "old", "text": "On 3 March 2009, gunmen killed two traders in Dalwa, residents recalled.", "published": "2021-03-04"}"""],
            "--trace");
        Assert.Equal(0, exit);
        Assert.Contains("\"events\":[]", output);
        var trace = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("trace: old: dropped (history", trace);
        Assert.Contains("gunmen killed two traders", trace);
    }
}
