using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>The country an incident is judged to have happened in, and whether places (not only names of nations) say so.</summary>
/// <param name="FromPlaces">True when a place, an area or a country named as the place supports it; false when only
/// countries named in passing or adjectives ("Afghan forces") do, which often give an actor's country instead.</param>
internal sealed record CountryJudgement(string Code, bool FromPlaces);

/// <summary>
/// Decides which country an incident happened in by weighing everything its sentences say. A country named as the
/// place ("in Yemen", "X, Syria") counts most; then the areas written beside a place ("(Sirwah, Marib)"), which seldom
/// exist in more than one country; then the places themselves, each shared among the countries where the gazetteer
/// has it; then countries merely named; last the adjectives. A name that qualifies something foreign to the place
/// ("Saudi-led", "US dollar", "Indian nationals") counts for nothing. The rest of the article breaks ties.
/// </summary>
internal static partial class IncidentCountry
{
    private const double CountryAsPlace = 3.0;
    private const double CountryBesidePlace = 2.5;
    private const double AreaBesidePlace = 2.0;
    private const double PlaceInTrigger = 1.5;
    private const double PlaceInContext = 1.0;
    private const double CountryNamed = 1.0;
    private const double CountryAdjective = 0.4;

    /// <summary>
    /// "Palestinian residents", "Afghan civilians", "Palestinians": the people of a place are mostly found in it. So are
    /// a state's police, courts and authorities ("Kuwaiti authorities arrest six"), which act at home where its army
    /// may not.
    /// </summary>
    private const double ResidentsAdjective = 0.8;
    private const double CountryNamedElsewhere = 0.2;
    private const double ActorHomeCountry = 0.6;

    /// <summary>What a building's or an origin's name ("outside the Seray", "militias from X") keeps of a place's weight.</summary>
    private const double SecondaryPlaceFactor = 0.4;


    [GeneratedRegex(@"^\s+(?:\w+\s+)?(?:residents|civilians|villagers|people|citizens|farmers|workers|families|children|women|men|youths?|protesters|demonstrators|students|journalists?|man|woman|boy|girl|teenager|detainees|prisoners|refugees)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResidentsAfter();

    [GeneratedRegex(@"^\s+(?:(?:state|federal|local|regional|judicial|border)\s+)?(?:authorities|police|policemen|police\s+officers|riot\s+police|gendarmes|gendarmerie|prosecutors?|courts?|judiciary|interior\s+ministry|ministry\s+of\s+(?:the\s+)?interior|security\s+services|intelligence\s+services?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HomeInstitutionAfter();

    private static readonly Lazy<Regex> NameThatActs = new(() => new Regex($@"^\s+(?:{WordClasses.CountryAsActor})\b", WordClasses.Options));

    /// <summary>The provinces where the parties an incident's text names operate (data/lexicon/en/theatres.tsv), when the incident is in their country.</summary>
    public static IEnumerable<string> Theatre(string incidentText, string countryCode) => ConflictTheatres.Provinces(incidentText, countryCode);

    /// <summary>Place evidence at least this strong makes the judgement one that may restrict the place search to its country.</summary>
    private const double PlaceSupportNeeded = 0.9;

    public static CountryJudgement? Decide(
        string text,
        IReadOnlyList<(PlaceMention Place, bool InTrigger)> mentions,
        IEnumerable<TextSpan> incidentSentences,
        IEnumerable<TextSpan> otherSentences,
        IPlaceResolver? resolver)
    {
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        var fromPlaces = new Dictionary<string, double>(StringComparer.Ordinal);
        void Vote(string code, double weight, bool placeEvidence)
        {
            votes[code] = votes.GetValueOrDefault(code) + weight;
            if (placeEvidence)
            {
                fromPlaces[code] = fromPlaces.GetValueOrDefault(code) + weight;
            }
        }

        var countedSpans = new List<TextSpan>();
        var actingNames = new Dictionary<string, double>(StringComparer.Ordinal);
        var atSea = false;
        // Whose the act was is said once however often the report repeats it ("U.S. forces ... the U.S. military said").
        var actorsVoted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (place, inTrigger) in mentions)
        {
            if (place.CountryCode is { } named)
            {
                // "in Yemen" is the place; "X, Niger" is nearly always the country, though a province may share its name.
                Vote(named, place.IsCountry ? CountryAsPlace : CountryBesidePlace, placeEvidence: true);
            }

            countedSpans.Add(place.Span);
            if (place.IsCountry || resolver is null)
            {
                continue;
            }

            var phraseBefore = text[Math.Max(0, place.Span.Start - 40)..place.Span.Start];
            var weight = (inTrigger ? PlaceInTrigger : PlaceInContext) * (place.Secondary ? SecondaryPlaceFactor : 1);
            VoteReadings(resolver.ReadingsByCountry(place.Name, new PlaceContext([], [], phraseBefore)), weight, Vote);
            foreach (var area in place.Areas)
            {
                VoteReadings(resolver.ReadingsByCountry(area, new PlaceContext([], [], null, LabeledLocation: true)), AreaBesidePlace, Vote);
            }
        }

        foreach (var sentence in incidentSentences)
        {
            var sentenceText = text.Substring(sentence.Start, sentence.Length);
            atSea |= WordClasses.AtSea.IsMatch(sentenceText);
            foreach (var mention in Countries.Mentions(sentenceText))
            {
                var span = new TextSpan(sentence.Start + mention.Start, sentence.Start + mention.Start + mention.Length);
                if (mention.IsForeignReference || countedSpans.Any(counted => counted.Contains(span)))
                {
                    continue;
                }

                var after = sentenceText[(mention.Start + mention.Length)..];
                // Armed men are as often abroad ("Israeli forces" in the West Bank) as at home: only the people of a place
                // count for more than an adjective.
                // A name that acts or speaks ("U.S. forces strike ...", "the U.S. said") says who, as an adjective does ("American forces").
                var acts = NameThatActs.Value.IsMatch(after);
                var adjective = mention.IsAdjective || acts;
                var weight = !adjective ? CountryNamed : mention.IsPeople || ResidentsAfter().IsMatch(after) || HomeInstitutionAfter().IsMatch(after) ? ResidentsAdjective : CountryAdjective;
                if (weight == CountryAdjective && !actorsVoted.Add(mention.Code))
                {
                    continue;
                }

                Vote(mention.Code, weight, placeEvidence: false);
                if (acts)
                {
                    actingNames[mention.Code] = actingNames.GetValueOrDefault(mention.Code) + weight;
                }
            }

            foreach (var code in ConflictTheatres.HomeCountries(sentenceText))
            {
                Vote(code, ActorHomeCountry, placeEvidence: false);
            }
        }

        foreach (var sentence in otherSentences)
        {
            foreach (var mention in Countries.Mentions(text.Substring(sentence.Start, sentence.Length)))
            {
                if (!mention.IsForeignReference && !mention.IsAdjective)
                {
                    Vote(mention.Code, CountryNamedElsewhere, placeEvidence: false);
                }
            }
        }

        // At sea no ground is anyone's: with no place to say where, the country of the party acted on places the act
        // ("a Russian tanker"), never the country that acted ("U.S. aircraft strike a boat in the Caribbean": no
        // country, rather than the United States).
        if (atSea && fromPlaces.Count == 0)
        {
            foreach (var (code, weight) in actingNames)
            {
                votes[code] -= weight;
            }

            foreach (var code in votes.Where(vote => vote.Value <= 1e-9).Select(vote => vote.Key).ToList())
            {
                votes.Remove(code);
            }
        }

        if (votes.Count == 0)
        {
            return null;
        }

        // Between countries weighed alike, one named as the party that acted is the less likely place: an acting state
        // is often abroad ("Russia launched an offensive", told by a Ukrainian commander).
        var best = votes.OrderByDescending(vote => Math.Round(vote.Value, 6)).ThenBy(vote => actingNames.ContainsKey(vote.Key))
            .ThenBy(vote => vote.Key, StringComparer.Ordinal).First();
        return new CountryJudgement(best.Key, fromPlaces.GetValueOrDefault(best.Key) >= PlaceSupportNeeded);
    }

    /// <summary>How far a reading's score stands above the resolver's floor: a respelled village barely counts, a city by its own name fully.</summary>
    private static double Trust(double score) => Math.Clamp((score - PlaceResolver.MinimumScore) / 0.4, 0, 1);

    /// <summary>
    /// Shares a place's weight among the countries where it can be, steeply in favour of the better readings (a capital
    /// called Tripoli outweighs a provincial town of the name), and scaled by how well the best reading fits at all.
    /// </summary>
    private static void VoteReadings(IReadOnlyList<ResolvedPlace> readings, double weight, Action<string, double, bool> vote)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var total = readings.Sum(reading => Math.Pow(reading.Score, 4));
        foreach (var reading in readings)
        {
            vote(reading.CountryCode, weight * Trust(reading.Score) * Math.Pow(reading.Score, 4) / total, true);
        }
    }
}
