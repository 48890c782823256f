using Vigil.Events;
using Vigil.Language;
using Vigil.Places;

namespace Vigil.Tests.Events;

/// <summary>Builds documents the way the pipeline does, and a small in-memory gazetteer standing in for the Places stage.</summary>
internal static class EventTestKit
{
    public static Document Document(string text, params (string Name, string Label)[] entities)
    {
        var document = new Document(text);
        document.Paragraphs.Add(new TextSpan(0, text.Length));
        new Tokenizer().Process(document);
        new SentenceSplitter().Process(document);
        foreach (var (name, label) in entities)
        {
            var at = 0;
            while ((at = text.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
            {
                document.Entities.Add(new LabeledSpan(new TextSpan(at, at + name.Length), label, name));
                at += name.Length;
            }
        }

        return document;
    }

    public static IReadOnlyList<ConflictEvent> Extract(string text, DateOnly? published = null, IPlaceResolver? resolver = null) =>
        new EventExtractor(resolver).Extract(Document(text), published);
}

/// <summary>A gazetteer of a few invented places; names it does not know resolve to nothing.</summary>
internal sealed class FakeResolver : IPlaceResolver
{
    private static readonly Dictionary<string, ResolvedPlace> Places = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Dalwa"] = new("Dalwa", 12.5, 30.25, "SD", "North Kordofan", PlacePrecision.Town, 1, 0.9),
        ["Marrow"] = new("Marrow", 13.0, 31.0, "SD", "Khartoum", PlacePrecision.Town, 2, 0.9),
        ["Kelbra"] = new("Kelbra", 36.2, 37.1, "SY", "Aleppo", PlacePrecision.Town, 3, 0.9),
        ["Ombar"] = new("Ombar", 12.8, 30.6, "SD", "Ombar", PlacePrecision.Admin1, 4, 0.9),
        ["North Darra"] = new("North Darra", 14.0, 29.0, "SD", "North Darra", PlacePrecision.Admin1, 5, 0.9),
        ["West Darra"] = new("West Darra", 11.5, 28.0, "SD", "West Darra", PlacePrecision.Admin1, 6, 0.9),
    };

    public List<string> Asked { get; } = [];

    public ResolvedPlace? Resolve(string name, string? countryCode = null, PlaceContext? context = null)
    {
        Asked.Add(name);
        return Places.TryGetValue(name, out var place) && (countryCode is null || place.CountryCode == countryCode) ? place : null;
    }
}
