using Vigil.Language;

namespace Vigil.Events;

/// <summary>
/// Tags the parts words play in an incident: the counts of the KILLED and INJURED, the PERP who acted, the TARGET
/// acted on, and named or described VICTIMs, into <see cref="Document.Roles"/>. A sequence model (the entity tagger's
/// averaged perceptron over BILOU tags) trained on the spans marked in the team-written event corpus
/// (`vigil train roles`). The casualty stage reads it where its own patterns find no count.
/// </summary>
public sealed class RoleTagger(NerModel model) : IDocumentComponent
{
    public const string ModelFileName = "roles.bin";

    /// <summary>The roles the tagger learns, as the corpus marks them (`{killed:...}`) and as its layer labels them.</summary>
    public static readonly IReadOnlyDictionary<string, string> LabelOfRole = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["killed"] = "KILLED",
        ["injured"] = "INJURED",
        ["perp"] = "PERP",
        ["target"] = "TARGET",
        ["victim"] = "VICTIM",
    };

    private static readonly Lazy<RoleTagger?> ShippedTagger = new(() =>
        ModelFiles.Folder() is { } folder && File.Exists(Path.Combine(folder, ModelFileName)) ? new RoleTagger(NerModel.Load(Path.Combine(folder, ModelFileName))) : null);

    /// <summary>The tagger with the shipped model (models/roles.bin), loaded once per process; null when it is not there.</summary>
    public static RoleTagger? Shipped() => ShippedTagger.Value;

    public NerModel Model { get; } = model;

    public void Process(Document document) => document.AddTaggedSpans(Model, document.Roles);

    /// <summary>The roles in some sentences of a document only, for a stage that needs them for one incident.</summary>
    public List<LabeledSpan> Tag(Document document, IEnumerable<TextSpan> sentences)
    {
        // Each sentence alone, as the casualty stage has always read them: the model's casing features look across
        // whatever it is given at once.
        var part = new List<LabeledSpan>();
        foreach (var sentence in sentences)
        {
            var tokens = document.Tokens.Where(t => sentence.Contains(t.Span)).ToList();
            if (tokens.Count > 0)
            {
                document.AddTaggedSpans(Model, part, [tokens]);
            }
        }

        return part;
    }
}
