using Vigil.Language;

namespace Vigil.Tests.Language;

/// <summary>Training, saving and loading on tiny hand-written data, and the tag and scoring helpers.</summary>
public sealed class NerTrainerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-ner-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string Training = """
        Karim B-PER
        Nassar I-PER
        visited O
        Tarsville B-LOC
        . O

        Dana B-PER
        Roux I-PER
        left O
        Brackton B-LOC
        . O

        The O
        Harbour B-ORG
        Council I-ORG
        thanked O
        Dana B-PER
        Roux I-PER
        . O

        Karim B-PER
        Nassar I-PER
        joined O
        the O
        Mill B-ORG
        Council I-ORG
        in O
        Brackton B-LOC
        . O

        """;

    private static NerModel TrainTiny(Gazetteer? gazetteer = null)
    {
        var documents = ConllReader.ReadDocuments(Training.Split('\n'));
        return NerTrainer.Train(documents.Cast<IReadOnlyList<ConllSentence>>().ToList(), documents.Cast<IReadOnlyList<ConllSentence>>().ToList(),
            gazetteer ?? new Gazetteer(), new NerTrainingOptions { MaxEpochs = 10 });
    }

    [Fact]
    public void ATinyModelLearnsItsTrainingSentences()
    {
        var model = TrainTiny();
        var spans = model.Tag([["Dana", "Roux", "visited", "Tarsville", "."]])[0];
        Assert.Equal([new TokenSpan(0, 2, "PER"), new TokenSpan(3, 4, "LOC")], spans);
    }

    [Fact]
    public void ATinyModelGeneralisesFromContext()
    {
        var model = TrainTiny();
        var spans = model.Tag([["The", "Quarry", "Council", "thanked", "Karim", "Nassar", "."]])[0];
        Assert.Contains(new TokenSpan(1, 3, "ORG"), spans);
        Assert.Contains(new TokenSpan(4, 6, "PER"), spans);
    }

    [Fact]
    public void ASavedModelLoadsAndTagsTheSame()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList("cities", ["Tarsville", "New Brackton"]);
        var model = TrainTiny(gazetteer);
        var path = Path.Combine(folder, "tiny.bin");
        model.Save(path);
        var loaded = NerModel.Load(path);
        string[][] sentences = [["Karim", "Nassar", "left", "Tarsville", "."], ["Dana", "Roux", "joined", "the", "Harbour", "Council", "."]];
        Assert.Equal(model.Tag(sentences).Select(s => s.ToArray()), loaded.Tag(sentences).Select(s => s.ToArray()));
        Assert.Equal(model.TagSet, loaded.TagSet);
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        var path1 = Path.Combine(folder, "one.bin");
        var path2 = Path.Combine(folder, "two.bin");
        TrainTiny().Save(path1);
        TrainTiny().Save(path2);
        Assert.Equal(File.ReadAllBytes(path1), File.ReadAllBytes(path2));
    }

    [Fact]
    public void AFileThatIsNotAModelIsRefused()
    {
        var path = Path.Combine(folder, "bad.bin");
        File.WriteAllBytes(path, new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        Assert.ThrowsAny<Exception>(() => NerModel.Load(path));
    }
}

public sealed class EntityTagsTests
{
    [Fact]
    public void SpansReadIob2AndBilou()
    {
        Assert.Equal([new TokenSpan(0, 2, "PER"), new TokenSpan(3, 4, "LOC")], EntityTags.Spans(["B-PER", "I-PER", "O", "B-LOC"]));
        Assert.Equal([new TokenSpan(0, 2, "PER"), new TokenSpan(2, 3, "LOC")], EntityTags.Spans(["B-PER", "L-PER", "U-LOC"]));
    }

    [Fact]
    public void SpansReadStrayInsideTagsAsConllevalDoes()
    {
        // An I- after O, or after another type, opens a new entity.
        Assert.Equal([new TokenSpan(1, 2, "ORG"), new TokenSpan(2, 4, "LOC")], EntityTags.Spans(["O", "I-ORG", "I-LOC", "I-LOC"]));
        // B- after an entity of the same type starts a second one.
        Assert.Equal([new TokenSpan(0, 1, "PER"), new TokenSpan(1, 2, "PER")], EntityTags.Spans(["B-PER", "B-PER"]));
    }

    [Fact]
    public void BilouRoundTripsThroughIob2()
    {
        string[] iob = ["B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "B-PER", "I-PER"];
        var bilou = EntityTags.ToBilou(iob);
        Assert.Equal(["B-ORG", "I-ORG", "L-ORG", "O", "U-PER", "B-PER", "L-PER"], bilou);
        Assert.Equal(iob, EntityTags.ToIob2(iob.Length, EntityTags.Spans(bilou)));
    }

    [Fact]
    public void OnlyWellFormedBilouStepsAreAllowed()
    {
        Assert.True(EntityTags.MayFollow("B-PER", "L-PER"));
        Assert.False(EntityTags.MayFollow("B-PER", "L-ORG"));
        Assert.False(EntityTags.MayFollow("O", "I-PER"));
        Assert.False(EntityTags.MayFollow(null, "L-LOC"));
        Assert.False(EntityTags.MayFollow("I-LOC", null));
        Assert.True(EntityTags.MayFollow("U-LOC", null));
    }
}

public sealed class EntityScorerTests
{
    [Fact]
    public void OnlyExactSpanAndTypeCount()
    {
        var scorer = new EntityScorer();
        scorer.Add(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "O", "O", "B-LOC"]);
        scorer.Add(["B-ORG", "I-ORG"], ["B-ORG", "I-ORG"]);
        scorer.Add(["B-LOC"], ["B-ORG"]);
        var overall = scorer.Overall;
        Assert.Equal((4, 4, 2), (overall.Gold, overall.Predicted, overall.Correct));
        Assert.Equal(0.5, overall.F1, 6);
        var loc = scorer.ByType.Single(row => row.Type == "LOC");
        Assert.Equal((2, 1, 1), (loc.Gold, loc.Predicted, loc.Correct));
        Assert.Equal(2.0 / 3, loc.F1, 6);
        Assert.Contains("overall", scorer.Report());
    }
}

public sealed class ConllReaderTests
{
    [Fact]
    public void DocstartLinesSeparateDocuments()
    {
        var documents = ConllReader.ReadDocuments(["-DOCSTART- -X- O", "", "Aleppo B-LOC", ". O", "", "-DOCSTART- -X- O", "", "Hama B-LOC", "", "Homs B-LOC"]);
        Assert.Equal(2, documents.Count);
        Assert.Single(documents[0]);
        Assert.Equal(2, documents[1].Count);
        Assert.Equal(["Aleppo", "."], documents[0][0].Tokens);
        Assert.Equal(["B-LOC", "O"], documents[0][0].Tags);
    }

    [Fact]
    public void AFileWithoutDocstartIsOneDocument()
    {
        var documents = ConllReader.ReadDocuments(["Aleppo B-LOC", "", "Hama B-LOC"]);
        Assert.Single(documents);
        Assert.Equal(2, documents[0].Count);
    }

    [Fact]
    public void AMalformedTagIsAFormatError() =>
        Assert.Throws<FormatException>(() => ConllReader.ReadDocuments(["Aleppo LOCATION"]));
}

public sealed class GazetteerTests
{
    [Fact]
    public void MatchesTheLongestEntryCaseSensitively()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList("cities", ["Hit", "New York", "York"]);
        var positions = gazetteer.Match(["They", "hit", "New", "York", "and", "Hit", "."]);
        Assert.Equal(new byte[] { 0, 0, 1, 3, 0, 4, 0 }, positions);
    }

    [Fact]
    public void AllCapitalWordsMatchInTitleCase()
    {
        var gazetteer = new Gazetteer();
        gazetteer.AddList("countries", ["Syria"]);
        Assert.Equal(new byte[] { 4, 0 }, gazetteer.Match(["SYRIA", "TALKS"]));
    }
}
