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

    public void Process(Document document)
    {
        var sentences = SentenceTokens(document);
        var words = sentences.Select(sentence => (IReadOnlyList<string>)sentence.Select(document.TokenText).ToArray()).ToList();
        var spans = Model.Tag(words);
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var span in spans[s])
            {
                var characters = new TextSpan(sentences[s][span.Start].Start, sentences[s][span.End - 1].End);
                document.Entities.Add(new LabeledSpan(characters, span.Type, document[characters]));
            }
        }
    }

    /// <summary>The tokens of each sentence; a document without sentences is one sentence.</summary>
    private static List<List<Token>> SentenceTokens(Document document)
    {
        if (document.Sentences.Count == 0)
        {
            return document.Tokens.Count == 0 ? [] : [[.. document.Tokens]];
        }

        var result = new List<List<Token>>();
        var next = 0;
        foreach (var sentence in document.Sentences)
        {
            while (next < document.Tokens.Count && document.Tokens[next].Start < sentence.Start)
            {
                next++;
            }

            var tokens = new List<Token>();
            while (next < document.Tokens.Count && document.Tokens[next].End <= sentence.End)
            {
                tokens.Add(document.Tokens[next++]);
            }

            if (tokens.Count > 0)
            {
                result.Add(tokens);
            }
        }

        return result;
    }
}
