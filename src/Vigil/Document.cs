namespace Vigil;

/// <summary>A half-open range [Start, End) of character offsets into <see cref="Document.Text"/>.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public string Slice(string text) => text.Substring(Start, Length);
}

/// <summary>One token: its span and, for speed in later stages, nothing else; the text is sliced on demand.</summary>
public readonly record struct Token(int Start, int End)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>A labelled span, such as a named entity (label PER, ORG, LOC, MISC).</summary>
public sealed record LabeledSpan(TextSpan Span, string Label, string Text);

/// <summary>
/// The one document model every stage shares: a single immutable text, and annotation layers that refer to it by
/// character offsets only. Stages add layers; none rewrites the text, so every span stays valid for the whole pipeline.
/// </summary>
public sealed class Document
{
    public Document(string text, string? source = null)
    {
        Text = text;
        Source = source;
    }

    public string Text { get; }

    /// <summary>Where the text came from (a path, a URL, a record id), for messages and provenance.</summary>
    public string? Source { get; }

    /// <summary>The article metadata, when the text was produced by the article stage.</summary>
    public Articles.Article? Article { get; set; }

    public List<TextSpan> Paragraphs { get; } = [];

    public List<Token> Tokens { get; } = [];

    /// <summary>Sentence spans, in order, covering the tokens they contain.</summary>
    public List<TextSpan> Sentences { get; } = [];

    public List<LabeledSpan> Entities { get; } = [];

    /// <summary>The parts words play in an incident (KILLED and INJURED counts, PERP, TARGET, VICTIM), as the role tagger reads them.</summary>
    public List<LabeledSpan> Roles { get; } = [];

    /// <summary>Places mentioned in the text, resolved to the gazetteer, each with its <see cref="Places.ResolvedPlace.Mention"/>.</summary>
    public List<Places.ResolvedPlace> Places { get; } = [];

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    public string TokenText(Token token) => Text.Substring(token.Start, token.End - token.Start);

    /// <summary>The tokens of each sentence, for the taggers that read a sentence at a time; a document without sentences is one sentence.</summary>
    public List<List<Token>> TokensBySentence()
    {
        if (Sentences.Count == 0)
        {
            return Tokens.Count == 0 ? [] : [[.. Tokens]];
        }

        var result = new List<List<Token>>();
        var next = 0;
        foreach (var sentence in Sentences)
        {
            while (next < Tokens.Count && Tokens[next].Start < sentence.Start)
            {
                next++;
            }

            var tokens = new List<Token>();
            while (next < Tokens.Count && Tokens[next].End <= sentence.End)
            {
                tokens.Add(Tokens[next++]);
            }

            if (tokens.Count > 0)
            {
                result.Add(tokens);
            }
        }

        return result;
    }

    /// <summary>Tags each sentence with a sequence model and adds the spans it finds, as character spans, to <paramref name="layer"/>.</summary>
    public void AddTaggedSpans(Language.NerModel model, List<LabeledSpan> layer) => AddTaggedSpans(model, layer, TokensBySentence());

    /// <summary>As <see cref="AddTaggedSpans(Language.NerModel, List{LabeledSpan})"/>, over the given sentences' tokens only.</summary>
    public void AddTaggedSpans(Language.NerModel model, List<LabeledSpan> layer, List<List<Token>> sentences)
    {
        var words = sentences.Select(sentence => (IReadOnlyList<string>)sentence.Select(TokenText).ToArray()).ToList();
        var spans = model.Tag(words);
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var span in spans[s])
            {
                var characters = new TextSpan(sentences[s][span.Start].Start, sentences[s][span.End - 1].End);
                layer.Add(new LabeledSpan(characters, span.Type, this[characters]));
            }
        }
    }
}

/// <summary>One stage of the pipeline. A component reads the layers it needs and adds its own.</summary>
public interface IDocumentComponent
{
    void Process(Document document);
}

/// <summary>Runs components in order over a document, as spaCy's nlp pipeline does.</summary>
public sealed class Pipeline(IReadOnlyList<IDocumentComponent> components)
{
    public IReadOnlyList<IDocumentComponent> Components { get; } = components;

    public Document Run(Document document)
    {
        foreach (var component in Components)
        {
            component.Process(document);
        }

        return document;
    }
}
