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
        if (chosen.Country is null)
        {
            return [];
        }

        if (SharedNameParts(incident, chosen, chosenSpan, killed, resolver) is { Count: > 0 } regions)
        {
            return regions;
        }

        if (chosen.Latitude is null || chosen.Precision == PlacePrecision.Country)
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

        if (ClauseParts(text, sentenceOfChosen, chosen, chosenSpan, killed, resolver, people) is { Count: > 0 } clauses)
        {
            return clauses;
        }

        if (OrdinalParts(sentenceOfChosen, chosen, chosenSpan, killed, resolver) is { Count: > 0 } ordinals)
        {
            return ordinals;
        }

        if (PairedTargets(incident, sentenceOfChosen, chosen, chosenSpan, killed, resolver) is { Count: > 0 } targets)
        {
            return targets;
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

    /// <summary>
    /// "Seven people are killed in Jama, while two people are killed at San Vicente": clauses set side by side ("while",
    /// "whereas", a semicolon), each telling its own dead or hurt at its own place, are an event each, and each keeps the
    /// dead its own clause counts. A clause that names no place, or tells no one killed or hurt ("while residents fear
    /// more attacks"), stays with the place the incident was located at.
    /// </summary>
    private static List<PlaceShare> ClauseParts(string text, SentenceCues sentence, EventLocation chosen, TextSpan chosenSpan, CasualtyCount? killed, IPlaceResolver resolver, PersonIndex people)
    {
        var joins = SideBySide().Matches(sentence.Text);
        if (joins.Count == 0)
        {
            return [];
        }

        var clauses = new List<TextSpan>();
        var start = 0;
        foreach (Match join in joins)
        {
            clauses.Add(new TextSpan(sentence.Span.Start + start, sentence.Span.Start + join.Index));
            start = join.Index + join.Length;
        }

        clauses.Add(new TextSpan(sentence.Span.Start + start, sentence.Span.End));
        var chosenAt = clauses.FindIndex(c => c.Contains(chosenSpan));
        if (chosenAt < 0)
        {
            return [];
        }

        var chosenClause = clauses[chosenAt];

        var others = new List<PlaceShare>();
        foreach (var clause in clauses.Where((_, i) => i != chosenAt))
        {
            var clauseText = clause.Slice(text);
            // Its own harm, not only an act's word: "while residents fear more attacks" tells of no second attack.
            if (!EventLexicon.Cues.Any(c => EventLexicon.IsHarm(c.Cue) && c.Pattern.IsMatch(clauseText)))
            {
                continue;
            }

            var place = PlaceFinder.Find(text, clause, people).Where(p => p.Score >= 1 && !p.IsCountry)
                .Select(p => (Mention: p, Location: ResolveNear(resolver, p.Name, p.Areas.FirstOrDefault(), chosen)))
                .FirstOrDefault(p => p.Location is not null);
            if (place.Location is null || SamePlace(place.Location, chosen) || others.Any(o => SamePlace(o.Location, place.Location)))
            {
                continue;
            }

            var dead = Dead(text, clause);
            others.Add(new PlaceShare(place.Location, place.Mention.Span, dead?.Count, dead?.Span));
        }

        if (others.Count == 0)
        {
            return [];
        }

        // The chosen clause keeps the dead it counts; without a count of its own, the incident's dead less those the other clauses place.
        var own = Dead(text, chosenClause);
        var placed = others.Sum(o => o.Killed?.Best ?? 0);
        var chosenShare = own is not null ? new PlaceShare(chosen, chosenSpan, own.Value.Count, own.Value.Span)
            : new PlaceShare(chosen, chosenSpan, killed is { } total && total.Best > placed ? new CasualtyCount(total.Best - placed, total.Best - placed, null) : null, null);
        return [chosenShare, .. others];
    }

    /// <summary>The largest count of dead a clause tells, and where, or null.</summary>
    private static (CasualtyCount Count, TextSpan Span)? Dead(string text, TextSpan clause) =>
        CasualtyFinder.Find(text, clause).Where(m => m.Killed && m.Count.Best > 0).OrderByDescending(m => m.Count.Best).Select(m => ((CasualtyCount Count, TextSpan Span)?)(m.Count, m.Span)).FirstOrDefault();

    /// <summary>
    /// "Two attacks in Guanajuato, the first in Celaya and the second in Apaseo el Alto": the acts a report counts off
    /// one by one, each at its place, are an event at each place, and the area that holds them all is no event of its
    /// own. The text does not say where its dead fell: they stay with the first.
    /// </summary>
    private static List<PlaceShare> OrdinalParts(SentenceCues sentence, EventLocation chosen, TextSpan chosenSpan, CasualtyCount? killed, IPlaceResolver resolver)
    {
        var list = CountedOff().Match(sentence.Text);
        if (!list.Success)
        {
            return [];
        }

        var shares = new List<PlaceShare>();
        foreach (Capture name in list.Groups["place"].Captures)
        {
            var span = At(sentence.Span, name);
            var location = span.Overlaps(chosenSpan) ? chosen : ResolveNear(resolver, name.Value.TrimEnd('.'), null, chosen);
            if (location is null || shares.Any(s => SamePlace(s.Location, location)))
            {
                return [];
            }

            shares.Add(new PlaceShare(location, span, shares.Count == 0 ? killed : null, null));
        }

        return shares.Count > 1 ? shares : [];
    }

    /// <summary>
    /// "Airstrikes on positions in North and West Kordofan": places whose names share their last word, written once
    /// after the words that tell them apart, are one event each. Read where the incident was placed no closer than its
    /// country (the elided names themselves are no place the gazetteer knows), or at one of the names; the dead stay with
    /// the first.
    /// </summary>
    private static List<PlaceShare> SharedNameParts(Incident incident, EventLocation chosen, TextSpan chosenSpan, CasualtyCount? killed, IPlaceResolver resolver)
    {
        foreach (var sentence in incident.Triggers)
        {
            foreach (Match list in SharedName().Matches(sentence.Text))
            {
                var listSpan = new TextSpan(sentence.Span.Start + list.Index, sentence.Span.Start + list.Index + list.Length);
                if (chosen.Precision != PlacePrecision.Country && !listSpan.Overlaps(chosenSpan))
                {
                    continue;
                }

                var shared = list.Groups["name"].Value.TrimEnd('.');
                var shares = new List<PlaceShare>();
                foreach (Capture part in list.Groups["part"].Captures)
                {
                    var name = $"{char.ToUpperInvariant(part.Value[0])}{part.Value[1..].ToLowerInvariant()} {shared}";
                    if (ResolveNear(resolver, name, null, chosen) is not { } place || shares.Any(s => SamePlace(s.Location, place)))
                    {
                        return [];
                    }

                    shares.Add(new PlaceShare(place, shares.Count == 0 ? listSpan : At(sentence.Span, part), shares.Count == 0 ? killed : null, null));
                }

                return shares.Count > 1 ? shares : [];
            }
        }

        return [];
    }

    /// <summary>
    /// "Drones struck an oil terminal in Saint Petersburg and military facilities at a naval base in Kronstadt": the
    /// targets of one strike, each with its own place, are an event at each place. Only for strikes from afar, whose
    /// targets a report lists this way; the dead stay with the first.
    /// </summary>
    private static List<PlaceShare> PairedTargets(Incident incident, SentenceCues sentence, EventLocation chosen, TextSpan chosenSpan, CasualtyCount? killed, IPlaceResolver resolver)
    {
        if (Families.Of(incident.Triggers.SelectMany(t => t.Cues).Select(c => c.Cue)) != Family.Remote)
        {
            return [];
        }

        var after = chosenSpan.End - sentence.Span.Start;
        var shares = new List<PlaceShare> { new(chosen, chosenSpan, killed, null) };
        foreach (Match target in AndTargetAt().Matches(sentence.Text, Math.Max(0, after)))
        {
            var name = target.Groups["place"];
            if (ResolveNear(resolver, name.Value.TrimEnd('.'), null, chosen) is { } other && shares.All(s => !SamePlace(s.Location, other)))
            {
                shares.Add(new PlaceShare(other, At(sentence.Span, name), null, null));
            }
        }

        return shares.Count > 1 ? shares : [];
    }

    /// <summary>Where a name's group lies in the text; a name's words may hold a dot ("St. Louis"), so the sentence's full stop is trimmed off.</summary>
    private static TextSpan At(TextSpan sentence, Capture name) => new(sentence.Start + name.Index, sentence.Start + name.Index + name.Value.TrimEnd('.').Length);

    /// <summary>A place read in the incident's country and no broader than a province (or the country, when allowed); null otherwise.</summary>
    private static EventLocation? ResolveNear(IPlaceResolver resolver, string name, string? area, EventLocation chosen, bool allowCountry = false)
    {
        var context = new PlaceContext([chosen.Country!], [], string.Empty);
        ResolvedPlace? Read(string written) => area is null ? resolver.Resolve(written, chosen.Country, context) : resolver.ResolveWithin(written, [area], chosen.Country, context);
        // "Qeshm Island", "Kharan District": the feature word may be the writer's, not part of the name.
        var place = Read(name) ?? (PlaceFinder.WithoutFeatureWord(name) is { } shorter ? Read(shorter) : null);
        return place is null || place.CountryCode != chosen.Country || (place.Precision == PlacePrecision.Country && !allowCountry) ? null : EventLocation.From(place);
    }

    private static bool SamePlace(EventLocation a, EventLocation b) =>
        a.Latitude is { } latitude && a.Longitude is { } longitude && b.Latitude is { } otherLatitude && b.Longitude is { } otherLongitude
        && Geo.DistanceKm(latitude, longitude, otherLatitude, otherLongitude) < SamePlaceKm;

    /// <summary>Places listed after one preposition: "in Toul and Nabatieh", "the ports of Hudaydah and Salif", "in Bandar Abbas, Bandar Sirik, and Qeshm Island".</summary>
    [GeneratedRegex(@"\b(?i:in|at|near|outside|(?:towns|cities|villages|ports|areas|districts|provinces|regions|neighbou?rhoods|camps|governorates|municipalities)\s+of)\s+(?:the\s+)?(?<place>" + PlaceFinder.Name + @")(?:\s*,\s*(?:the\s+)?(?<place>" + PlaceFinder.Name + @"))*\s*,?\s+and\s+(?:(?:in|at)\s+)?(?:the\s+)?(?<place>" + PlaceFinder.Name + @")", RegexOptions.CultureInvariant)]
    private static partial Regex Coordinated();

    /// <summary>Clauses set side by side, each of which may tell an act of its own: ", while", ", whereas", a semicolon.</summary>
    [GeneratedRegex(@"\s*,\s*(?:while|whereas|and\s+while)\s+(?!\w+ing\b)|\s*;\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SideBySide();

    /// <summary>Acts counted off one by one at their places: "the first in Celaya and the second in Apaseo el Alto", "one near X and another in Y".</summary>
    [GeneratedRegex(@"\b(?i:the\s+first|one)\b(?:\s+[a-z]+){0,2}?\s+(?i:in|at|near|on)\s+(?:the\s+)?(?<place>" + PlaceFinder.Name + @")(?:\s*,?\s+(?i:and\s+|while\s+)?(?i:the\s+(?:second|third|fourth|other|last|latter)|another)\b(?:\s+[a-z]+){0,2}?\s+(?i:in|at|near|on)\s+(?:the\s+)?(?<place>" + PlaceFinder.Name + @"))+", RegexOptions.CultureInvariant)]
    private static partial Regex CountedOff();

    /// <summary>Names that share their last word, written once: "North and West Kordofan", "north, south and east Darfur", "Upper and Lower Nile".</summary>
    [GeneratedRegex(@"\b(?<part>(?i:north|south|east|west|central|upper|lower))(?:\s*,\s*(?<part>(?i:north|south|east|west|central|upper|lower)))*\s*,?\s+and\s+(?<part>(?i:north|south|east|west|central|upper|lower))\s+(?<name>" + PlaceFinder.Name + @")", RegexOptions.CultureInvariant)]
    private static partial Regex SharedName();

    /// <summary>Another target and its place, after "and": "and military facilities at a naval base in Kronstadt", "and a power plant in Dnipro".</summary>
    [GeneratedRegex(@"\band\s+(?!(?i:in|at|near|on)\b)(?:[a-z][\w'-]*\s+){1,5}?(?i:in|at|near)\s+(?:(?:a|an|the)\s+)?(?:(?:[a-z][\w-]*\s+){1,3}(?:in|at|of)\s+)?(?<place>" + PlaceFinder.Name + @")", RegexOptions.CultureInvariant)]
    private static partial Regex AndTargetAt();

    [GeneratedRegex(@"\bincluding\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Including();

    /// <summary>One part of an including-clause: a count and where ("two in Poltava", "42 killed in Gaza City", "20 in Tuffah, Gaza City"), joined by commas or "and".</summary>
    [GeneratedRegex(@"\G(?:\s*,\s*|\s+)?(?:and\s+)?(?<count>(?i:" + CountParser.Pattern + @"))\s+(?i:(?:people|persons|civilians|children|others?|were|are|killed|dead)\s+){0,2}(?i:in|at)\s+(?:the\s+)?(?<place>" + PlaceFinder.Name + @")(?:\s*,\s*(?<area>" + PlaceFinder.Name + @"))?", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
