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

    public EventPipeline(IDocumentComponent? entityRecognizer = null, IPlaceResolver? placeResolver = null, IncidentClassifier? classifier = null, RoleTagger? roleTagger = null)
    {
        var components = new List<IDocumentComponent> { new Tokenizer(), new SentenceSplitter() };
        if (entityRecognizer is not null)
        {
            components.Add(entityRecognizer);
        }

        language = new Pipeline(components);
        extractor = new EventExtractor(placeResolver, classifier, roleTagger);
    }

    /// <summary>The full pipeline: the shipped entity model (models/ner.bin), the installed gazetteer (.build/gazetteer) and
    /// the trained incident classifier (models/events.bin) and role tagger (models/roles.bin) when they are there.</summary>
    public static EventPipeline CreateDefault() => new(EntityRecognizer.Shipped(), new PlaceResolver(), IncidentClassifier.Shipped(), RoleTagger.Shipped());

    /// <summary>Told of each candidate incident dropped, and why (see <see cref="EventExtractor.OnDropped"/>).</summary>
    public Action<DroppedIncident>? OnDropped
    {
        get => extractor.OnDropped;
        set => extractor.OnDropped = value;
    }

    /// <summary>The versions of the model ("rules" when the rules decide alone) and of the lexicon that code events.</summary>
    public string CoderVersion => extractor.CoderVersion;

    public IReadOnlyList<ConflictEvent> Extract(Article article)
    {
        if (!IsCodable(article))
        {
            return [];
        }

        var document = language.Run(article.ToDocument());
        return extractor.Extract(document, ParsePublished(article.Published));
    }

    /// <summary>The cue lexicon and the model are English: a page identified as another language is stored but not coded.
    /// A page whose language could not be told (too short, mixed) is coded.</summary>
    public static bool IsCodable(Article article) => article.Language is null || article.Language == "en";

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
