using System.Globalization;
using System.Text.RegularExpressions;

namespace Vigil.Places;

/// <summary>
/// Finds the places a document mentions and resolves them together, filling <see cref="Document.Places"/>. Mentions
/// come from the language stage's LOC entities when it ran, and otherwise from capitalised word sequences that the
/// gazetteer knows. Resolution is joint: the countries named (or implied by demonyms such as "Syrian") and the
/// places already resolved are the context that settles each ambiguous name.
/// </summary>
public sealed partial class PlaceRecognizer(PlaceResolver resolver) : IDocumentComponent
{
    private const int LongestName = 4;
    private const int PhraseWindow = 40;

    /// <summary>A village this small is only believed when the document's countries, a place phrase or an NER label back it.</summary>
    private const long UnbackedMinimumPopulation = 1000;

    /// <summary>A small place this near another place of the document, named with a designator, is backed by it.</summary>
    private const double NearAnotherPlaceKm = 50;

    /// <summary>Calendar words are capitalised in English, and many villages share their names.</summary>
    private static readonly HashSet<string> CalendarWords = new(
        CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Concat(CultureInfo.InvariantCulture.DateTimeFormat.DayNames)
            .Where(name => name.Length > 0).Select(name => name.ToLowerInvariant()),
        StringComparer.Ordinal);

    /// <summary>
    /// A capitalised word, possibly after an article joined by a hyphen ("al-Raqqa"), with inner apostrophes
    /// ("Ma'arrat") and hyphenated parts ("Deir ez-Zor"), but without a possessive "'s".
    /// </summary>
    [GeneratedRegex(@"(?:\b[a-z]{1,3}-)?\b\p{Lu}[\p{L}\p{M}]*(?:['’](?!s\b)[\p{L}\p{M}]+)*(?:-\p{L}[\p{L}\p{M}]*(?:['’](?!s\b)[\p{L}\p{M}]+)*)*")]
    private static partial Regex CapitalisedWord();

    /// <summary>Small words that may stand inside a multi-word place name ("Bab al Hawa", "Sant Julia de Loria").</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "es", "ed", "en", "de", "del", "da", "do", "dos", "das", "di", "du", "la", "le", "les", "los", "las", "of", "bin", "ibn", "abu", "bani", "beni", "wadi", "tal", "tel", "umm",
    };

    /// <summary>A recognizer over this installation's gazetteer (see <see cref="Gazetteer.Default"/>).</summary>
    public PlaceRecognizer()
        : this(new PlaceResolver(Gazetteer.Default))
    {
    }

    public PlaceResolver Resolver { get; } = resolver;

    public void Process(Document document)
    {
        var mentions = FindMentions(document);
        var countries = CountriesNamed(document, mentions);

        // First pass: each mention with the document's countries; second: also with the other places found.
        var first = mentions.Select(mention => Resolve(document, mention, countries, [])).ToList();
        var settled = first.OfType<ResolvedPlace>().ToList();
        foreach (var place in settled.Where(place => place.Precision != PlacePrecision.Country))
        {
            if (!countries.Contains(place.CountryCode, StringComparer.OrdinalIgnoreCase) && settled.Count(other => other.CountryCode == place.CountryCode) > 1)
            {
                countries.Add(place.CountryCode);
            }
        }

        for (var i = 0; i < mentions.Count; i++)
        {
            var others = settled.Where(place => place.Mention != mentions[i].Span).ToList();
            var resolved = Resolve(document, mentions[i], countries, others);
            if (resolved is not null)
            {
                document.Places.Add(resolved);
            }
        }
    }

    private ResolvedPlace? Resolve(Document document, PlaceMention mention, IReadOnlyList<string> countries, IReadOnlyList<ResolvedPlace> others)
    {
        var context = new PlaceContext(countries, others, PhraseBefore(document, mention.Span), mention.Labeled);
        var candidates = Resolver.Candidates(mention.Text, null, context);
        var best = candidates.FirstOrDefault();
        if (best is null || best.Score < PlaceResolver.MinimumScore)
        {
            return null;
        }

        // A respelling only counts in a country the document is about, or when the language stage saw a location.
        if (best.Match is NameMatch.Spelling or NameMatch.NearSpelling && !mention.Labeled && best.Entry.Kind != PlaceKind.Country
            && !countries.Contains(best.Entry.CountryCode, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var backed = mention.Labeled
            || PlacePhrase.HintBefore(context.PhraseBefore) != PlaceKindHint.None
            // "the Abu Salim district of Tripoli": the designator says it is a place, and the city beside it which one.
            || (PlaceNameKey.WithoutDesignator(mention.Text).Hint != PlaceKindHint.None && others.Any(other => other.CountryCode == best.Entry.CountryCode
                && other.Precision != PlacePrecision.Country && Geo.DistanceKm(other.Latitude, other.Longitude, best.Entry.Latitude, best.Entry.Longitude) <= NearAnotherPlaceKm))
            || countries.Contains(best.Entry.CountryCode, StringComparer.OrdinalIgnoreCase)
            || best.Entry.Kind != PlaceKind.Populated
            || best.Entry.Population >= UnbackedMinimumPopulation;
        return backed ? Resolver.BestReading(candidates) with { Mention = mention.Span } : null;
    }

    /// <summary>
    /// The context for resolving a name at <paramref name="mention"/> in a document this recognizer has processed:
    /// the countries among its places, its other places, and the phrase before the mention. For later stages
    /// (events) that resolve a place name they found themselves.
    /// </summary>
    public static PlaceContext ContextFor(Document document, TextSpan mention, bool labeledLocation = false)
    {
        var others = document.Places.Where(place => place.Mention is not { } span || !span.Overlaps(mention)).ToList();
        var countries = others.Select(place => place.CountryCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new PlaceContext(countries, others, PhraseBefore(document, mention), labeledLocation);
    }

    private static string PhraseBefore(Document document, TextSpan span)
    {
        var start = Math.Max(0, span.Start - PhraseWindow);
        var sentence = document.Sentences.FirstOrDefault(s => s.Contains(span));
        if (sentence != default)
        {
            start = Math.Max(start, sentence.Start);
        }

        return document.Text[start..span.Start];
    }

    /// <summary>Countries the document names, or implies with a demonym ("Syrian", "Nigerian").</summary>
    private List<string> CountriesNamed(Document document, List<PlaceMention> mentions)
    {
        var countries = new List<string>();
        foreach (var mention in mentions)
        {
            foreach (var hit in Resolver.Gazetteer.Find(mention.Text))
            {
                if (hit.Entry.Kind == PlaceKind.Country && hit.Match is NameMatch.Name or NameMatch.AlternateName && !countries.Contains(hit.Entry.CountryCode))
                {
                    countries.Add(hit.Entry.CountryCode);
                }
            }
        }

        foreach (Match word in CapitalisedWord().Matches(document.Text))
        {
            var country = Resolver.Gazetteer.CountryOfDemonym(word.Value);
            if (country is not null && !countries.Contains(country))
            {
                countries.Add(country);
            }
        }

        return countries;
    }

    private List<PlaceMention> FindMentions(Document document)
    {
        if (document.Entities.Count > 0)
        {
            return [.. document.Entities.Where(entity => entity.Label == "LOC").Select(entity => new PlaceMention(entity.Span, entity.Text, Labeled: true))];
        }

        var mentions = new List<PlaceMention>();
        foreach (var run in CapitalisedRuns(document))
        {
            var i = 0;
            while (i < run.Count)
            {
                var matched = 0;
                for (var length = Math.Min(LongestName, run.Count - i); length >= 1; length--)
                {
                    var span = new TextSpan(run[i].Start, run[i + length - 1].End);
                    var text = document[span];
                    // Calendar words and demonyms ("Syrian") are capitalised without being places.
                    if (length == 1 && (CalendarWords.Contains(text.ToLowerInvariant()) || Resolver.Gazetteer.CountryOfDemonym(text) is not null))
                    {
                        break;
                    }

                    if (Resolver.Gazetteer.Find(text).Count > 0)
                    {
                        mentions.Add(new PlaceMention(WithDesignator(document.Text, span), document[WithDesignator(document.Text, span)], Labeled: false));
                        matched = length;
                        break;
                    }
                }

                i += Math.Max(1, matched);
            }
        }

        return mentions;
    }

    /// <summary>Extends a mention over a designator that follows it ("Borno state", "Idlib Province"), which tells its kind.</summary>
    private static TextSpan WithDesignator(string text, TextSpan span)
    {
        var rest = text.AsSpan(span.End);
        var spaces = 0;
        while (spaces < rest.Length && rest[spaces] == ' ')
        {
            spaces++;
        }

        var length = 0;
        while (spaces + length < rest.Length && char.IsLetter(rest[spaces + length]))
        {
            length++;
        }

        if (spaces is 0 or > 1 || length == 0)
        {
            return span;
        }

        var word = rest.Slice(spaces, length).ToString();
        var extended = new TextSpan(span.Start, span.End + spaces + length);
        var (_, hint) = PlaceNameKey.WithoutDesignator(text[span.Start..extended.End]);
        return hint is PlaceKindHint.Admin1 or PlaceKindHint.Admin2 && !word.Equals("town", StringComparison.OrdinalIgnoreCase) ? extended : span;
    }

    /// <summary>
    /// Runs of capitalised words separated only by spaces or small connector words. When the language stage has
    /// tokenised the text, a word must start and end on token boundaries, so mentions agree with the tokens.
    /// </summary>
    private static List<List<TextSpan>> CapitalisedRuns(Document document)
    {
        var text = document.Text;
        var tokenStarts = document.Tokens.Select(token => token.Start).ToHashSet();
        var tokenEnds = document.Tokens.Select(token => token.End).ToHashSet();
        var runs = new List<List<TextSpan>>();
        List<TextSpan>? current = null;
        var lastEnd = -1;
        foreach (Match word in CapitalisedWord().Matches(text))
        {
            if (document.Tokens.Count > 0 && !(tokenStarts.Contains(word.Index) && tokenEnds.Contains(word.Index + word.Length)))
            {
                current = null;
                continue;
            }

            var gap = lastEnd >= 0 ? text.AsSpan(lastEnd, word.Index - lastEnd) : default;
            if (current is null || !JoinsRun(gap))
            {
                current = [];
                runs.Add(current);
            }

            current.Add(new TextSpan(word.Index, word.Index + word.Length));
            lastEnd = word.Index + word.Length;
        }

        return runs;
    }

    private static bool JoinsRun(ReadOnlySpan<char> gap)
    {
        if (gap.Length == 1 && gap[0] == ' ')
        {
            return true;
        }

        var trimmed = gap.Trim(' ');
        return gap.Length - trimmed.Length == 2 && gap[0] == ' ' && gap[^1] == ' ' && Connectors.Contains(trimmed.ToString());
    }

    private readonly record struct PlaceMention(TextSpan Span, string Text, bool Labeled);
}
