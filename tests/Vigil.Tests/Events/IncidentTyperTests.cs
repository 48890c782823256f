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

    [Theory]
    [InlineData("Protests erupt in Dalwa following the arrest of the opposition leader and 100 others.", "Protests", "Protests erupt in Dalwa")]
    [InlineData("Hundreds rally outside the consulate in Dalwa, in opposition to the plan to sell the island.", "rally", "Hundreds rally outside the consulate in Dalwa")]
    [InlineData("Gunmen kill six farmers in Dalwa days after a raid on their village.", "kill", "Gunmen kill six farmers in Dalwa")]
    public void TheLeadsMainClauseIsReadWithoutItsBackground(string sentence, string cue, string clause) =>
        Assert.Equal(clause, IncidentTyper.MainClause(sentence, sentence.IndexOf(cue, StringComparison.Ordinal)));

    [Theory]
    [InlineData("After a week of talks, gunmen killed six farmers in Dalwa.", "killed")]
    [InlineData("Gunmen killed six farmers in Dalwa on Monday.", "killed")]
    public void ALeadWithNoBackgroundAfterItsActHasNoCut(string sentence, string cue) =>
        Assert.Null(IncidentTyper.MainClause(sentence, sentence.IndexOf(cue, StringComparison.Ordinal)));

    [Theory]
    [InlineData("A man has been arrested after the mayor of Dalwa was stabbed on stage.", "arrested", "the mayor of Dalwa was stabbed on stage.")]
    [InlineData("Protests erupt in Dalwa following the arrest of the opposition leader.", "Protests", "the arrest of the opposition leader.")]
    public void TheClauseAfterTheCutIsReadOnItsOwn(string sentence, string cue, string clause) =>
        Assert.Equal(clause, IncidentTyper.LaterClause(sentence, sentence.IndexOf(cue, StringComparison.Ordinal)));

    private static IncidentPrediction Reading(params (string Label, double Probability)[] ranked) =>
        new(ranked[0].Label, ranked[0].Probability, ranked.FirstOrDefault(r => r.Label == "none").Probability,
            [.. ranked.Select(r => new LabelProbability(r.Label, r.Probability))]);

    [Fact]
    public void ABombingWhoseBombWasSetDownIsARemoteExplosive()
    {
        var read = Reading(("Air/drone strike", 0.5), ("Remote explosive/landmine/IED", 0.3), ("none", 0.2));
        var retyped = IncidentTyper.ABombSetDown(read, [Cue.Explosion, Cue.Kill], [Cue.Explosion, Cue.Kill, Cue.Ied]);
        Assert.Equal(("Remote explosive/landmine/IED", 0.8), (retyped.BestSubType.Label, Math.Round(retyped.BestSubType.Probability, 3)));
    }

    [Theory]
    [InlineData("Explosion Kill", "Explosion Kill")]
    [InlineData("Explosion Airstrike", "Explosion Airstrike Ied")]
    [InlineData("Explosion", "Explosion Ied Shelling")]
    public void ABombingIsRetypedOnlyWhenItsBombWasSetDownAndNothingWasDropped(string lead, string incident)
    {
        static Cue[] Cues(string names) => [.. names.Split(' ').Select(Enum.Parse<Cue>)];
        var read = Reading(("Air/drone strike", 0.5), ("Remote explosive/landmine/IED", 0.3), ("none", 0.2));
        Assert.Equal("Air/drone strike", IncidentTyper.ABombSetDown(read, Cues(lead), Cues(incident)).BestSubType.Label);
    }
}
