namespace Vigil.Language;

/// <summary>
/// Finds named entities (PER, ORG, LOC, MISC) in a document that has tokens and sentences, and adds them to
/// <see cref="Document.Entities"/> with their character spans. Casing elsewhere in the same document is one of the
/// model's features, so a whole document is tagged at once.
/// </summary>
public sealed class EntityRecognizer(NerModel model) : IDocumentComponent
{
    public const string ModelFileName = "ner.bin";

    private static readonly Lazy<NerModel> ShippedModel = new(() => NerModel.Load(ModelFiles.Find(ModelFileName)));

    /// <summary>A recognizer with the shipped model (models/ner.bin), loaded once per process.</summary>
    public static EntityRecognizer Shipped() => new(ShippedModel.Value);

    public NerModel Model { get; } = model;

    public void Process(Document document) => document.AddTaggedSpans(Model, document.Entities);
}
