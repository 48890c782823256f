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

    // A page's title-case headline tells the lead's incident; its capitals name no place ("at Protesters in Kenya Capital").
    [Theory]
    [InlineData("Police Fire Tear Gas at Protesters in Kenya Capital\n\nNAIROBI - Kenyan police fired tear gas on Tuesday to disperse hundreds of protesters in Nairobi who were demonstrating against new taxes.\n\nWitnesses said at least 30 people were arrested.", "Nairobi")]
    [InlineData("Gunmen Attack Church in Kaduna State, Kill Worshipper\n\nGunmen stormed a church in Kajuru during Sunday service, killing one worshipper and abducting several others, police said.", "Kajuru")]
    [InlineData("Israeli Strike Kills 5 in Southern Lebanon\n\nBEIRUT - An Israeli airstrike on a car in the southern Lebanese town of Nabatieh killed five people on Saturday, Lebanon's health ministry said.", "Nabatîyé et Tahta")]
    public void ATitleCaseHeadlineTellsTheLeadsIncidentAndItsCapitalsNameNoPlace(string text, string place)
    {
        var record = System.Text.Json.JsonSerializer.Serialize(new { id = "h", text, published = "2024-03-12" });
        var (exit, output, _, _) = RunEvents([record]);
        Assert.Equal(0, exit);
        using var parsed = System.Text.Json.JsonDocument.Parse(output);
        var only = Assert.Single(parsed.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal(place, only.GetProperty("location").GetProperty("name").GetString());
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
