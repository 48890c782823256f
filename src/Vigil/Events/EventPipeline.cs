using Vigil.Articles;
using Vigil.Language;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>
/// The whole composition from a page's article to its events: tokenizer, sentence splitter, the entity recognizer
/// when one is available, then the event extractor with the place resolver when one is available. The one place where
/// the trained entity model and the gazetteer are plugged in.
/// </summary>
public sealed class EventPipeline
{
    private readonly Pipeline language;
    private readonly EventExtractor extractor;

    public EventPipeline(IDocumentComponent? entityRecognizer = null, IPlaceResolver? placeResolver = null)
    {
        var components = new List<IDocumentComponent> { new Tokenizer(), new SentenceSplitter() };
        if (entityRecognizer is not null)
        {
            components.Add(entityRecognizer);
        }

        language = new Pipeline(components);
        extractor = new EventExtractor(placeResolver);
    }

    /// <summary>The full pipeline: the shipped entity model (models/ner.bin) and the installed gazetteer (.build/gazetteer).</summary>
    public static EventPipeline CreateDefault() => new(EntityRecognizer.Shipped(), new PlaceResolver());

    public IReadOnlyList<ConflictEvent> Extract(Article article)
    {
        var document = language.Run(article.ToDocument());
        return extractor.Extract(document, ParsePublished(article.Published));
    }

    /// <summary>Events of a bare text (a coder's note, a paragraph) published on a given day.</summary>
    public IReadOnlyList<ConflictEvent> Extract(string text, DateOnly? published, string? source = null)
    {
        var document = new Document(text, source);
        document.Paragraphs.Add(new TextSpan(0, text.Length));
        language.Run(document);
        return extractor.Extract(document, published);
    }

    /// <summary>The day of an ISO date or date-time ("2020-05-08", "2020-05-08T10:00:00+02:00"); null otherwise.</summary>
    public static DateOnly? ParsePublished(string? published) =>
        published is { Length: >= 10 } && DateOnly.TryParseExact(published[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
}
