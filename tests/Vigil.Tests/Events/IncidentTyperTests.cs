using Vigil.Events;

namespace Vigil.Tests.Events;

public class IncidentTyperTests
{
    [Theory]
    [InlineData("The army says its warplanes bombed a rebel camp near Bama.", "bombed", "its warplanes bombed a rebel camp near Bama.")]
    [InlineData("Local officials reported that gunmen killed six farmers.", "killed", "gunmen killed six farmers.")]
    [InlineData("According to the monitoring group, shelling wounded four children.", "shelling", "shelling wounded four children.")]
    public void ASourcesFrameIsReadOffTheClauseItReports(string sentence, string cue, string clause) =>
        Assert.Equal(clause, IncidentTyper.ReportedClause(sentence, sentence.IndexOf(cue, StringComparison.Ordinal)));

    [Theory]
    [InlineData("Gunmen killed six farmers, local officials said.", "killed")]
    [InlineData("The attack, which the ministry said killed six, was condemned.", "attack")]
    public void ASourceNamedAfterTheActIsNoFrame(string sentence, string cue) =>
        Assert.Null(IncidentTyper.ReportedClause(sentence, sentence.IndexOf(cue, StringComparison.Ordinal)));
}
