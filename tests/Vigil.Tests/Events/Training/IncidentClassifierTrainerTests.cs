using Vigil.Events;
using Vigil.Events.Training;

namespace Vigil.Tests.Events.Training;

public class IncidentClassifierTrainerTests
{
    /// <summary>A slice of the written corpus: the first 40 examples of each label, without rule hints, for speed.</summary>
    private static readonly Lazy<List<TrainingItem>> Slice = new(() =>
    {
        var examples = EventCorpus.ReadFolder(EventCorpusTests.CorpusFolder()).GroupBy(e => e.Label).SelectMany(g => g.Take(40)).ToList();
        return IncidentClassifierTrainer.Prepare(examples, _ => []);
    });

    private static readonly IncidentTrainingOptions Quick = new() { Epochs = 4, Folds = 3, Orderings = 1 };

    [Fact]
    public void TheSameCorpusAndSeedGiveTheSameModel()
    {
        var first = IncidentClassifierTrainer.Train(Slice.Value, Quick);
        var second = IncidentClassifierTrainer.Train(Slice.Value, Quick);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Version, second.Version);

        var reseeded = IncidentClassifierTrainer.Train(Slice.Value, Quick with { Seed = 2 });
        Assert.NotEqual(first.Weights, reseeded.Weights);
    }

    [Fact]
    public void AveragingFromTheLastEpochIsTheLastEpochsWeightsAndFromEarlierIsNot()
    {
        var last = IncidentClassifierTrainer.Train(Slice.Value, Quick with { AverageFrom = -1 });
        var averagedOverOne = IncidentClassifierTrainer.Train(Slice.Value, Quick with { AverageFrom = Quick.Epochs - 1 });
        Assert.Equal(last.Weights, averagedOverOne.Weights);

        var averagedOverAll = IncidentClassifierTrainer.Train(Slice.Value, Quick with { AverageFrom = 0 });
        Assert.NotEqual(last.Weights, averagedOverAll.Weights);
    }

    [Fact]
    public void TheSameExamplesInAnotherOrderGiveTheSameModel()
    {
        var reversed = Slice.Value.AsEnumerable().Reverse().ToList();
        var options = Quick with { ContextCopies = 0.5 };
        var model = IncidentClassifierTrainer.Train(Slice.Value, options);
        var fromReversed = IncidentClassifierTrainer.Train(reversed, options);
        Assert.Equal(model.Weights, fromReversed.Weights);
        Assert.Equal(model.Version, fromReversed.Version);
        var folds = IncidentClassifierTrainer.Folds(Slice.Value, 3, 1);
        var reversedFolds = IncidentClassifierTrainer.Folds(reversed, 3, 1);
        Assert.Equal(folds, reversedFolds.Reverse());
    }

    [Fact]
    public void AModelOfTwoOrderingsIsTheMeanOfTheTwoRunsItAverages()
    {
        var first = IncidentClassifierTrainer.Train(Slice.Value, Quick);
        var second = IncidentClassifierTrainer.Train(Slice.Value, Quick with { Seed = Quick.Seed + 7919 });
        var both = IncidentClassifierTrainer.Train(Slice.Value, Quick with { Orderings = 2 });
        Assert.NotEqual(first.Weights, second.Weights);
        Assert.Equal(first.Weights.Length, both.Weights.Length);
        for (var i = 0; i < both.Weights.Length; i++)
        {
            Assert.Equal((first.Weights[i] + second.Weights[i]) / 2, both.Weights[i], 1e-5f);
        }
    }

    [Fact]
    public void ASavedModelLoadsAndReadsAsBefore()
    {
        var model = IncidentClassifierTrainer.Train(Slice.Value, Quick, temperature: 0.9);
        var path = Path.Combine(Path.GetTempPath(), $"vigil-events-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = IncidentClassifier.Load(path);
            Assert.Equal(model.LabelSet, loaded.LabelSet);
            Assert.Equal(0.9, loaded.Temperature);
            const string Text = "Rebels fired mortar rounds at the army barracks overnight, wounding four soldiers.";
            var before = model.Classify(Text);
            var after = loaded.Classify(Text);
            Assert.Equal(before.Label, after.Label);
            Assert.Equal(before.Probability, after.Probability, 2);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ATruncatedModelFileIsACleanError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-events-{Guid.NewGuid():N}.bin");
        try
        {
            IncidentClassifierTrainer.Train(Slice.Value, Quick).Save(path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var error = Assert.ThrowsAny<Exception>(() => IncidentClassifier.Load(path));
            Assert.True(error is InvalidDataException or EndOfStreamException, error.GetType().Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CrossValidationHoldsOutEveryExampleOnceAndReportsEveryLabel()
    {
        var folds = IncidentClassifierTrainer.Folds(Slice.Value, 3, 1);
        Assert.All(Enumerable.Range(0, 3), fold => Assert.Contains(fold, folds));
        foreach (var label in Slice.Value.GroupBy(i => i.Label))
        {
            // Stratified: each label is spread over the folds within one example.
            var perFold = label.Select(i => folds[Slice.Value.IndexOf(i)]).GroupBy(f => f).Select(g => g.Count()).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1);
        }

        var report = IncidentClassifierTrainer.CrossValidate(Slice.Value, Quick);
        Assert.Equal(26, report.PerLabel.Count);
        Assert.InRange(report.MacroF1, 0.3, 1.0);
        Assert.Equal(Slice.Value.Count, report.Reliability.Sum(r => r.Count));
        Assert.InRange(report.Temperature, 0.3, 4.0);
    }

    [Fact]
    public void ContextCopiesKeepTheIncidentsLabelAndBorrowOnlyAQuietSentence()
    {
        var none = Array.IndexOf(IncidentClassifierTrainer.LabelOrder(), EventCorpus.NoEvent);
        var incidents = Slice.Value.Count(i => i.Label != none);
        var options = Quick with { ContextCopies = 0.5 };

        var copies = IncidentClassifierTrainer.WithContext(Slice.Value, options);

        Assert.InRange(copies.Count, incidents * 0.35, incidents * 0.65);
        Assert.All(copies, copy => Assert.NotEqual(none, copy.Label));
        var quietOpenings = Slice.Value.Where(i => i.Label == none).Select(i => i.Example.Text).ToList();
        foreach (var copy in copies)
        {
            var original = Slice.Value.Single(i => i.Label == copy.Label && copy.Example.Text.Contains(i.Example.Text, StringComparison.Ordinal)
                && i.Example.Origin == copy.Example.Origin && i.Example.Region == copy.Example.Region);
            var borrowed = copy.Example.Text.Replace(original.Example.Text, string.Empty, StringComparison.Ordinal).Trim();
            Assert.Contains(quietOpenings, quiet => quiet.StartsWith(borrowed, StringComparison.Ordinal));
            Assert.Equal(original.Hints, copy.Hints);
        }

        Assert.Equal(copies.Select(c => c.Example.Text), IncidentClassifierTrainer.WithContext(Slice.Value, options).Select(c => c.Example.Text));
        Assert.Empty(IncidentClassifierTrainer.WithContext(Slice.Value, Quick with { ContextCopies = 0 }));
    }

    [Fact]
    public void ContextCopiesChangeTheModelButNotItsFeatureSet()
    {
        var plain = IncidentClassifierTrainer.Train(Slice.Value, Quick with { ContextCopies = 0 });
        var copied = IncidentClassifierTrainer.Train(Slice.Value, Quick with { ContextCopies = 0.5 });
        Assert.Equal(plain.FeatureHashes, copied.FeatureHashes);
        Assert.NotEqual(plain.Weights, copied.Weights);
    }

    [Theory]
    [InlineData("Residents protested in Dalwa on Monday over repeated power cuts, police said.", "power", "police")]
    [InlineData("Women marched to condemn the drone strikes on their villages and then went home.", "drone", "home")]
    public void AProtestsGrievanceHasWordsOfItsOwnToTheClausesEnd(string text, string grievanceWord, string laterWord)
    {
        var names = new List<string>();
        IncidentFeatures.Extract(text, null, names);
        Assert.Contains($"gw:{grievanceWord}", names);
        Assert.DoesNotContain($"w:{grievanceWord}", names);
        Assert.Contains($"w:{laterWord}", names);
    }
}

