using Vigil.Events.Training;
using Vigil.Language;

namespace Vigil.Tests.Events.Training;

public class EventCorpusTests
{
    [Fact]
    public void MarkupBecomesPlainTextAndSpans()
    {
        var example = EventCorpus.ParseLine("Armed clash\twire\twest-africa\t{killed:Three soldiers} died when {perp:JNIM} attacked a post in {place:Gao}.", "test:1");
        Assert.Equal("Three soldiers died when JNIM attacked a post in Gao.", example.Text);
        Assert.Equal("Armed clash", example.Label);
        Assert.Collection(
            example.Spans,
            s => Assert.Equal(("killed", "Three soldiers"), (s.Role, s.Span.Slice(example.Text))),
            s => Assert.Equal(("perp", "JNIM"), (s.Role, s.Span.Slice(example.Text))),
            s => Assert.Equal(("place", "Gao"), (s.Role, s.Span.Slice(example.Text))));
    }

    [Theory]
    [InlineData("Armed clash\twire\tText with three fields only", "4 tab-separated fields")]
    [InlineData("Battle\twire\teurope\tTroops fought.", "neither an ACLED sub-type")]
    [InlineData("Attack\twire\teurope\t{shooter:A man} fired.", "unknown role 'shooter'")]
    [InlineData("Attack\twire\teurope\t{killed:A man was shot.", "unbalanced")]
    public void AMalformedLineNamesItsPlaceAndReason(string line, string reason)
    {
        var error = Assert.Throws<FormatException>(() => EventCorpus.ParseLine(line, "file.tsv:7"));
        Assert.StartsWith("file.tsv:7: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWrittenCorpusCoversEverySubTypeAndHardNegatives()
    {
        var examples = EventCorpus.ReadFolder(CorpusFolder());
        var counts = examples.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count());
        foreach (var subType in IncidentClassifierTrainer.LabelOrder())
        {
            Assert.True(counts.GetValueOrDefault(subType) >= 300, $"{subType}: {counts.GetValueOrDefault(subType)} examples, want at least 300");
        }

        Assert.True(counts[EventCorpus.NoEvent] >= 3000, $"none: {counts[EventCorpus.NoEvent]} examples, want at least 3,000");
        Assert.True(examples.Count >= 12000, $"{examples.Count} examples, want at least 12,000");
        Assert.Equal(examples.Count, examples.Select(e => e.Text.ToLowerInvariant()).Distinct().Count());
    }

    internal static string CorpusFolder() =>
        Path.Combine(Path.GetDirectoryName(ModelFiles.Folder()!)!, "data", "training", "events", "written");
}
