using System.IO.Hashing;
using System.Text;
using Vigil.Language;

namespace Vigil.Events.Training;

/// <summary>
/// Trains the role tagger (<see cref="RoleTagger"/>) on the spans the event corpus marks: each example becomes one
/// document of tokenized sentences, its tokens tagged IOB2 with the role whose span covers them. One example in ten,
/// chosen by a hash of its text so the split never moves, is held out to choose the number of epochs and to report
/// precision and recall per role.
/// </summary>
public static class RoleTaggerTrainer
{
    /// <summary>Every tenth example by text hash is held out.</summary>
    private const int HeldOutOneIn = 10;

    public static bool IsHeldOut(CorpusExample example) =>
        XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(example.Text)) % HeldOutOneIn == 0;

    /// <summary>An example as a document of CoNLL sentences tagged with the roles the tagger learns (other roles, such as place and date, stay O).</summary>
    public static List<ConllSentence> ToDocument(CorpusExample example)
    {
        var document = new Document(example.Text);
        new Tokenizer().Process(document);
        new SentenceSplitter().Process(document);
        var sentences = new List<ConllSentence>();
        foreach (var tokens in document.TokensBySentence())
        {
            var words = tokens.Select(document.TokenText).ToArray();
            var tags = new string[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                var role = example.Spans.FirstOrDefault(s => RoleTagger.LabelOfRole.ContainsKey(s.Role) && s.Span.Overlaps(tokens[i].Span));
                tags[i] = role is null ? EntityTags.Outside
                    : (i > 0 && role.Span.Overlaps(tokens[i - 1].Span) ? "I-" : "B-") + RoleTagger.LabelOfRole[role.Role];
            }

            sentences.Add(new ConllSentence(words, tags));
        }

        return sentences;
    }

    /// <summary>Trains on the examples that are not held out, choosing the epoch on those that are; returns the model
    /// and its scores on the held-out examples. The model is not refitted with them, so the scores are the shipped model's.</summary>
    public static (NerModel Model, EntityScorer HeldOut) Train(IReadOnlyList<CorpusExample> examples, Gazetteer gazetteer, NerTrainingOptions options, Action<string>? log = null)
    {
        var marked = examples.Where(e => e.Spans.Any(s => RoleTagger.LabelOfRole.ContainsKey(s.Role)) || e.Label == EventCorpus.NoEvent).ToList();
        var train = marked.Where(e => !IsHeldOut(e)).Select(e => (IReadOnlyList<ConllSentence>)ToDocument(e)).ToList();
        var heldOut = marked.Where(IsHeldOut).Select(e => (IReadOnlyList<ConllSentence>)ToDocument(e)).ToList();
        log?.Invoke($"{train.Count:N0} training and {heldOut.Count:N0} held-out examples");
        var model = NerTrainer.Train(train, heldOut, gazetteer, options with { RefitWithDev = false, TwoPass = false }, log);
        var scorer = new EntityScorer();
        foreach (var document in heldOut)
        {
            var predicted = model.TagBilou(document.Select(s => (IReadOnlyList<string>)s.Tokens).ToList());
            for (var s = 0; s < document.Count; s++)
            {
                scorer.Add(document[s].Tags, predicted[s]);
            }
        }

        return (model, scorer);
    }
}
