using Vigil.Cli;

namespace Vigil.Tests.Events;

public class EventsCommandTests
{
    [Fact]
    public void JsonLinesInputKeepsOrderAndReportsBadLinesByNumber()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-events-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id": "a", "text": "On 3 March 2021, gunmen killed two traders in Dalwa.", "published": "2021-03-04"}""",
            """{"id": "b", "text": broken""",
            """{"id": "c", "text": "Teachers protested in Marrow demanding unpaid wages.", "published": "2021-03-04"}""",
        ]);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = Program.Run(["events", "--input", path], output, error);
            Assert.Equal(1, exit);
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("{\"id\":\"a\"", lines[0]);
            Assert.Contains("\"Attack\"", lines[0]);
            Assert.StartsWith("{\"id\":\"c\"", lines[1]);
            Assert.Contains("\"Peaceful protest\"", lines[1]);
            var message = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains($"{path}:2", message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TraceTellsWhichCandidateWasDroppedAndWhy()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-events-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path,
        [
            """{"id": "old", "text": "On 3 March 2009, gunmen killed two traders in Dalwa, residents recalled.", "published": "2021-03-04"}""",
        ]);
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(0, Program.Run(["events", "--input", path, "--trace"], output, error));
            Assert.Contains("\"events\":[]", output.ToString());
            var trace = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("trace: old: dropped (history", trace);
            Assert.Contains("gunmen killed two traders", trace);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
