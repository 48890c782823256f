using System.Text.RegularExpressions;

namespace Vigil.Places;

/// <summary>One reading of a place name, with the score the resolver gave it.</summary>
public sealed record PlaceCandidate(GazetteerEntry Entry, NameMatch Match, double Score, ResolvedPlace Place);

/// <summary>
/// Resolves a place name against the gazetteer: every entry the name can mean is scored by how well the name
/// matches, how prominent the place is, how well it fits the document's countries and other places, and whether it
/// is the kind of place the text announces ("Borno State", "the village of").
/// </summary>
public sealed partial class PlaceResolver(Gazetteer gazetteer) : IPlaceResolver
{
    /// <summary>Below this, no candidate is trusted and <see cref="Resolve"/> answers null.</summary>
    public const double MinimumScore = 0.45;

    private const double MatchWeight = 0.40;
    private const double ProminenceWeight = 0.20;
    private const double ContextWeight = 0.25;
    private const double KindWeight = 0.15;

    /// <summary>Prominence (see <see cref="Prominence"/>) of a city of about a million, or a regional capital of 100,000, or any province.</summary>
    private const double ProminentEnough = 0.8;

    /// <summary>What is left of a score when two distant places fit the name about equally well.</summary>
    private const double AmbiguityFactor = 0.85;

    /// <summary>What is left of a score when the candidate lies far from all the document's other places in its country.</summary>
    private const double FarFromContextFactor = 0.6;

    /// <summary>Two readings farther apart than this are different places, and a near tie between them is ambiguity.</summary>
    private const double SamePlaceKm = 50;

    /// <summary>A resolver over this installation's gazetteer (see <see cref="Gazetteer.Default"/>).</summary>
    public PlaceResolver()
        : this(Gazetteer.Default)
    {
    }

    public Gazetteer Gazetteer { get; } = gazetteer;

    public ResolvedPlace? Resolve(string name, string? countryCode = null, PlaceContext? context = null)
    {
        var candidates = Candidates(name, countryCode, context);
        var best = candidates.FirstOrDefault();
        if (best is null || best.Score < MinimumScore || !Trusted(best, countryCode, context))
        {
            return null;
        }

        // The mirror of Trusted: where the text only leans to a country, a small village there whose name is a
        // respelling ("Bagdad", Florida) is not the place meant when the very name is a prominent place elsewhere
        // ("Baghdad"): the text names the city, and the country it leans to is often only who acted.
        if (countryCode is null && context is { CountryCodes.Count: > 0 } && best.Match is NameMatch.Spelling or NameMatch.NearSpelling
            && Prominence(best.Entry) < ProminentPlace
            && candidates.FirstOrDefault(c => c.Match is NameMatch.Name && Prominence(c.Entry) >= ProminentPlace && c.Score >= MinimumScore) is { } named)
        {
            candidates = [named, .. candidates.Where(c => c != named)];
        }

        return WithRunnersUp(BestReading(candidates), candidates.Where(c => c.Score >= MinimumScore && Trusted(c, countryCode, context)));
    }

    /// <summary>How many other readings a resolved place lists for a reviewer.</summary>
    private const int RunnersUpListed = 5;

    /// <summary>Readings closer than this to one already listed (or to the choice) are the same place twice, whatever their kinds.</summary>
    private const double SameReadingKm = 5;

    /// <summary>
    /// The chosen place with the other plausible readings of its name (best first), each a distinct place: what a
    /// reviewer picks from when the text did not decide.
    /// </summary>
    private static ResolvedPlace WithRunnersUp(ResolvedPlace chosen, IEnumerable<PlaceCandidate> candidates)
    {
        var listed = new List<PlaceReading>();
        foreach (var candidate in candidates)
        {
            // A district at its seat's point is the town again for a reviewer, whatever its kind.
            var place = candidate.Place;
            bool Same(double latitude, double longitude) => Geo.DistanceKm(latitude, longitude, place.Latitude, place.Longitude) < SameReadingKm;
            if (Same(chosen.Latitude, chosen.Longitude) || listed.Any(r => Same(r.Latitude, r.Longitude)))
            {
                continue;
            }

            listed.Add(PlaceReading.Of(place));
            if (listed.Count == RunnersUpListed)
            {
                break;
            }
        }

        return listed.Count == 0 ? chosen : chosen with { RunnersUp = listed };
    }

    /// <summary>
    /// The place the candidates (best first, the first accepted) stand for: the best one's, or the area that holds
    /// them all when nothing decides between far-apart readings of a small place (see <see cref="UndecidedArea"/>).
    /// </summary>
    public ResolvedPlace BestReading(List<PlaceCandidate> candidates) => UndecidedArea(candidates) ?? candidates[0].Place;

    /// <summary>
    /// The readings that score within this of the best are as likely as it: when they lie far apart, nothing in the
    /// text decides between them.
    /// </summary>
    private const double UndecidedMargin = 0.05;

    /// <summary>
    /// When the best reading is a small place and others of the name in its country score as well far away (fourteen
    /// villages called Pisky in Ukraine), a guessed village would be false: the truth is the province that holds
    /// them all, or else the country, at that precision. Null when the best reading stands.
    /// </summary>
    private ResolvedPlace? UndecidedArea(List<PlaceCandidate> candidates)
    {
        var best = candidates[0];
        if (best.Entry.Kind != PlaceKind.Populated || Prominence(best.Entry) >= ProminentPlace)
        {
            return null;
        }

        var ties = candidates.TakeWhile(c => best.Score - c.Score < UndecidedMargin).ToList();
        if (!ties.Any(c => Geo.DistanceKm(best.Entry.Latitude, best.Entry.Longitude, c.Entry.Latitude, c.Entry.Longitude) > SamePlaceKm)
            || ties.Any(c => c.Entry.CountryCode != best.Entry.CountryCode))
        {
            // One place, or readings in several countries: which country is not for this rule to say.
            return null;
        }

        var admin1 = ties.All(c => c.Entry.Admin1Code == best.Entry.Admin1Code) ? Gazetteer.Admin1Of(best.Entry) : null;
        var area = admin1 ?? Gazetteer.Country(best.Entry.CountryCode);
        return area is null ? null : ToResolved(area, best.Score);
    }

    /// <summary>
    /// With no country to hold it, a respelling of the name anywhere in the world is more often a stranger's village
    /// than the place meant; only a prominent one is trusted. So is any reading outside the country the text points to.
    /// </summary>
    private static bool Trusted(PlaceCandidate candidate, string? countryCode, PlaceContext? context)
    {
        // The text points to another country: a small place of the name abroad, or a respelling, is more likely a
        // namesake of a village the gazetteer lacks there than the place meant.
        if (countryCode is null && context is { CountryCodes.Count: > 0 } && !context.CountryCodes.Contains(candidate.Place.CountryCode, StringComparer.OrdinalIgnoreCase))
        {
            return Prominence(candidate.Entry) >= ProminentPlace && candidate.Match is NameMatch.Name or NameMatch.AlternateName;
        }

        // Past the check above, any country the text points to holds the candidate.
        var anchored = countryCode is not null || context is { CountryCodes.Count: > 0 };
        return anchored || candidate.Match is not (NameMatch.Spelling or NameMatch.NearSpelling) || Prominence(candidate.Entry) >= UnanchoredSpellingProminence;
    }

    /// <summary>The prominence (a town of some 10,000, or a district seat) a spelling-tolerant match needs when no country anchors it.</summary>
    private const double UnanchoredSpellingProminence = 0.6;

    public ResolvedPlace? ResolveMeasuredFrom(string name, ResolvedPlace reference, double km, string? countryCode = null, PlaceContext? context = null)
    {
        var readings = Candidates(name, countryCode, context).Where(c => c.Score >= MinimumScore && Trusted(c, countryCode, context)).ToList();
        var agreeing = readings.Where(c => Geo.AgreesWithStatedDistance(Geo.DistanceKm(c.Place.Latitude, c.Place.Longitude, reference.Latitude, reference.Longitude), km)).ToList();
        return agreeing.Count == 0 ? null : WithRunnersUp(agreeing[0].Place, readings);
    }

    public IReadOnlyList<ResolvedPlace> ReadingsByCountry(string name, PlaceContext? context = null) =>
        [.. Candidates(name, null, context).Where(c => c.Score >= MinimumScore).GroupBy(c => c.Place.CountryCode).Select(g => g.First().Place)];

    /// <summary>Two readings farther apart than this cannot be a place and an area around it, unless the area is a province that holds the place.</summary>
    private const double WithinAreaKm = 150;

    public ResolvedPlace? ResolveWithin(string name, string area, string? countryCode = null, PlaceContext? context = null) =>
        ResolveWithin(name, [area], countryCode, context);

    /// <summary>A place this prominent (a city of some 100,000, a provincial seat) is itself even outside the area written beside it.</summary>
    private const double ProminentPlace = 0.7;

    public ResolvedPlace? ResolveWithin(string name, IReadOnlyList<string> areas, string? countryCode = null, PlaceContext? context = null)
    {
        // An area written beside a place is a place by how it is written, even a name that is also a word ("Bay").
        var areaContext = (context ?? PlaceContext.Empty) with { PhraseBefore = null, LabeledLocation = true };
        // An area the gazetteer has under the very name written is that area, not a respelled namesake elsewhere
        // ("Farwa District, Sanaa": Sanaa, not a village spelt like it beside another Farwa); an area that names a
        // country is the country, not the villages that once bore its name ("Yemen").
        var areaReadings = areas.Select(area => MostLiteral(Candidates(area, countryCode, areaContext).Where(c => c.Score >= MinimumScore).Take(10).ToList())).ToList();
        // A common name ("Jalalabad") has dozens of readings: the one inside the area may rank far down the list.
        var places = Candidates(name, countryCode, context).Where(c => c.Score >= MinimumScore).Take(200).ToList();
        // A province or district written beside the place decides among its readings; the country alone decides only when
        // nothing narrower is written that the gazetteer knows ("Islamabad, Pakistan"): a respelling elsewhere in the
        // country must not outrank the province the text names ("Bajaur District, Khyber Pakhtunkhwa, Pakistan").
        var narrowerWritten = areaReadings.Any(readings => readings.Count > 0 && readings[0].Entry.Kind != PlaceKind.Country);
        var pair = BestPair(places, areaReadings, area => area.Entry.Kind != PlaceKind.Country || !narrowerWritten);
        if (pair.Place is null && context is not null && char.IsUpper(name[0]) && Gazetteer.IsCommonWord(name))
        {
            // A word that is also a name ("Reading, Berkshire, UK") is the place when an area written beside it holds it.
            // With only the country known ("Berkshire" is no area the gazetteer has), its best reading there stands.
            var labeled = Candidates(name, countryCode, context with { LabeledLocation = true }).Where(c => c.Score >= MinimumScore).Take(200).ToList();
            pair = BestPair(labeled, areaReadings, _ => true);
            if (pair.Place is null && countryCode is not null && labeled.Count > 0 && labeled[0].Entry.CountryCode == countryCode)
            {
                pair = (labeled[0], labeled[0].Score);
            }
        }

        if (pair.Place is not null)
        {
            return WithRunnersUp(pair.Place.Place, places.Where(c => Trusted(c, countryCode, context)));
        }

        // Unpaired, a reading stands on its own, as in Resolve.
        areaReadings = [.. areaReadings.Select(readings => readings.Where(c => Trusted(c, countryCode, context)).ToList())];
        places = [.. places.Where(c => Trusted(c, countryCode, context))];

        // The name resolves, but not inside its area: unless it is a prominent place, it is more likely a namesake of a
        // village the gazetteer lacks, and the area (the most specific one that resolves) is the honest answer.
        // A respelling outside the area ("Arada" read as Arad) is no such place.
        if (places.Count > 0 && Prominence(places[0].Entry) >= ProminentPlace && places[0].Match is NameMatch.Name or NameMatch.AlternateName)
        {
            return WithRunnersUp(places[0].Place, places);
        }

        // Areas written together lie one within another: the most specific reading that a broader area holds is surer
        // than the best reading of any one area alone ("Pobe-Mengao, Soum": a department of Soum, not Pobé in Benin).
        var area = areaReadings.SelectMany((readings, i) => readings.SelectMany(reading => areaReadings.Skip(i + 1).SelectMany(broader => broader)
                .Where(b => Holds(b, reading)).Select(b => (Reading: reading, Specificity: i, Score: reading.Score + b.Score))))
            .OrderBy(pair => pair.Specificity).ThenByDescending(pair => pair.Score).FirstOrDefault().Reading
            // Areas that disagree: a respelled reading is the likelier namesake, so an area matched by its own name wins.
            ?? areaReadings.Where(readings => readings.Count > 0).Select(readings => readings[0])
                .OrderBy(reading => reading.Match is NameMatch.Spelling or NameMatch.NearSpelling ? 1 : 0).FirstOrDefault();
        if (area is not null)
        {
            // The name itself did not resolve inside its area: its readings elsewhere are what a reviewer may prefer.
            return WithRunnersUp(area.Entry.Kind == PlaceKind.Populated ? area.Place with { Precision = PlacePrecision.NearTown } : area.Place, places);
        }

        return places.Count > 0 ? WithRunnersUp(BestReading(places), places) : null;
    }

    private static bool Exact(PlaceCandidate candidate) => candidate.Match is NameMatch.Name or NameMatch.AlternateName;

    /// <summary>An area's readings under the very name written: the country it names if it names one, else its exact readings, else all.</summary>
    private static List<PlaceCandidate> MostLiteral(List<PlaceCandidate> readings)
    {
        var country = readings.Where(c => c.Entry.Kind == PlaceKind.Country && Exact(c)).ToList();
        return country.Count > 0 ? country : readings.Any(Exact) ? [.. readings.Where(Exact)] : readings;
    }

    /// <summary>The reading of the name that a usable reading of a written area holds, with the best sum of both scores; (null, 0) when none is held.</summary>
    private static (PlaceCandidate? Place, double Score) BestPair(IEnumerable<PlaceCandidate> places, List<List<PlaceCandidate>> areaReadings, Func<PlaceCandidate, bool> usable) =>
        places.SelectMany(place => areaReadings.SelectMany(readings => readings.Where(area => usable(area) && Holds(area, place)).Select(area => ((PlaceCandidate?)place, place.Score + area.Score))))
            .OrderByDescending(pair => pair.Item2).FirstOrDefault();

    /// <summary>The area can hold the place: same country, at least as broad a kind (a town holds no province), and the
    /// place inside the area's province or within reach of its centre. A country holds all its places: its centre says
    /// nothing of where in it a place lies ("Islamabad, Pakistan" is the capital, not the village nearest the middle).</summary>
    private static bool Holds(PlaceCandidate area, PlaceCandidate place) =>
        area.Place.CountryCode == place.Place.CountryCode && !ReferenceEquals(area.Entry, place.Entry) && Breadth(area.Entry.Kind) >= Breadth(place.Entry.Kind)
        && (area.Entry.Kind == PlaceKind.Country
            || (area.Entry.Kind == PlaceKind.Admin1 && string.Equals(area.Place.Admin1, place.Place.Admin1, StringComparison.OrdinalIgnoreCase))
            || Geo.DistanceKm(area.Place.Latitude, area.Place.Longitude, place.Place.Latitude, place.Place.Longitude) <= WithinAreaKm);

    private static int Breadth(PlaceKind kind) => kind switch
    {
        PlaceKind.Country => 3,
        PlaceKind.Admin1 => 2,
        PlaceKind.Admin2 => 1,
        _ => 0,
    };

    /// <summary>
    /// Every reading of the name, best first. A name that matches nothing whole but is written "Town - Quarter" or
    /// "Town (Area)" is read as its parts: the more specific part when it lies within reach of the first, else the first.
    /// </summary>
    public List<PlaceCandidate> Candidates(string name, string? countryCode = null, PlaceContext? context = null)
    {
        var whole = ScoreCandidates(name, countryCode, context);
        if (whole.Count > 0 && whole[0].Score >= MinimumScore)
        {
            return whole;
        }

        // "Donetsk Airport", "Socotra Port", "Coast of Zwara": a site at or near a place the gazetteer knows.
        var (site, isSite) = WithoutSiteWords(name);
        if (isSite)
        {
            var near = ScoreCandidates(site, countryCode, context);
            if (near.Count > 0 && near[0].Score >= MinimumScore)
            {
                return [.. near.Select(candidate => candidate.Entry.Kind == PlaceKind.Populated
                    ? candidate with { Place = candidate.Place with { Precision = PlacePrecision.NearTown } }
                    : candidate)];
            }
        }

        // The hyphen of an article ("Jabal al-Zawiya") joins one name; it does not divide two.
        var parts = ArticleHyphen().Replace(name, "$1 ").Split([" - ", " – ", "-", "/", "(", ")", ","], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => PlaceNameKey.Words(part).Sum(word => word.Length) >= 4)
            .ToList();
        if (parts.Count < 2)
        {
            return whole;
        }

        // A part read alone ("Mayo" of "Mayo-Sava") matches the name no better than a respelling does: without a country
        // or an area to hold it, only a prominent place is trusted (see Trusted).
        var fromParts = ReadParts(parts, countryCode, context);
        return fromParts.Count > 0 ? [.. fromParts.Select(c => c with { Match = NameMatch.Spelling })] : whole;
    }

    [GeneratedRegex(@"\b(al|el|ad|an|ar|as|ash|at|az|ed|es|en|ad-d|ath)-(?=\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleHyphen();

    private List<PlaceCandidate> ReadParts(List<string> parts, string? countryCode, PlaceContext? context)
    {
        var first = ScoreCandidates(parts[0], countryCode, context);
        if (first.Count == 0 || first[0].Score < MinimumScore)
        {
            return parts.Skip(1).Select(part => ScoreCandidates(part, countryCode, context)).FirstOrDefault(found => found.Count > 0 && found[0].Score >= MinimumScore) ?? [];
        }

        foreach (var part in parts.Skip(1))
        {
            var specific = ScoreCandidates(part, countryCode, context);
            if (specific.Count > 0 && specific[0].Score >= MinimumScore
                && Geo.DistanceKm(specific[0].Entry.Latitude, specific[0].Entry.Longitude, first[0].Entry.Latitude, first[0].Entry.Longitude) <= SamePlaceKm)
            {
                return specific;
            }
        }

        return first;
    }

    /// <summary>Words that name a site at a place rather than the place: "airport", "port", "outskirts of"...</summary>
    private static readonly HashSet<string> SiteWords = new(StringComparer.Ordinal)
    {
        "airport", "airbase", "port", "harbour", "harbor", "station", "coast", "outskirts", "border", "crossing", "checkpoint", "mine", "prison", "base", "bridge", "junction", "market", "university", "hospital", "road", "highway", "of", "near",
    };

    private static (string Remainder, bool HadSiteWord) WithoutSiteWords(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(word => !SiteWords.Contains(word.ToLowerInvariant())).ToArray();
        return (string.Join(' ', kept), kept.Length > 0 && kept.Length < words.Length);
    }

    private List<PlaceCandidate> ScoreCandidates(string name, string? countryCode, PlaceContext? context)
    {
        var (_, designatorHint) = PlaceNameKey.WithoutDesignator(name);
        var hint = designatorHint != PlaceKindHint.None ? designatorHint : PlacePhrase.HintBefore(context?.PhraseBefore);
        var hits = Gazetteer.Find(name, countryCode);
        if (hits.Count == 0)
        {
            return [];
        }

        // A common English word in running text ("Hit", "Nice", "Along") is a place only when the text says so.
        var commonWordRejected = context is not null && Gazetteer.IsCommonWord(name) && !SaysItIsAPlace(name, designatorHint, context);
        var scored = new List<(GazetteerHit Hit, double Score)>();
        foreach (var hit in hits)
        {
            // Only a country's own name outranks a common word ("Turkey"); an alias such as "Man" for the Isle of Man does not.
            if (commonWordRejected && !(hit.Entry.Kind == PlaceKind.Country && hit.Match == NameMatch.Name))
            {
                continue;
            }

            var (contextFit, farFromContext) = ContextFit(hit.Entry, countryCode, context);
            var prominence = Prominence(hit.Entry);
            // A town far from the document's other places is likely a namesake; a city or a province called by its
            // own name is not (an old or respelled name of a far city is as likely a village the gazetteer lacks).
            var namesake = farFromContext && (prominence < ProminentEnough || hit.Match != NameMatch.Name);
            var score = (MatchWeight * MatchScore(hit.Match))
                + (ProminenceWeight * prominence)
                + (ContextWeight * (namesake ? 0 : contextFit))
                + (KindWeight * KindFit(hit.Entry.Kind, hint));
            if (namesake)
            {
                score *= FarFromContextFactor;
            }
            scored.Add((hit, score));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        // A near tie between distant places lowers confidence in every reading, and keeps their order.
        var confidence = IsAmbiguous(scored) ? AmbiguityFactor : 1.0;
        var candidates = new List<PlaceCandidate>(scored.Count);
        foreach (var (hit, raw) in scored)
        {
            var score = raw * confidence;
            candidates.Add(new PlaceCandidate(hit.Entry, hit.Match, Math.Round(score, 3), ToResolved(hit.Entry, Math.Round(score, 3))));
        }

        return candidates;
    }

    private static bool SaysItIsAPlace(string name, PlaceKindHint designatorHint, PlaceContext context) =>
        context.LabeledLocation
        || designatorHint != PlaceKindHint.None
        || (char.IsUpper(name.TrimStart()[0]) && PlacePhrase.HintBefore(context.PhraseBefore) != PlaceKindHint.None);

    /// <summary>The runner-up is another place (far away) that scores almost as well.</summary>
    private static bool IsAmbiguous(List<(GazetteerHit Hit, double Score)> scored) =>
        scored.Skip(1).Any(other => scored[0].Score - other.Score < 0.05
            && Geo.DistanceKm(scored[0].Hit.Entry.Latitude, scored[0].Hit.Entry.Longitude, other.Hit.Entry.Latitude, other.Hit.Entry.Longitude) > SamePlaceKm);

    private const double NamesExponent = 3;

    /// <summary>log10 of a town of 10,000: the most that names alone make of a place.</summary>
    private const double MostPeopleNamesStandFor = 4;

    private static double MatchScore(NameMatch match) => match switch
    {
        NameMatch.Name => 1.0,
        NameMatch.AlternateName => 0.9,
        NameMatch.Spelling => 0.75,
        _ => 0.5,
    };

    private static double Prominence(GazetteerEntry entry)
    {
        switch (entry.Kind)
        {
            case PlaceKind.Country:
                return 1.0;
            case PlaceKind.Admin1:
                return 0.8;
            case PlaceKind.Admin2:
                return 0.55;
        }

        // A place's names in other languages and scripts stand for what is written about it where its population is
        // unknown: about as prominent as a place of names^3 people (a village with 3 names), but never more than a
        // town, since a namesake village sometimes carries a famous place's names.
        var byNames = Math.Min(NamesExponent * Math.Log10(Math.Max(1, entry.NamesInAllScripts)), MostPeopleNamesStandFor);
        var byPopulation = Math.Max(Math.Log10(entry.Population + 1), byNames) / 7;
        var bySeat = entry.FeatureCode switch
        {
            "PPLC" => 0.3,
            "PPLA" => 0.2,
            "PPLA2" => 0.1,
            "PPLX" => -0.05,
            _ => 0,
        };
        return Math.Clamp(byPopulation + bySeat, 0, 1);
    }

    /// <summary>
    /// How well a candidate fits the document: 1 in a country the document names and near its other places, 0.5 with
    /// nothing to go by, 0.1 in another country; and whether it lies far from every other place the document has in
    /// its country.
    /// </summary>
    private (double Fit, bool FarFromContext) ContextFit(GazetteerEntry entry, string? countryCode, PlaceContext? context)
    {
        var fit = 0.5;
        if (countryCode is null && context is { CountryCodes.Count: > 0 })
        {
            fit = context.CountryCodes.Contains(entry.CountryCode, StringComparer.OrdinalIgnoreCase) ? 1.0 : 0.1;
        }

        if (context is null || entry.Kind == PlaceKind.Country)
        {
            return (fit, false);
        }

        var admin1 = Gazetteer.Admin1Name(entry);
        var bonus = 0.0;
        var placesInCountry = 0;
        foreach (var other in context.OtherPlaces)
        {
            if (!string.Equals(other.CountryCode, entry.CountryCode, StringComparison.OrdinalIgnoreCase)
                || other.Precision.UcdpWherePrecision == PlacePrecision.Country.UcdpWherePrecision)
            {
                continue;
            }

            placesInCountry++;
            if (admin1 is not null && string.Equals(admin1, other.Admin1, StringComparison.Ordinal))
            {
                bonus = Math.Max(bonus, 0.3);
            }

            // A province named in the document is a boundary, not a point: being near its centre says little.
            if (other.Precision == PlacePrecision.Admin1)
            {
                continue;
            }

            var km = Geo.DistanceKm(entry.Latitude, entry.Longitude, other.Latitude, other.Longitude);
            bonus = Math.Max(bonus, km <= 30 ? 0.3 : km <= 150 ? 0.2 : km <= FarFromContextKm ? 0.1 : 0);
        }

        return (Math.Min(1, fit + bonus), placesInCountry > 0 && bonus == 0);
    }

    /// <summary>
    /// A candidate this far from every other place the document has in its country, and in none of their
    /// provinces, is most likely a namesake of a place the gazetteer lacks.
    /// </summary>
    private const double FarFromContextKm = 250;

    private static double KindFit(PlaceKind kind, PlaceKindHint hint) => hint switch
    {
        PlaceKindHint.Admin1 => kind switch { PlaceKind.Admin1 => 1.0, PlaceKind.Admin2 => 0.4, PlaceKind.Populated => 0.2, _ => 0.1 },
        PlaceKindHint.Admin2 => kind switch { PlaceKind.Admin2 => 1.0, PlaceKind.Admin1 => 0.4, PlaceKind.Populated => 0.3, _ => 0.1 },
        PlaceKindHint.Settlement => kind == PlaceKind.Populated ? 1.0 : 0.1,
        _ => kind switch { PlaceKind.Country => 1.0, PlaceKind.Populated => 0.7, PlaceKind.Admin1 => 0.6, _ => 0.4 },
    };

    private ResolvedPlace ToResolved(GazetteerEntry entry, double score) =>
        new(entry.Name, entry.Latitude, entry.Longitude, entry.CountryCode, Gazetteer.Admin1Name(entry), PrecisionOf(entry.Kind), entry.GeonameId, score);

    /// <summary>A country is its centroid at country precision, never a city; an area is its centroid at that area's level.</summary>
    public static PlacePrecision PrecisionOf(PlaceKind kind) => kind switch
    {
        PlaceKind.Country => PlacePrecision.Country,
        PlaceKind.Admin1 => PlacePrecision.Admin1,
        PlaceKind.Admin2 => PlacePrecision.Admin2,
        _ => PlacePrecision.Town,
    };
}
