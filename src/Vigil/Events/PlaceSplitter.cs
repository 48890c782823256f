using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>One place of an incident told at several: where, the words that name it, and the dead the text puts there.</summary>
internal sealed record PlaceShare(EventLocation Location, TextSpan Span, CasualtyCount? Killed, TextSpan? KilledSpan);

/// <summary>
/// ACLED codes one event per place and day, and so does the codebook: an act a report tells at several named places
/// ("airstrikes on vehicles in Toul and Nabatieh", "killing two in Poltava and one in Zaporizhzhia", "across the Gaza
/// Strip, including 30 in Gaza City") is one event at each. The dead go where the text puts them; dead it does not place
/// stay with the place the incident was located at, so a split never counts anyone twice and never guesses a share.
/// </summary>
internal static partial class PlaceSplitter
{
    /// <summary>Places closer than this are one place written twice ("Gaza" and "Gaza City"), not two.</summary>
    private const double SamePlaceKm = 3;

    /// <summary>
    /// The places of an incident located at <paramref name="chosen"/> (named at <paramref name="chosenSpan"/>), the chosen
    /// one first; empty when its sentences tell it at that one place only.
    /// </summary>
    public static List<PlaceShare> Split(string text, Incident incident, EventLocation chosen, TextSpan chosenSpan, CasualtyCount? killed, IPlaceResolver resolver, PersonIndex people)
    {
        if (chosen.Country is null || chosen.Latitude is null || chosen.Precision == PlacePrecision.Country)
        {
            return [];
        }

        foreach (var sentence in incident.Triggers)
        {
            if (killed is not null && CountedParts(text, sentence.Span, chosen, chosenSpan, killed, resolver, people) is { Count: > 0 } parts)
            {
                return parts;
            }
        }

        var sentenceOfChosen = incident.Triggers.FirstOrDefault(t => t.Span.Contains(chosenSpan));
        if (sentenceOfChosen is null)
        {
            return [];
        }

        var chosenText = sentenceOfChosen.Span.Slice(text);
        foreach (Match list in Coordinated().Matches(chosenText))
        {
            var names = list.Groups["place"].Captures.Select(c => (Name: c.Value.TrimEnd('.'), Span: At(sentenceOfChosen.Span, c))).ToList();
            if (!names.Any(n => n.Span.Overlaps(chosenSpan)))
            {
                continue;
            }

            var shares = new List<PlaceShare> { new(chosen, chosenSpan, killed, null) };
            foreach (var (name, span) in names.Where(n => !n.Span.Overlaps(chosenSpan)))
            {
                if (ResolveNear(resolver, name, null, chosen) is { } other && shares.All(s => !SamePlace(s.Location, other)))
                {
                    // The text does not say where its dead fell among the places it lists: they stay with the first.
                    shares.Add(new PlaceShare(other, span, null, null));
                }
            }

            return shares.Count > 1 ? shares : [];
        }

        return [];
    }

    /// <summary>
    /// "..., including two in Poltava and one in Zaporizhzhia": each part at its place. The dead the parts leave over
    /// stay with the place the total was given for ("82 across the Gaza Strip, including 30 in Gaza City"), else with
    /// the incident's place, when that is a place apart from the parts.
    /// </summary>
    private static List<PlaceShare> CountedParts(string text, TextSpan sentence, EventLocation chosen, TextSpan chosenSpan, CasualtyCount killed, IPlaceResolver resolver, PersonIndex people)
    {
        var sentenceText = sentence.Slice(text);
        var including = Including().Match(sentenceText);
        if (!including.Success)
        {
            return [];
        }

        var parts = new List<PlaceShare>();
        foreach (Match part in Part().Matches(sentenceText, including.Index + including.Length))
        {
            var count = CountParser.Parse(part.Groups["count"].Value);
            var area = part.Groups["area"].Success ? part.Groups["area"].Value.TrimEnd('.') : null;
            var place = ResolveNear(resolver, part.Groups["place"].Value.TrimEnd('.'), area, chosen, allowCountry: false);
            if (count is null || place is null || parts.Any(p => SamePlace(p.Location, place)))
            {
                return [];
            }

            var placeGroup = part.Groups["place"];
            parts.Add(new PlaceShare(place, At(sentence, placeGroup), count, new TextSpan(sentence.Start + part.Groups["count"].Index, sentence.Start + part.Index + part.Length)));
        }

        var placed = parts.Sum(p => p.Killed!.Best);
        if (parts.Count == 0 || placed > killed.Best)
        {
            return [];
        }

        if (placed < killed.Best)
        {
            var whole = PlaceFinder.Find(text, new TextSpan(sentence.Start, sentence.Start + including.Index), people).LastOrDefault();
            var wholePlace = whole is null ? null : ResolveNear(resolver, whole.Name, whole.Areas.FirstOrDefault(), chosen, allowCountry: true);
            var (restPlace, restSpan) = wholePlace is not null && parts.All(p => !SamePlace(p.Location, wholePlace)) ? (wholePlace, whole!.Span)
                : parts.All(p => !SamePlace(p.Location, chosen)) ? (chosen, chosenSpan)
                : (null, default);
            if (restPlace is not null)
            {
                var rest = killed.Best - placed;
                parts.Insert(0, new PlaceShare(restPlace, restSpan, new CasualtyCount(rest, rest, killed.High is { } high ? high - placed : null), null));
            }
        }

        return parts.Count > 1 ? parts : [];
    }

    /// <summary>Where a name's group lies in the text; a name's words may hold a dot ("St. Louis"), so the sentence's full stop is trimmed off.</summary>
    private static TextSpan At(TextSpan sentence, Capture name) => new(sentence.Start + name.Index, sentence.Start + name.Index + name.Value.TrimEnd('.').Length);

    /// <summary>A place read in the incident's country and no broader than a province (or the country, when allowed); null otherwise.</summary>
    private static EventLocation? ResolveNear(IPlaceResolver resolver, string name, string? area, EventLocation chosen, bool allowCountry = false)
    {
        var context = new PlaceContext([chosen.Country!], [], string.Empty);
        var place = area is null ? resolver.Resolve(name, chosen.Country, context) : resolver.ResolveWithin(name, [area], chosen.Country, context);
        return place is null || place.CountryCode != chosen.Country || (place.Precision == PlacePrecision.Country && !allowCountry) ? null : EventLocation.From(place);
    }

    private static bool SamePlace(EventLocation a, EventLocation b) =>
        a.Latitude is { } latitude && a.Longitude is { } longitude && b.Latitude is { } otherLatitude && b.Longitude is { } otherLongitude
        && Geo.DistanceKm(latitude, longitude, otherLatitude, otherLongitude) < SamePlaceKm;

    /// <summary>Places listed after one preposition: "in Toul and Nabatieh", "the ports of Hudaydah and Salif", "in Bandar Abbas, Bandar Sirik, and Qeshm Island".</summary>
    [GeneratedRegex(@"\b(?i:in|at|near|outside|(?:towns|cities|villages|ports|areas|districts|provinces|regions|neighbou?rhoods|camps|governorates|municipalities)\s+of)\s+(?:the\s+)?(?<place>" + PlaceFinder.Name + @")(?:\s*,\s*(?:the\s+)?(?<place>" + PlaceFinder.Name + @"))*\s*,?\s+and\s+(?:(?:in|at)\s+)?(?:the\s+)?(?<place>" + PlaceFinder.Name + @")", RegexOptions.CultureInvariant)]
    private static partial Regex Coordinated();

    [GeneratedRegex(@"\bincluding\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Including();

    /// <summary>One part of an including-clause: a count and where ("two in Poltava", "42 killed in Gaza City", "20 in Tuffah, Gaza City"), joined by commas or "and".</summary>
    [GeneratedRegex(@"\G(?:\s*,\s*|\s+)?(?:and\s+)?(?<count>(?i:" + CountParser.Pattern + @"))\s+(?i:(?:people|persons|civilians|children|others?|were|are|killed|dead)\s+){0,2}(?i:in|at)\s+(?:the\s+)?(?<place>" + PlaceFinder.Name + @")(?:\s*,\s*(?<area>" + PlaceFinder.Name + @"))?", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
