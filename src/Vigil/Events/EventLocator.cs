using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>Where an incident happened: the places its own sentences name, resolved in the gazetteer in the light of the document's country and areas, else the scene set just before it.</summary>
internal sealed partial class EventLocator(IPlaceResolver? placeResolver)
{
    public EventLocation? Locate(string text, IReadOnlyList<TextSpan> allSentences, Incident incident, PersonIndex people, List<FieldEvidence> evidence)
    {
        var mentions = new List<(PlaceMention Place, bool InTrigger, int Rank)>();
        // In a title-case headline every longer word is capitalised, so what reads as a name may be none ("at Mosque in
        // Northwest Pakistan"): its places come after those of the sentences written in running case, when there are any.
        var runningCase = incident.All.Any(s => !EventPatterns.IsTitleCase(s.Text));
        foreach (var sentence in incident.Triggers.Concat(incident.Context))
        {
            var inTrigger = incident.Triggers.Contains(sentence);
            var headline = runningCase && EventPatterns.IsTitleCase(sentence.Text);
            foreach (var place in PlaceFinder.Find(text, sentence.Span, people))
            {
                mentions.Add((place with { Score = place.Score + (inTrigger ? 2 : 0) - (headline ? HeadlinePenalty : 0) }, inTrigger, mentions.Count));
            }
        }

        // An incident whose own sentences name no place happened where the story is set: the nearest earlier sentence
        // that names one ("In X, ... . Later, gunmen shot a man.") sets the scene, as a dateline or lead does. A few
        // sentences back, then the lead: further back is another part of the story.
        var sceneTaken = mentions.All(m => m.Place.IsCountry);
        if (sceneTaken)
        {
            foreach (var place in Scenes(text, allSentences, incident, people).FirstOrDefault() ?? [])
            {
                mentions.Add((place, false, mentions.Count));
            }
        }

        var incidentSpans = incident.All.Select(s => s.Span).ToList();
        var judged = IncidentCountry.Decide(
            text,
            [.. mentions.Select(m => (m.Place, m.InTrigger))],
            incidentSpans,
            allSentences.Where(span => !incidentSpans.Contains(span)),
            placeResolver);

        // The provinces where the incident's parties operate stand in for the other places of a longer article: a
        // namesake outside them is the less likely reading.
        var theatre = judged is null || placeResolver is null ? []
            : IncidentCountry.Theatre(string.Join(' ', incident.All.Select(s => s.Text)), judged.Code)
                .Select(area => placeResolver.Resolve(area, judged.Code, null)).OfType<Places.ResolvedPlace>().ToList();
        var ordered = mentions.OrderByDescending(m => m.Place.Score).ThenBy(m => m.Rank).Select(m => m.Place).ToList();
        var contextOnly = mentions.Where(m => !m.InTrigger).Select(m => m.Place).ToHashSet();
        (PlaceMention Place, Places.ResolvedPlace Resolved)? countryOnly = null;
        foreach (var place in ordered.Where(p => !p.IsCountry))
        {
            // A country that places support restricts the search to it; one read only from names of nations or
            // adjectives (often an actor's country) just favours its readings.
            var country = judged is { FromPlaces: true } ? judged.Code : place.CountryCode;
            if (placeResolver is not null)
            {
                var context = new PlaceContext(judged is null ? [] : [judged.Code], theatre, text[Math.Max(0, place.Span.Start - 40)..place.Span.Start]);
                // A place only the incident's context names ("The stampede occurred in Kerman" beside "killed by an
                // airstrike in Iraq") that the gazetteer puts in another country than the one the incident's places
                // decide is another part of the story, not a namesake to look for in that country.
                if (judged is { FromPlaces: true } && contextOnly.Contains(place)
                    && Resolve(placeResolver, place.Name, place.Areas, null, new PlaceContext([], [], context.PhraseBefore)) is { } abroad
                    && abroad.Precision == Places.PlacePrecision.Town && abroad.CountryCode != judged.Code)
                {
                    continue;
                }

                // "the town of Sake, 25 km west of Goma": the reading that lies that far from the place measured from is meant.
                var measuredFrom = place.MeasuredFrom is { } measure && Resolve(placeResolver, measure.Name, [], country, context) is { Precision.UcdpWherePrecision: 1 } origin
                    ? placeResolver.ResolveMeasuredFrom(place.Name, origin, measure.Km, country, context) : null;
                var resolved = measuredFrom ?? Resolve(placeResolver, place.Name, place.Areas, country, context);
                if (resolved?.Precision != Places.PlacePrecision.Town && country is not null && place.Areas.Count > 0
                    && placeResolver.ResolveWithin(place.Name, place.Areas, null, context) is { } elsewhere && elsewhere.Precision == Places.PlacePrecision.Town
                    && elsewhere.CountryCode != country && place.Areas.Any(area => string.Equals(area, elsewhere.Admin1, StringComparison.OrdinalIgnoreCase)))
                {
                    // "Atlanta (Georgia)": an area written beside a place may be a province named as a country is ("Georgia",
                    // "Punjab", "Niger"); the place found inside that province elsewhere is the place meant.
                    resolved = elsewhere;
                }
                // The other spelling is worth a try whenever the name itself was not found, even if an area stood in; but
                // a province or county found under the name the text gives it ("Mandera County") is the place meant.
                var adminAsWritten = resolved is not null && (resolved.Precision == Places.PlacePrecision.Admin1 || resolved.Precision == Places.PlacePrecision.Admin2)
                    && AdminWordLast().IsMatch(place.Name);
                if (place.OtherName is { } otherName && resolved?.Precision != Places.PlacePrecision.Town && !adminAsWritten
                    && Resolve(placeResolver, otherName, place.Areas, country, context) is { } other && (resolved is null || other.Precision == Places.PlacePrecision.Town))
                {
                    resolved = other;
                }

                // A name the gazetteer does not hold, read within its country ("Christchurch District Court, New
                // Zealand"), places the incident no closer than the country: a later name may place it closer.
                if (resolved is not null && resolved.Precision == Places.PlacePrecision.Country)
                {
                    countryOnly ??= (place, resolved);
                    continue;
                }

                if (resolved is not null)
                {
                    evidence.Add(FieldEvidence.Of("location", place.Span.Start, place.Span.Length, text));
                    // "in the Kharkiv region": the town that names the region is where a coder puts it, at the region's precision.
                    return place.WrittenAsArea is { } level && resolved.Precision == Places.PlacePrecision.Town
                        ? EventLocation.From(resolved) with { Precision = level }
                        : EventLocation.From(resolved);
                }

                continue;
            }

            evidence.Add(FieldEvidence.Of("location", place.Span.Start, place.Span.Length, text));
            return new EventLocation(place.Name, null, null, country ?? judged?.Code, place.Admin, null);
        }

        // The incident's own places were sites the gazetteer does not hold ("in Al Noor Mosque"): the scene's town holds
        // them, as it holds an incident that names no place at all.
        if (!sceneTaken && placeResolver is not null)
        {
            foreach (var place in Scenes(text, allSentences, incident, people).SelectMany(scene => scene).Where(p => !p.IsCountry))
            {
                var context = new PlaceContext(judged is null ? [] : [judged.Code], theatre, text[Math.Max(0, place.Span.Start - 40)..place.Span.Start]);
                if (Resolve(placeResolver, place.Name, place.Areas, judged?.Code, context) is { } sceneTown
                    && sceneTown.Precision != Places.PlacePrecision.Country && (judged is null || sceneTown.CountryCode == judged.Code))
                {
                    evidence.Add(FieldEvidence.Of("location", place.Span.Start, place.Span.Length, text));
                    return EventLocation.From(sceneTown);
                }
            }
        }

        if (countryOnly is { } within)
        {
            evidence.Add(FieldEvidence.Of("location", within.Place.Span.Start, within.Place.Span.Length, text));
            return EventLocation.From(within.Resolved);
        }

        if (placeResolver is not null && FromDateline(text, incident, judged?.Code, placeResolver) is { } filed)
        {
            evidence.Add(FieldEvidence.Of("location", filed.Span.Start, filed.Span.Length, text));
            return filed.Location;
        }

        if (judged is null)
        {
            return null;
        }

        var countryPlace = ordered.FirstOrDefault(p => p.IsCountry && p.CountryCode == judged.Code);
        if (countryPlace is not null)
        {
            evidence.Add(FieldEvidence.Of("location", countryPlace.Span.Start, countryPlace.Span.Length, text));
        }

        var countryName = Countries.NameOf(judged.Code) ?? judged.Code;
        // A name the country table reads as the country may be a province of it in the gazetteer ("across the Gaza
        // Strip", "in the West Bank"), or a town that stands for its province ("in northern Gaza"): the province is the
        // truer place.
        if (countryPlace is not null && placeResolver is not null && !string.Equals(countryPlace.Name, countryName, StringComparison.OrdinalIgnoreCase)
            && placeResolver.Resolve(countryPlace.Name, judged.Code, null) is { } named && named.CountryCode == judged.Code)
        {
            var part = named.Precision == Places.PlacePrecision.Town && named.Admin1 is { } province
                ? placeResolver.Resolve(province, judged.Code, null) : named;
            if (part is not null && part.CountryCode == judged.Code && (part.Precision == Places.PlacePrecision.Admin1 || part.Precision == Places.PlacePrecision.Admin2))
            {
                return EventLocation.From(part);
            }
        }

        var resolvedCountry = placeResolver?.Resolve(countryName, judged.Code, null);
        return resolvedCountry is not null
            ? EventLocation.From(resolvedCountry) with { Precision = Places.PlacePrecision.Country }
            : new EventLocation(countryName, null, null, judged.Code, null, Places.PlacePrecision.Country);
    }

    /// <summary>
    /// The town of the report's dateline ("KABUL, Afghanistan (AP) —", "BAMAKO (Reuters) -"), for an incident whose own
    /// words place it no closer than its country: a report is filed from where it happened or near it, so the town is
    /// given at ACLED's "near the town" precision. Not when the incident is told in a part of the country ("in the
    /// northwest"), which the dateline's town is then not in, nor when the town lies in another country than the incident.
    /// </summary>
    private static (EventLocation Location, TextSpan Span)? FromDateline(string text, Incident incident, string? country, IPlaceResolver resolver)
    {
        if (Dateline().Match(text, 0, Math.Min(text.Length, DatelineReach)) is not { Success: true } dateline || incident.All.Any(s => PartOfTheCountry().IsMatch(s.Text)))
        {
            return null;
        }

        var written = dateline.Groups["city"].Value;
        var city = written.Any(char.IsLower) ? written : System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(written.ToLowerInvariant());
        var areaCountry = dateline.Groups["area"].Success ? Countries.FromName(dateline.Groups["area"].Value)?.Code : null;
        var within = country ?? areaCountry;
        var context = new PlaceContext(within is null ? [] : [within], [], "");
        if (resolver.Resolve(city, within, context) is not { } town || town.Precision != Places.PlacePrecision.Town || (country is not null && town.CountryCode != country))
        {
            return null;
        }

        var group = dateline.Groups["city"];
        return (EventLocation.From(town) with { Precision = Places.PlacePrecision.NearTown }, new TextSpan(group.Index, group.Index + group.Length));
    }

    /// <summary>How far into a text its dateline may start: past a headline and a standfirst, not into the body.</summary>
    private const int DatelineReach = 600;

    /// <summary>
    /// A dateline at the start of a line: a town in capitals, or in title case with its country or a news agency after
    /// it, then a dash or a colon before the first sentence. A page's labels and sections ("BREAKING:", "AFRICA -") are
    /// no datelines ("Africa" is also an old name of Mahdia).
    /// </summary>
    [GeneratedRegex(@"(?m)^[ \t]*(?!(?:BREAKING|UPDATE|UPDATED|WATCH|LIVE|EXCLUSIVE|ANALYSIS|OPINION|VIDEO|PHOTOS|FACTBOX|EXPLAINER|CORRECTED|REFILE|EDITORIAL|COMMENT|NEWS|WARNING|WORLD|AFRICA|ASIA|EUROPE|AMERICAS?|LATIN AMERICA|MIDDLE EAST|OCEANIA|PACIFIC|NATIONAL|INTERNATIONAL|REGIONAL|LOCAL|POLITICS|BUSINESS|ECONOMY|MARKETS|SPORTS?|HEALTH|SCIENCE|TECH|TECHNOLOGY|CULTURE|ARTS|TRAVEL|LIFESTYLE|HOME|MENU|LATEST|TOP STORIES)\b)(?:(?<city>\p{Lu}[\p{Lu}'’.-]{2,}(?:[ ]\p{Lu}[\p{Lu}'’.-]+){0,2})(?:,[ ]*(?<area>\p{Lu}[\w.'’-]*(?:[ ]\p{Lu}[\w.'’-]*){0,3}))?|(?<city>\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){0,2})(?=,[ ]*\p{Lu}|[ ]*\()(?:,[ ]*(?<area>\p{Lu}[\w.'’-]*(?:[ ]\p{Lu}[\w.'’-]*){0,3}))?)[ ]*(?:\((?:AP|AFP|Reuters|dpa|DPA|Xinhua|IANS|PTI|UNI|Anadolu|Al Jazeera|Bernama|Kyodo|Yonhap|TASS|UPI|CNN|BBC)\))?[ ]*(?:—|–|--|-|:)[ ]+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    /// <summary>An incident told in a part of the country rather than at a place ("in the northwest", "in northern provinces").</summary>
    [GeneratedRegex(@"\b(?:in|across|throughout)\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|north-?west|north-?east|south-?west|south-?east|centre|center|interior|countryside)\b|(?:northern|southern|eastern|western|central|north-?western|north-?eastern|south-?western|south-?eastern)\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartOfTheCountry();

    /// <summary>The places of each earlier sentence that names one below a country, nearest first: a few sentences back, then the lead.</summary>
    private static IEnumerable<List<PlaceMention>> Scenes(string text, IReadOnlyList<TextSpan> allSentences, Incident incident, PersonIndex people)
    {
        var first = Math.Min(incident.All.First().Index, allSentences.Count);
        var scene = Enumerable.Range(1, Math.Min(first, SceneSentences)).Select(back => first - back);
        foreach (var index in first > SceneSentences ? scene.Append(0) : scene)
        {
            var earlier = PlaceFinder.Find(text, allSentences[index], people);
            if (earlier.Any(place => !place.IsCountry))
            {
                yield return earlier;
            }
        }
    }

    /// <summary>Puts a title-case headline's places after every place of the running text (whose scores reach 8).</summary>
    private const int HeadlinePenalty = 8;

    /// <summary>How many sentences back an incident without a place looks for the scene, before it tries the lead.</summary>
    private const int SceneSentences = 5;

    private static Places.ResolvedPlace? Resolve(IPlaceResolver resolver, string name, IReadOnlyList<string> areas, string? country, PlaceContext context) =>
        areas.Count > 0 ? resolver.ResolveWithin(name, areas, country, context) : resolver.Resolve(name, country, context);

    [GeneratedRegex(@"\s(?:Province|Governorate|Region|County|Department|Prefecture|Oblast|State|Krai)$", RegexOptions.CultureInvariant)]
    private static partial Regex AdminWordLast();
}
