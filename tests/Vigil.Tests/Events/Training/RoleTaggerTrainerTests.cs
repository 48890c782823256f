using Vigil.Events.Training;

namespace Vigil.Tests.Events.Training;

public class RoleTaggerTrainerTests
{
    [Fact]
    public void AnExampleBecomesTaggedSentencesOfItsRolesOnly()
    {
        var example = EventCorpus.ParseLine("Armed clash\twire\twest-africa\t{killed:Three soldiers} died when {perp:JNIM fighters} attacked a post in {place:Gao}. {injured:Two} were hurt.", "test:1");
        var document = RoleTaggerTrainer.ToDocument(example);

        Assert.Equal(2, document.Count);
        Assert.Equal(
            ["B-KILLED", "I-KILLED", "O", "O", "B-PERP", "I-PERP", "O", "O", "O", "O", "O", "O"],
            document[0].Tags);
        Assert.Equal(["B-INJURED", "O", "O", "O"], document[1].Tags);
    }

    [Fact]
    public void TheHeldOutTenthDependsOnTheTextAlone()
    {
        var examples = Enumerable.Range(0, 400)
            .Select(i => EventCorpus.ParseLine($"none\twire\teurope\tSentence number {i} about the weather.", $"t:{i}"))
            .ToList();
        var heldOut = examples.Count(RoleTaggerTrainer.IsHeldOut);

        Assert.InRange(heldOut, 20, 60);
        Assert.Equal(examples.Select(RoleTaggerTrainer.IsHeldOut), examples.Select(e => RoleTaggerTrainer.IsHeldOut(e with { Origin = "elsewhere" })));
    }
}
