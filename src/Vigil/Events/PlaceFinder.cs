using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>A place named in a sentence as where something happened, with the areas written beside it (most specific first).</summary>
/// <remarks><paramref name="OtherName"/> is a second spelling, tried when <paramref name="Name"/> itself is not found:
/// the name as written when a bracket gives the standard one ("Zibane [Ziban]"), or the name without a trailing "City".
/// <paramref name="Secondary"/> marks a name the text gives as a building or site ("outside the Seray") or as where the
/// actors come from: it is tried after the others and weighs less in the country vote.</remarks>
internal sealed record PlaceMention(TextSpan Span, string Name, IReadOnlyList<string> Areas, string? CountryCode, bool IsCountry, int Score, string? OtherName = null, bool Secondary = false)
{
    /// <summary>The place this one is measured from and how far ("Sake, 25 km west of Goma": Goma, 25), when the text says.</summary>
    public (string Name, double Km)? MeasuredFrom { get; init; }

    /// <summary>The broadest area written beside the place (the province in "X (District, Province)").</summary>
    public string? Admin => Areas.Count > 0 ? Areas[^1] : null;

    /// <summary>
    /// The administrative level the text writes after the name ("the Kharkiv region": Admin1; "Bajaur district":
    /// Admin2), when it writes one: a town of that name stands for the area, and is no more exact than it.
    /// </summary>
    public Places.PlacePrecision? WrittenAsArea { get; init; }
}

/// <summary>
/// Finds where an incident happened: place names governed by "in/at/near/outside" (optionally with a feature word:
/// "the town of X", "X district"), with the coder's context after them ("X (District, Province)", "X, Province,
/// Country"). Places that are where someone was taken, treated, moved or based are not the incident's place.
/// </summary>
internal static partial class PlaceFinder
{
    /// <summary>A capitalised word of a name, whatever its script's capitals ("İzmir", "Ștefan Vodă", "Łódź"); an apostrophe inside it is a transliterated letter ("Dar'a", "Ma'arrat"), not a possessive.</summary>
    private const string Word = @"\p{Lu}[\w.-]*(?:['’‘ʼ](?!s\b)[\w-]+)*";

    /// <summary>The administrative word written after an area's name in the areas beside a place ("X, Y district", "X town in Y province").</summary>
    private const string AreaWord = "district|province|state|region|governorate|LGA|municipality|department|county";

    /// <summary>The Arabic article as transliterations write it before a capital, assimilated or not ("Deir ez-Zor", "Ras es-Sur").</summary>
    private const string Article = @"(?:al|el|as|ad|an|ar|ash|az|at|ath|adh|es|ez|ed|et|en|er|esh|eth|ul|ud)";

    internal const string Name = @"(?:" + Article + @"-)?" + Word + @"(?:\s+(?:(?:al|el|de|del|la|le|du|des|di|da|dos|do|das|ar|ad|as|ash|los|las|wa)[- ]|[dl]['’]){0,2}(?:" + Article + @"-)?" + Word + @"){0,3}";

    /// <summary>
    /// A place governed by a preposition or a verb that acts on it, with its feature or site words and the areas written
    /// after it. The feature and site words are word classes (<see cref="WordClasses.PlaceFeatures"/>,
    /// <see cref="WordClasses.PlaceSites"/>), matched as written.
    /// </summary>
    private static Regex Governed() => GovernedPattern.Value;

    private static readonly Lazy<Regex> GovernedPattern = new(() => new Regex(
        @"\b(?<prep>(?i:in|at|near|off|outside|around|inside|on|into|across|through|throughout|from|to|towards|of|between)|(?<acts>" + ActsOnPlace + @"))\s+(?<the>(?i:the)\s+)?(?:(?:neighbou?ring|northern|southern|eastern|western|central|north-?\w*|south-?\w*|rural|downtown|nearby|remote|restive|\w+-held|\w+-controlled|\w+-occupied|\w+-annexed|\w+-besieged|\w+-populated)\s+)*(?:(?<modifier>\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+)?)\s+(?=(?:town|city|village|port\s+city|border\s+town|district|province|region)\s+of\s+\p{Lu}))?(?:(?<featureOf>" + WordClasses.PlaceFeatures + @")\s+of\s+)?(?<name>" + Name + @")(?:\s*\[(?<standard>[^\[\]]{2,40})\])?(?:'s|’s)?(?:\s+(?:(?<feature>" + WordClasses.PlaceFeatures + @")|(?<site>" + WordClasses.PlaceSites + @"))){0,2}(?<context>\s*\([^()]{2,80}\)|(?:,\s*(?:" + Name + @")(?:\s+(?:" + AreaWord + @"))?){1,3})?(?<appositive>,\s+an?\s+(?:[\w'’-]+\s+){0,2}?(?:town|village|city|settlement|community|locality|suburb|neighbou?rhood|district)\s+(?:in|of|near)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?\w*|south-?\w*)\s+)?(?<apArea>" + Name + @")(?:\s+(?:" + AreaWord + @"))?)?(?:(?<=(?:" + WordClasses.PlaceFeatures + @"))(?=\s+(?:in|of)\s+(?:the\s+)?(?<inArea>" + Name + @")(?:\s+(?:" + AreaWord + @"))?(?<inAreaContext>\s*\([^()]{2,80}\))?))?",
        WordClasses.Options & ~RegexOptions.IgnoreCase));

    /// <summary>Verbs whose object is often the place itself ("shelled Marib city", "stormed Kafr Nabl", "took control of Bunagana"), in the past of
    /// coders' notes and the present of briefs ("Cambodia shells Ubon Ratchathani province").</summary>
    private const string ActsOnPlace = @"targeted|targets|attacked|attacks|shelled|shells|stormed|storms|raided|raids|struck|strikes|bombed|bombs|bombarded|bombards|captured|captures?|seized|seizes?|recaptured|recaptures?|retakes?|entered|enters|reached|reaches|besieged|besieges|overran|overruns?|hit|hits|marched\s+to|marched\s+on|rallied\s+to|returned\s+to|(?:took|takes?|taking|seized|seizes?|gained|gains?|regained|regains?|retook|lost|loses?|assumed|assumes?|wrested)\s+(?:full\s+|total\s+)?control\s+(?:of|over)(?=\s+[A-Z])|took\s+over|takes\s+over|(?:visit(?:ed|ing|s)?|tour(?:ed|ing|s)?)(?=\s+the\s+(?:town|city|village|port\s+city|district|region|province)\s+of\s)";

    /// <summary>A feature word or a part of a place right before "of" ("the district of", "the outskirts of", "the streets of").</summary>
    private static readonly Lazy<Regex> PartOfAPlaceBefore = new(() => new Regex(
        @"\b(?:" + WordClasses.PlaceFeatures + @"|zone|east|west|north|south|centre|center|part|parts|vicinity|edge|suburbs?|heart|streets|entrances?|exits?|gates?|coast|coasts|shores?|waters)\s*$",
        WordClasses.Options));

    [GeneratedRegex(@"\b(?:residents|youths?|villagers|people|inhabitants|natives|communities|community|militias?|members|farmers|herders|men)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrowdBefore();

    [GeneratedRegex(@"\b(?:entrances?|exits?|gates?)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EntranceBefore();

    /// <summary>A distance and a bearing before "of" ("25 km west of", "some 10 miles from"): what follows is a reference point.</summary>
    [GeneratedRegex(@"\b(?<number>\d+(?:[.,]\d+)?)\s*(?:-\s*)?(?<unit>km|kms|kilometres?|kilometers?|miles?|mi)\s+(?:\(\s*[^()]{1,20}\)\s+)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|northeast|northwest|southeast|southwest|outside)\s+)?(?:of\s+|from\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DistanceBefore();

    /// <summary>A province written right after a name, from where the name's match ends ("Pokrovsk in Donetsk Oblast", "Bakhmut in Donetsk region", "Toulfe, in the Loroum province": wire copy writes the area's word in lower case).</summary>
    [GeneratedRegex(@"\G,?\s+in\s+(?:the\s+)?(?<province>\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*)?\s+(?i:Oblast|Province|Governorate|State|Region|District|County|Krai|Prefecture|Department))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProvinceAfter();

    /// <summary>
    /// A feature word written as part of the name ("Sidon City", "Kharan District", "Kunar Province", "Intan Jaya
    /// Regency"), or a site named after its town ("Bagram Airfield", "Sevastopol Naval Base", "Novoshakhtinsk
    /// Refinery", "Christchurch District Court", "Kabul University"), whose town is where the site is when the gazetteer
    /// knows no place by the whole name.
    /// </summary>
    [GeneratedRegex(@"(?:\s+(?:District|High|Supreme|Magistrates'?|Central|International|General|Regional|Teaching|Military|Police|Railway|Bus)(?=\s+(?:Court|Courthouse|Hospital|University|College|School|Prison|Jail|Stadium|Station|Airport|Market)$))?\s+(?:Court|Courthouse|Hospital|University|College|Prison|Jail|Stadium|Station|Market|City|District|Province|Governorate|Region|County|Department|Municipality|Prefecture|Island|Regency|Oblast|Krai|Raion|Rayon|Peninsula|Airport|Airfield|Air\s+Base|Airbase|Naval\s+Base|Military\s+Base|Army\s+Base|Refinery|Oil\s+Refinery|Oil\s+Terminal|Oil\s+Depot|Power\s+Plant|Power\s+Station|Port)$", RegexOptions.CultureInvariant)]
    private static partial Regex FeatureWord();

    /// <summary>A name without the feature word written as part of it ("Qeshm Island" is Qeshm), or null when it has none or too little is left.</summary>
    internal static string? WithoutFeatureWord(string name)
    {
        var shorter = FeatureWord().Replace(name, "");
        return shorter != name && shorter.Length >= 3 ? shorter : null;
    }

    [GeneratedRegex(@"^[A-Z&.\-]{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();

    /// <summary>
    /// The state abbreviations that South Asian reporting writes after a place ("Salem (Salem, TN)", "Poonch district,
    /// J&amp;K"). Read only where an area is written, so "AP" or "UP" in running text stays a word; no gazetteer holds them.
    /// </summary>
    private static readonly Dictionary<string, string> StateAbbreviations = new(StringComparer.Ordinal)
    {
        ["J&K"] = "Jammu and Kashmir",
        ["HP"] = "Himachal Pradesh",
        ["UP"] = "Uttar Pradesh",
        ["MP"] = "Madhya Pradesh",
        ["AP"] = "Andhra Pradesh",
        ["TN"] = "Tamil Nadu",
        ["TS"] = "Telangana",
        ["WB"] = "West Bengal",
        ["KP"] = "Khyber Pakhtunkhwa",
        ["KPK"] = "Khyber Pakhtunkhwa",
        ["AJK"] = "Azad Kashmir",
        ["GB"] = "Gilgit-Baltistan",
    };

    /// <summary>Every place named in a sentence as a location, best first for its sentence.</summary>
    public static List<PlaceMention> Find(string text, TextSpan sentence, PersonIndex people)
    {
        var found = new List<PlaceMention>();
        var writtenAsAreas = new List<TextSpan>();
        var sentenceText = text.Substring(sentence.Start, sentence.Length);
        foreach (Match match in Governed().Matches(sentenceText))
        {
            var prep = match.Groups["prep"].Value;
            var name = match.Groups["name"].Value.TrimEnd('.');
            var first = name.Split(' ')[0];
            var before = sentenceText[..match.Index];
            // Where the actors come from ("militias from X (District, State)", "youths of X (...)") is where a coder
            // places the incident when the text names no other place: it is tried last.
            var origin = match.Groups["context"].Value.TrimStart().StartsWith('(')
                && (prep == "from" || prep == "of" && CrowdBefore().IsMatch(before));
            // "at the entrance to X" is at X.
            var atSite = prep == "to" && EntranceBefore().IsMatch(before);
            // "into the city of X" is where an advance or a raid went; "into X" alone is as often where people fled.
            var intoMarkedPlace = prep == "into" && (match.Groups["feature"].Success || match.Value.Contains(" of ", StringComparison.Ordinal));
            // "in Tays’ vehicle": a name ending in s with a bare apostrophe after it is a possessive, someone's, not a place.
            var nameEnd = match.Groups["name"].Index + match.Groups["name"].Length;
            var possessiveOfS = name.EndsWith('s') && nameEnd + 1 < sentenceText.Length && sentenceText[nameEnd] is '\'' or '’' && char.IsWhiteSpace(sentenceText[nameEnd + 1]);
            if (possessiveOfS || WordClasses.NotPlaces.IsMatch(first) || name.Length < 3 || (prep is "from" or "to" or "into" or "towards" && !origin && !atSite && !intoMarkedPlace))
            {
                continue;
            }

            var start = sentence.Start + match.Groups["name"].Index;
            var span = new TextSpan(start, start + name.Length);
            // "targets Pokrovsk in Donetsk Oblast": a province written right after the name marks it as a place.
            var provinceAfter = match.Groups["context"].Success ? Match.Empty : ProvinceAfter().Match(sentenceText, match.Index + match.Length);
            if (provinceAfter.Success && provinceAfter.Groups["province"] is var province)
            {
                writtenAsAreas.Add(new TextSpan(sentence.Start + province.Index, sentence.Start + province.Index + province.Length));
            }

            // "the town of X" marks X as a place as "X town" does.
            // "Gwoza, a town in Borno state": the apposition marks the name as a place and gives its area.
            var hasContext = match.Groups["context"].Success || match.Groups["feature"].Success || match.Groups["featureOf"].Success || provinceAfter.Success
                || match.Groups["appositive"].Success;
            // "in Russian drone strikes", "in Israeli raids": a nation's adjective is whose the act was, not where.
            if (!hasContext && Countries.FromAdjective(name) is not null)
            {
                continue;
            }

            // "a Syrian town": a nation's adjective before a settlement word places the incident in that country (the town
            // is not named), not in a province that bears the adjective as its name; "the Somali capital" names its city.
            if (Countries.FromAdjective(name) is { } nation && match.Groups["feature"].Success && SettlementWord().IsMatch(match.Groups["feature"].Value)
                && !match.Groups["context"].Success && !match.Groups["inArea"].Success)
            {
                var capital = match.Groups["feature"].Value.Equals("capital", StringComparison.OrdinalIgnoreCase) ? nation.Capital : null;
                found.Add(capital is null
                    ? new PlaceMention(span, Countries.NameOf(nation.Code) ?? name, [], nation.Code, true, 1)
                    : new PlaceMention(span, capital, [], nation.Code, false, 1));
                continue;
            }

            // "the outskirts of Khan Younis", "the town of X": a feature word before "of" marks a place, whatever a person could be called.
            if (people.At(span) is { Name.Length: > 0 } && !hasContext && !match.Value.Contains(" of ", StringComparison.Ordinal))
            {
                continue;
            }

            // The object of "attacked" or "shelled" is as often people or positions as a place: a name that the text
            // does not mark as a place ("X district", "X (Province)") is tried only after the others ("drones struck
            // Kharkiv" names no other place), and the gazetteer must know it.
            var actsOnPlace = match.Groups["acts"].Success;
            var unmarkedObject = actsOnPlace && !hasContext;

            if (prep == "of" && !origin && !match.Groups["feature"].Success && !match.Value.Contains(" of ", StringComparison.Ordinal) && !PartOfAPlaceBefore.Value.IsMatch(before))
            {
                continue;
            }

            if (EventLexicon.DisplacedPlaceContext().IsMatch(before) || Regex.IsMatch(before, @"-based\s*$|\bof\s*$", RegexOptions.IgnoreCase) && prep != "of")
            {
                continue;
            }

            var country = Countries.FromName(name);
            // "X town in Y (Z)" writes the areas as "X (Y, Z)" does; Y is also matched as a place of its own.
            var context = match.Groups["inArea"].Success && !match.Groups["context"].Success
                ? match.Groups["inArea"].Value + "," + match.Groups["inAreaContext"].Value.Trim().Trim('(', ')')
                : provinceAfter.Success ? provinceAfter.Groups["province"].Value
                : match.Groups["context"].Value.Trim().Trim('(', ')', ',', ' ');
            // A name's words may hold a dot ("St. Louis"), so the sentence's full stop can end the last area ("..., Ukraine.").
            var contextParts = context.Length == 0 ? [] : context.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.TrimEnd('.')).Where(part => part.Length > 0).ToArray();
            // "the Polish city of Gdansk", "the Idlib town of Saraqeb": the word before the feature names the place's
            // country or province, not the place.
            var modifier = match.Groups["modifier"].Success ? match.Groups["modifier"].Value : null;
            var modifierNation = modifier is null ? null : Countries.FromAdjective(modifier) ?? Countries.FromName(modifier);
            if (modifier is not null && modifierNation is null)
            {
                contextParts = [.. contextParts, modifier];
            }

            if (match.Groups["apArea"].Success)
            {
                contextParts = [.. contextParts, match.Groups["apArea"].Value];
            }

            // "the village of Kwall in Bassa local government area": the area a place marked by its feature lies in.
            if (match.Groups["featureOf"].Success && !match.Groups["inArea"].Success && !match.Groups["context"].Success
                && AreaAfter().Match(sentenceText, match.Index + match.Length) is { Success: true } areaAfter)
            {
                contextParts = areaAfter.Groups["broader"].Success
                    ? [.. contextParts, areaAfter.Groups["area"].Value, areaAfter.Groups["broader"].Value]
                    : [.. contextParts, areaAfter.Groups["area"].Value];
                // "the town of Pandeglang in the province of Banten": the province is where the town lies, not a scene of its own.
                var area = areaAfter.Groups["area"];
                writtenAsAreas.Add(new TextSpan(sentence.Start + area.Index, sentence.Start + area.Index + area.Length));
            }

            var contextCountry = contextParts.Select(part => Countries.FromName(part)).FirstOrDefault(c => c is not null) ?? modifierNation;
            // Abbreviations ("J&K", "UP") are no names a gazetteer can look up. A country written last may also be a province
            // of the same name ("Niger" state): it stays an area too, and the country vote weighs both readings.
            var areas = contextParts.Select(part => StateAbbreviations.GetValueOrDefault(part, part))
                .Where(part => !Abbreviation().IsMatch(part) && !WordClasses.NotPlaces.IsMatch(part)).ToList();
            var score = prep switch { "in" or "at" or "near" or "off" or "outside" or "around" or "inside" => 3, "on" or "of" or "between" => 2, _ when actsOnPlace => 2, _ => 1 };
            if (match.Groups["feature"].Success || match.Value.Contains(" of ", StringComparison.Ordinal) || contextParts.Length > 0)
            {
                score++;
            }

            // "outside the Seray", "at the Ilya intersection": a building or a site named after something, tried after
            // the towns the sentence names.
            var markedAsPlace = hasContext || match.Groups["inArea"].Success || match.Value.Contains(" of ", StringComparison.Ordinal);
            // "in Sake, 25 km west of Goma": a place a distance is measured from is where the incident was not.
            var distance = DistanceBefore().Match(before);
            var reference = distance.Success;
            if (reference && found.Count > 0 && !found[^1].IsCountry && found[^1].Span.End <= start
                && double.TryParse(distance.Groups["number"].Value.Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                // The place named just before the distance is the one measured: its reading must lie that far from this one.
                var km = char.ToLowerInvariant(distance.Groups["unit"].Value[0]) == 'm' ? number * 1.609 : number;
                found[^1] = found[^1] with { MeasuredFrom = (name, km) };
            }

            var secondary = origin || reference || unmarkedObject || (!markedAsPlace && (match.Groups["the"].Success || match.Groups["site"].Success));
            if (origin || reference)
            {
                score = 0;
            }
            else if (secondary)
            {
                score -= 2;
            }

            if (Regex.IsMatch(before, @"\b(?:took\s+place|happened|occurred|broke\s+out|erupted|was\s+carried\s+out|were\s+carried\s+out)\s*$", RegexOptions.IgnoreCase))
            {
                score += 2;
            }

            // A coder's bracket gives the standard spelling of the name written before it ("Zibane [Ziban]"); "X City" may
            // be a city's full name ("Gaza City") or just X with its feature word ("Sidon City", "Kharan District").
            var standard = match.Groups["standard"].Success ? match.Groups["standard"].Value.Trim() : null;
            var withoutCity = FeatureWord().Replace(name, "");
            var otherName = standard is not null ? name : withoutCity != name && withoutCity.Length >= 3 ? withoutCity : null;
            if (country is not null && areas.Count > 0 && match.Groups["context"].Value.TrimStart().StartsWith('('))
            {
                // "in western Yemen (Ad Durayhimi, Al Hudaydah)": the areas in brackets are the place, inside the country;
                // as broad a place as an area, it comes after a town the sentence names.
                var contextGroup = match.Groups["context"];
                var areaStart = sentence.Start + contextGroup.Index + Math.Max(0, contextGroup.Value.IndexOf(areas[0], StringComparison.Ordinal));
                found.Add(new PlaceMention(new TextSpan(areaStart, areaStart + areas[0].Length), areas[0], areas[1..], country.Code, false, score - 2, null, secondary));
                continue;
            }

            found.Add(new PlaceMention(span, standard ?? name, areas, country?.Code ?? contextCountry?.Code, country is not null, country is not null ? score - 2 : score, otherName, secondary)
            {
                WrittenAsArea = match.Groups["feature"].Success ? AreaLevel(match.Groups["feature"].Value) : null,
            });
        }

        // "in the capital, Dhaka", "in the capital Kabul": the settlement word's name follows it (after a comma, but for
        // the capital).
        foreach (Match match in SettlementThenName().Matches(sentenceText))
        {
            if (Countries.FromName(match.Groups["name"].Value) is null)
            {
                AddNamed(match, []);
            }
        }

        // "in Nairobi's Kibera neighbourhood", "Lower Shabelle's Bulo Marer town": a quarter or a town written after the
        // possessive of its city or province is a place inside it. A "state" or "province" after the possessive is not.
        foreach (Match match in QuarterOfCity().Matches(sentenceText))
        {
            // "Sudan's White Nile state" names a province of a country, which the governed names already read.
            var city = match.Groups["city"].Value;
            if (!WordClasses.NotPlaces.IsMatch(city.Split(' ')[0]) && Countries.FromName(city) is null)
            {
                AddNamed(match, [city]);
            }
        }

        // "in Ukraine's Kharkiv region", "Syria's northwestern Idlib province": a province written after its country's
        // possessive is a place inside that country (the governed names read only the country there); a town the
        // sentence governs comes first ("in Kosti in Sudan's White Nile state").
        foreach (Match match in ProvinceOfCountry().Matches(sentenceText))
        {
            if (Countries.FromName(match.Groups["country"].Value) is { } nation)
            {
                AddNamed(match, [], score: 2, nation.Code, AreaLevel(match.Groups["feature"].Value));
            }
        }

        // "attacked Mocimboa da Praia in Cabo Delgado province": the province is where the town lies, not a scene of its own
        // that outranks a town governed by a verb rather than "in".
        found.RemoveAll(m => writtenAsAreas.Any(area => area.Start <= m.Span.Start && m.Span.End <= area.End) && found.Any(other => other.Areas.Count > 0 && !writtenAsAreas.Contains(other.Span)));
        return found;

        // A name these patterns mark as a place by how it is written: unless told otherwise, as sure as one governed by
        // "in" with a feature word.
        void AddNamed(Match match, IReadOnlyList<string> areas, int score = 4, string? country = null, Places.PlacePrecision? writtenAsArea = null)
        {
            var name = match.Groups["name"].Value;
            if (!WordClasses.NotPlaces.IsMatch(name.Split(' ')[0]))
            {
                var start = sentence.Start + match.Groups["name"].Index;
                found.Add(new PlaceMention(new TextSpan(start, start + name.Length), name, areas, country, false, score) { WrittenAsArea = writtenAsArea });
            }
        }
    }

    [GeneratedRegex(@"^(?:capital|city|town|village|port\s+city|border\s+town)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SettlementWord();

    /// <summary>The level of an administrative feature word written after a name: a province's words, then a district's.</summary>
    private static Places.PlacePrecision? AreaLevel(string feature) =>
        ProvinceWord().IsMatch(feature) ? Places.PlacePrecision.Admin1 : DistrictWord().IsMatch(feature) ? Places.PlacePrecision.Admin2 : null;

    [GeneratedRegex(@"^(?:province|region|state|governorate|oblast)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProvinceWord();

    [GeneratedRegex(@"^(?:district|county|department|LGA|local\s+government\s+area|municipality|prefecture)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DistrictWord();

    private static Regex SettlementThenName() => SettlementThenNamePattern.Value;

    private static readonly Lazy<Regex> SettlementThenNamePattern = new(() => new Regex(
        @"\b(?:in|at|near|outside|inside|on)\s+the\s+(?:(?:northern|southern|eastern|western|central|coastal|border|port)\s+)?(?:capital,?|(?:city|town|village|port),)\s+(?<name>" + Name + @")\b",
        WordClasses.Options & ~RegexOptions.IgnoreCase));

    private static Regex AreaAfter() => AreaAfterPattern.Value;

    private static readonly Lazy<Regex> AreaAfterPattern = new(() => new Regex(
        @"\G,?\s+in\s+(?:the\s+(?:province|state|region|district|governorate|county|department|prefecture|oblast|municipality)\s+of\s+(?<area>" + Name + @")|(?:the\s+)?(?<area>" + Name + @")(?:\s+(?:" + WordClasses.PlaceFeatures + @"))?)(?:,?\s+(?:of|in)\s+(?:the\s+)?(?<broader>" + Name + @"))?",
        WordClasses.Options & ~RegexOptions.IgnoreCase));

    private static Regex ProvinceOfCountry() => ProvinceOfCountryPattern.Value;

    private static readonly Lazy<Regex> ProvinceOfCountryPattern = new(() => new Regex(
        @"\b(?<country>" + Name + @")['’]s\s+(?:(?:northern|southern|eastern|western|central|north-?\w*|south-?\w*|restive|embattled|war-torn)\s+)?(?<name>" + Name + @")\s+(?<feature>region|province|state|oblast|governorate|district|county)\b",
        WordClasses.Options & ~RegexOptions.IgnoreCase));

    private static Regex QuarterOfCity() => QuarterOfCityPattern.Value;

    private static readonly Lazy<Regex> QuarterOfCityPattern = new(() => new Regex(
        @"\b(?<city>" + Name + @")['’]s\s+(?<name>" + Name + @")\s+(?:refugee\s+)?(?:neighbou?rhood|district|quarter|suburb|township|camp|sub-?city|section|area|town|village|city|locality)\b",
        WordClasses.Options & ~RegexOptions.IgnoreCase));
}
