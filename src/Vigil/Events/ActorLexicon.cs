using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>One actor mention found in a sentence: where it stands and who it denotes.</summary>
internal sealed record ActorMention(int Start, int End, string Name, ActorKind Kind, string? Group, bool Armed);

/// <summary>
/// Named armed groups and the descriptors reports use for actors ("pro-Houthi forces", "armed men", "clan militia",
/// "protesters"), mapped to ACLED's actor types. Named groups carry their canonical name as the group.
/// </summary>
internal static class ActorLexicon
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <remarks>The home countries of named groups are data: <c>data/lexicon/en/home-countries.tsv</c> (<see cref="ConflictTheatres"/>).</remarks>
    private static readonly (Regex Pattern, string Name, ActorKind Kind, bool Named)[] Entries =
    [
        (new(@"\b(?:ISWAP|Islamic\s+State\s+(?:in\s+)?West\s+Africa(?:\s+Province)?)\b", Options), "Islamic State West Africa Province", ActorKind.RebelGroup, true),
        (new(@"\b(?:Islamic\s+State|ISIS|ISIL|Isis|Isil|Daesh|IS\s+(?=militants?|fighters?|jihadists?|members?|cells?|snipers?|gunmen))\b", RegexOptions.CultureInvariant), "Islamic State", ActorKind.RebelGroup, true),
        (new(@"\bTaliban\b", Options), "Taliban", ActorKind.RebelGroup, true),
        (new(@"\bBoko\s+Haram\b", Options), "Boko Haram", ActorKind.RebelGroup, true),
        (new(@"\bal[- ]?Shabaa?b\b", Options), "Al Shabaab", ActorKind.RebelGroup, true),
        (new(@"\b(?:al[- ]Qaeda|al[- ]Qaida|AQAP|AQIM)\b", Options), "Al Qaeda", ActorKind.RebelGroup, true),
        (new(@"\bJNIM\b|\bJama'?at\s+Nusrat", Options), "JNIM", ActorKind.RebelGroup, true),
        (new(@"\b(?:Hayat\s+Tahrir\s+al-Sham|HTS)\b", Options), "Hayat Tahrir al-Sham", ActorKind.RebelGroup, true),
        (new(@"\b(?:pro-|anti-)?Houthis?\b|\bAnsar\s+Allah\b", Options), "Houthis", ActorKind.RebelGroup, true),
        (new(@"\bPKK\b", Options), "PKK", ActorKind.RebelGroup, true),
        (new(@"\b(?:SDF|YPG|Syrian\s+Democratic\s+Forces)\b", Options), "Syrian Democratic Forces", ActorKind.RebelGroup, true),
        (new(@"\bHezbollah\b", Options), "Hezbollah", ActorKind.PoliticalMilitia, true),
        (new(@"\bHamas\b", Options), "Hamas", ActorKind.RebelGroup, true),
        (new(@"\bFARC\b", Options), "FARC dissidents", ActorKind.RebelGroup, true),
        (new(@"\bELN\b", RegexOptions.CultureInvariant), "ELN", ActorKind.RebelGroup, true),
        (new(@"\b(?:NPA|New\s+People'?s\s+Army)\b", Options), "New People's Army", ActorKind.RebelGroup, true),
        (new(@"\b(?:Maoists?|Naxal(?:ite)?s?)\b", Options), "Maoists", ActorKind.RebelGroup, true),
        (new(@"\b(?:ADF|Allied\s+Democratic\s+Forces)\b", Options), "Allied Democratic Forces", ActorKind.RebelGroup, true),
        (new(@"\bCODECO\b", Options), "CODECO", ActorKind.PoliticalMilitia, true),
        (new(@"\b(?:CJNG|Jalisco\s+New\s+Generation\s+Cartel|Sinaloa\s+Cartel|cartel)\b", Options), "Drug cartel", ActorKind.PoliticalMilitia, true),
        (new(@"\bFulani\s+(?:militia\w*|herdsmen|herders|gunmen)\b", Options), "Fulani Ethnic Militia", ActorKind.IdentityMilitia, true),
        (new(@"\b(?:Russian|Turkish|American|US|U\.S\.|Israeli|French|Iranian|Saudi|Emirati|British|Eritrean|Rwandan|Ethiopian|Kenyan|Ugandan|Chadian)(?:-led)?\s+(?:coalition\s+)?(?:forces|troops|soldiers|warplanes|jets|aircraft|drones?|military|army|air\s?force)\b", Options), "Foreign forces", ActorKind.ExternalForces, false),
        (new(@"\b(?:(?:US|Saudi|Arab)-led\s+)?coalition\s+(?:forces|warplanes|aircraft|jets|air\s?strikes?)|\bNATO\b|\bpeacekeepers?\b|\b(?:MINUSMA|MONUSCO|AMISOM|UNIFIL|UNMISS)\b", Options), "External forces", ActorKind.ExternalForces, false),
        (new(@"\b(?:(?:local|clan|ethnic|communal|tribal|community|village|\w+\s+ethnic)\s+militia(?:s|men|man)?|militiamen\s+from\s+the\s+\w+\s+(?:and\s+\w+\s+)?(?:sub-?)?clans?|clan\s+(?:militiamen|fighters|members|gunmen)|\w+\s+clan|vigilante\s+groups?|vigilantes|herders|herdsmen|dozos?|Dozo)\b", Options), "Identity militia", ActorKind.IdentityMilitia, false),
        (new(@"\b(?:police(?:men|man|women|woman)?(?:\s+(?:officers?|forces|personnel|agents))?|riot\s+police|cops|gendarmes?|gendarmerie|national\s+guard(?:smen)?|border\s+guards?|custodial\s+corps|ministerial\s+police|municipal\s+police|state\s+police|federal\s+police|law\s+enforcement)\b", Options), "Police Forces", ActorKind.StateForces, false),
        (new(@"\b(?:(?:security|government|govt\.?|regime|state|armed|military|national|federal|Afghan|Iraqi|Syrian|Somali|Nigerian|Malian|Burkinabe|Cameroonian|Yemeni|Libyan|Ukrainian|Azerbaijani|Armenian|Indian|Pakistani)\s+forces|soldiers?|troops|army|military|servicem[ae]n|marines|paratroopers|air\s?force|navy|commandos?|special\s+forces|security\s+personnel|military\s+forces\s+of\s+\w+)\b", Options), "Military Forces", ActorKind.StateForces, false),
        (new(@"\b(?:rebels?|insurgents?|jihadists?|jihadis?|separatists?|guerrillas?|militants?|extremists?|terrorists?|(?:pro|anti)-\w+\s+(?:forces|fighters)|resistance\s+forces|fighters)\b", Options), "Rebel group", ActorKind.RebelGroup, false),
        (new(@"\b(?:militias?|militiam[ae]n|paramilitar(?:y|ies))\b", Options), "Militia", ActorKind.PoliticalMilitia, false),
        (new(@"\b(?:(?:unidentified|unknown|suspected)\s+(?:armed\s+)?(?:gunmen|men|assailants|attackers|individuals|persons|people|group|militants)|armed\s+(?:men|individuals|persons|group|assailants|bandits|robbers)|gunmen|gunman|snipers?|assailants?|attackers?|bandits|hitm[ae]n|kidnappers|abductors|hooded\s+men|criminals|criminal(?!\s+(?:case|cases|investigations?|charges?|code|courts?|proceedings|records?|complaints?|probe|inquiry|liability|justice|law|offen[cs]es?|trials?))|gang(?:s|sters)?)\b", Options), "Unidentified Armed Group", ActorKind.PoliticalMilitia, false),
        (new(@"\b(?:protesters|protestors|demonstrators|marchers|strikers|picketers)\b", Options), "Protesters", ActorKind.Protesters, false),
        (new(@"\b(?:rioters|mobs?|angry\s+(?:crowd|residents|villagers|youths))\b", Options), "Rioters", ActorKind.Rioters, false),
        (new(@"\b(?:(?:a\s+)?group\s+of\s+(?:\d+\s+|about\s+\d+\s+|some\s+)?(?:\w+\s+)?(?:youths?|people|men|villagers|residents|locals|students|workers)|community\s+members|locals|crowds?|supporters|nationals|labou?rers|civilians?|villagers|residents|farmers?|women|children|child|man|woman|boy|girl|journalists?|students?|workers?|worshipp?ers|passengers|shepherds?|traders|family|families|teachers?|doctors?|nurses?|health\s+workers?|aid\s+workers?|pedestrians?|motorists?|driver|drivers|merchants|vendors|youths?|people|person|mother|father|wife|husband|son|daughter|brother|sister|teenager|elder|priest|imam|pastor|activists?|lawyers?|politicians?|candidates?|councill?ors?|mayor|displaced)\b", Options), "Civilians", ActorKind.Civilians, false),
    ];

    /// <summary>Every actor mention in <paramref name="text"/> from <paramref name="offset"/> on, in order, without overlaps.</summary>
    public static List<ActorMention> Find(string text, int start, int end)
    {
        var found = new List<ActorMention>();
        var slice = text.Substring(start, end - start);
        foreach (var (pattern, name, kind, named) in Entries)
        {
            foreach (Match match in pattern.Matches(slice))
            {
                var mentionStart = start + match.Index;
                var mentionEnd = mentionStart + match.Length;
                if (found.Any(other => other.Start < mentionEnd && mentionStart < other.End))
                {
                    continue;
                }

                var armed = kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters);
                found.Add(new ActorMention(mentionStart, mentionEnd, named ? name : Describe(match.Value, name), kind, named ? name : null, armed));
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>A descriptor keeps its own words ("pro-Houthi forces"), tidied, so the analyst sees what the text says.</summary>
    private static string Describe(string words, string fallback)
    {
        var cleaned = Regex.Replace(words.Trim(), @"\s+", " ");
        return cleaned.Length == 0 ? fallback : char.ToUpperInvariant(cleaned[0]) + cleaned[1..];
    }
}
