using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>
/// Turns one article into the incidents it reports, each coded as an event analyst would code it. Sentences that carry
/// incident cues are grouped into incidents (a new incident starts at a discourse marker such as "Separately", at an
/// incompatible kind of violence, or at a different place); sentences without cues that continue the story (a pronoun,
/// a person already named, an attribution) lend the incident their sources and context. Each incident is then typed,
/// dated, placed, counted and attributed from its own sentences only.
/// </summary>
public sealed partial class EventExtractor(IPlaceResolver? placeResolver = null, IncidentClassifier? classifier = null)
{

    /// <summary>The trained typer that has the last word on each incident's sub-type and on whether it is one; null when the rules decide alone.</summary>
    public IncidentClassifier? Classifier => classifier;

    /// <summary>The versions of the model and the lexicon that code events here, recorded with every claim.</summary>
    public string CoderVersion { get; } = $"{classifier?.Version ?? "rules"}+{EventLexicon.Version}";

    private enum Family
    {
        Harm,
        Battle,
        Remote,
        Violence,
        Protest,
        Riot,
        Strategic,
    }

    private sealed record SentenceCues(int Index, TextSpan Span, string Text, List<(Cue Cue, Match Match)> Cues, bool NewIncident);

    private sealed class Incident
    {
        public List<SentenceCues> Triggers { get; } = [];

        public List<SentenceCues> Context { get; } = [];

        public IEnumerable<SentenceCues> All => Triggers.Concat(Context).OrderBy(s => s.Index);
    }

    [GeneratedRegex(@"^\W*(?:he|she|they|it|his|her|their|the\s+(?:attack|incident|victim|victims|man|woman|attackers?|assailants?|gunmen|suspects?|clash(?:es)?|strike|explosion|blast|protest|protesters|execution|killing|two\s+sides|group|crowd|bodies|body))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContinuesStory();

    [GeneratedRegex(@"\b(?:between\s+(?:two|rival|the\s+two)\s+(?:groups|families|clans|communities|factions)|two\s+groups|villagers|residents|community\s+members|laborers|labourers|workers|students|youths?|locals|supporters|drivers)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrowdClash();

    [GeneratedRegex(@"\b(?:mob|crowd|group\s+of\s+(?:\w+\s+){0,2}(?:youths?|people|persons|villagers|residents|locals|individuals)|youths|villagers|residents|locals|nationals)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrowdSubject();

    [GeneratedRegex(@"\b(?:guns?|gunfire|gunmen|shot|shots|shooting|firearms?|rifles?|pistols?|opened\s+fire|firing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Firearms();

    /// <summary>Armed men among the dead or wounded ("a soldier was killed", "killed two policemen"): a fight, not an attack on civilians.</summary>
    [GeneratedRegex(@"\b(?:soldiers?|policem[ae]n|police\s+officers?|gendarmes?|fighters?|militiam[ae]n|militants?|security\s+guards?|troops|commanders?)\b[^.]{0,30}\b(?:were|was)\s+(?:\w+\s+)?(?:killed|wounded|injured|shot)|\b(?:killed|killing|wounded|wounding|injured|injuring|shot|attacked|ambushed)\s+(?:\w+\s+){0,3}(?:soldiers?|policem[ae]n|police\s+(?:officers?|station|post|patrol)|gendarm\w*|fighters?|militiam[ae]n|security\s+guards?|troops|commanders?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArmedVictim();

    [GeneratedRegex(@"\b(?:off-?duty|(?:at|in|inside|outside|in\s+front\s+of)\s+(?:his|her|their)\s+(?:house|home|office|shop|residence)|leaving\s+(?:a|the)\s+mosque|drive-?by)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffDuty();

    [GeneratedRegex(@"\b(?:exchang\w*\s+(?:of\s+)?(?:gun\s?)?fire|clash\w*|fought|fighting|gun\s?battles?|fire\s?fights?|returned\s+(?:the\s+)?fire|shoot-?outs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MutualFire();

    [GeneratedRegex(@"\b(?:forces|troops|militants?|fighters|militia\w*|soldiers|army|military|police|gunmen|rebels|insurgents|reinforcements|shoot-?outs?|gunfights?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArmedNoun();

    [GeneratedRegex(@"\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex SetsTheScene();

    [GeneratedRegex(@"\b(?:the|these|those)\s+(?<noun>[a-z]{4,}s)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DefiniteNoun();

    [GeneratedRegex(@"^(?:villagers|residents|community\s+members|youths?|locals|crowds?|people|supporters|students|workers|labourers|nationals|members|group\s+of\s+.*|farmers|traders|family|families)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrowdNoun();

    [GeneratedRegex(@"\b(?:was|were|has\s+been|have\s+been|had\s+been|being|got|left\s+with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Passive();

    static EventExtractor()
    {
        // The rules call the static Regex helpers with a few dozen distinct patterns per document; the default cache of
        // 15 would re-parse them on every call.
        Regex.CacheSize = Math.Max(Regex.CacheSize, 256);
    }

    public IReadOnlyList<ConflictEvent> Extract(Document document, DateOnly? published)
    {
        var text = document.Text;
        var sentences = document.Sentences.Count > 0 ? document.Sentences : [new TextSpan(0, text.Length)];
        var people = PersonResolver.Resolve(document);
        var sources = SourceFinder.Find(document);
        var documentGroup = DominantGroup(text);

        var analysed = new List<SentenceCues>(sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var span = sentences[i];
            var sentenceText = text.Substring(span.Start, span.Length);
            var cues = new List<(Cue Cue, Match Match)>();
            if (!EventLexicon.Generic().IsMatch(sentenceText))
            {
                foreach (var (cue, pattern) in EventLexicon.Cues)
                {
                    var match = pattern.Match(sentenceText);
                    while (match.Success && EventLexicon.Hypothetical().IsMatch(sentenceText[Math.Max(0, match.Index - 40)..match.Index]))
                    {
                        match = match.NextMatch();
                    }

                    if (match.Success)
                    {
                        cues.Add((cue, match));
                    }
                }
            }

            // A sentence with no cue that the model reads, with little doubt, as telling an incident ("bandits whisked
            // away 14 women") is proposed too, with the whole sentence as its cue's evidence.
            if (cues.Count == 0 && classifier is not null && ModelProposes(classifier, sentenceText) is { } proposed)
            {
                cues.Add(proposed);
            }

            // A cue told as background ("a protest against arrests during recent riots") says when or why, not what
            // happened; it gives way to the sentence's other cues, unless those only count the dead and hurt ("killed
            // in recent clashes" still reports a clash).
            var foreground = cues.Where(c => !IsBackground(sentenceText, c.Match)).ToList();
            if (foreground.Count < cues.Count && foreground.Any(c => c.Cue is not (Cue.Kill or Cue.Injure)))
            {
                cues = foreground;
            }

            analysed.Add(new SentenceCues(i, span, sentenceText, cues, EventLexicon.NewIncident().IsMatch(sentenceText)));
        }

        var incidents = Group(text, analysed, people);
        var events = new List<(ConflictEvent Event, double Salience, int Position)>();
        foreach (var incident in incidents)
        {
            if (Build(document, incident, people, sources, documentGroup, published) is { } built)
            {
                var salience = incident.Triggers.Count + incident.Context.Count * 0.5 + (built.Killed?.Best > 0 ? 1 : 0) + built.Victims.Count * 0.5 + (incident.Triggers[0].Index == 0 ? 1 : 0);
                events.Add((built, salience, incident.Triggers[0].Index));
            }
        }

        return events.OrderByDescending(e => e.Salience).ThenBy(e => e.Position).Select(e => e.Event).ToList();
    }

    /// <summary>
    /// How sure the model must be of a sub-type to propose an incident in a sentence the cue lexicon says nothing of.
    /// Chosen between 0.8, 0.9 and 0.97 on half A of the real-news gold (BENCHMARKS.md); 0.8 added nothing there.
    /// </summary>
    private const double ProposalProbability = 0.9;

    /// <summary>The cue that stands for a sub-type the model proposes, so the rules can group, place and count the incident.</summary>
    private static readonly IReadOnlyDictionary<string, Cue> CueOfSubType = new Dictionary<string, Cue>
    {
        ["Armed clash"] = Cue.Clash,
        ["Government regains territory"] = Cue.RegainTerritory,
        ["Non-state actor overtakes territory"] = Cue.OvertakeTerritory,
        ["Chemical weapon"] = Cue.Chemical,
        ["Air/drone strike"] = Cue.Airstrike,
        ["Suicide bomb"] = Cue.Suicide,
        ["Shelling/artillery/missile attack"] = Cue.Shelling,
        ["Remote explosive/landmine/IED"] = Cue.Ied,
        ["Grenade"] = Cue.Grenade,
        ["Sexual violence"] = Cue.Sexual,
        ["Attack"] = Cue.Attack,
        ["Abduction/forced disappearance"] = Cue.Abduct,
        ["Peaceful protest"] = Cue.Protest,
        ["Protest with intervention"] = Cue.Protest,
        ["Excessive force against protesters"] = Cue.Protest,
        ["Violent demonstration"] = Cue.Riot,
        ["Mob violence"] = Cue.Mob,
        ["Agreement"] = Cue.Agreement,
        ["Arrests"] = Cue.Arrest,
        ["Change to group/activity"] = Cue.ChangeActivity,
        ["Disrupted weapons use"] = Cue.Disrupted,
        ["Headquarters or base established"] = Cue.Base,
        ["Looting/property destruction"] = Cue.Loot,
        ["Non-violent transfer of territory"] = Cue.Transfer,
    };

    private static (Cue Cue, Match Match)? ModelProposes(IncidentClassifier classifier, string sentence)
    {
        // The rules found nothing here, which is what the training examples' rule hint said of such sentences.
        var reading = classifier.Classify(sentence, [Training.EventCorpus.NoEvent]);
        return reading.IsEvent && reading.Probability >= ProposalProbability && CueOfSubType.TryGetValue(reading.Label, out var cue)
            ? (cue, WholeSentence().Match(sentence))
            : null;
    }

    [GeneratedRegex(@"\S(?:.*\S)?", RegexOptions.Singleline)]
    private static partial Regex WholeSentence();

    private static bool IsBackground(string sentence, Match cue) =>
        EventLexicon.BackgroundBefore().IsMatch(sentence[Math.Max(0, cue.Index - 50)..cue.Index])
        || EventLexicon.BackgroundAfter().IsMatch(sentence[(cue.Index + cue.Length)..Math.Min(sentence.Length, cue.Index + cue.Length + 60)]);

    private static List<Incident> Group(string text, List<SentenceCues> sentences, PersonIndex people)
    {
        var incidents = new List<Incident>();
        var assigned = new HashSet<int>();
        Incident? current = null;
        foreach (var sentence in sentences)
        {
            if (sentence.Cues.Count > 0)
            {
                var family = FamilyOf(sentence.Cues.Select(c => c.Cue));
                var currentFamily = current is null ? Family.Harm : FamilyOf(current.Triggers.SelectMany(t => t.Cues).Select(c => c.Cue));
                // What the demonstrators go on to do ("They set barricades on fire") is the same protest turning violent.
                var protestersActOn = currentFamily == Family.Protest && ContinuesStory().IsMatch(sentence.Text) && !Passive().IsMatch(sentence.Text);
                if (current is not null && !sentence.NewIncident && (Compatible(currentFamily, family) || protestersActOn) && !MovesElsewhere(text, current, sentence, people))
                {
                    current.Triggers.Add(sentence);
                }
                else
                {
                    current = new Incident();
                    current.Triggers.Add(sentence);
                    incidents.Add(current);
                    // A sentence that only sets the scene ("On 3 May, in X, police went to the Y quarter.") lends the
                    // incident that follows it its place and date.
                    if (sentence.Index > 0 && sentences[sentence.Index - 1] is { Cues.Count: 0, NewIncident: false } scene && !assigned.Contains(scene.Index) && SetsTheScene().IsMatch(scene.Text))
                    {
                        current.Context.Add(scene);
                        assigned.Add(scene.Index);
                    }
                }

                assigned.Add(sentence.Index);
            }
            else if (current is not null && !sentence.NewIncident && Continues(current, sentence, people))
            {
                current.Context.Add(sentence);
                assigned.Add(sentence.Index);
            }
            else if (sentence.NewIncident)
            {
                current = null;
            }
        }

        return incidents;
    }

    /// <summary>A sentence continues the incident when it opens with a pronoun or a definite reference to it, or names a
    /// person the incident's sentences named.</summary>
    private static bool Continues(Incident incident, SentenceCues sentence, PersonIndex people)
    {
        if (ContinuesStory().IsMatch(sentence.Text))
        {
            return true;
        }

        // A definite noun phrase whose noun the incident already used ("the soldiers", "the farmers") refers back to it.
        foreach (Match definite in DefiniteNoun().Matches(sentence.Text))
        {
            var noun = definite.Groups["noun"].Value;
            if (incident.Triggers.Any(t => Regex.IsMatch(t.Text, $@"\b{Regex.Escape(noun)}\b", RegexOptions.IgnoreCase)))
            {
                return true;
            }
        }

        var named = incident.All.SelectMany(s => people.People.Where(p => p.Mentions.Any(m => s.Span.Contains(m)))).ToHashSet();
        return people.People.Any(p => named.Contains(p) && p.Mentions.Any(m => sentence.Span.Contains(m)));
    }

    /// <summary>A sentence about the same kind of violence still starts a new incident when it happens at another place.</summary>
    private static bool MovesElsewhere(string text, Incident incident, SentenceCues sentence, PersonIndex people)
    {
        var places = PlaceFinder.Find(text, sentence.Span, people)
            .Where(p => p.Score >= 1).Select(p => p.Name).ToList();
        if (places.Count == 0)
        {
            return false;
        }

        var earlier = incident.Triggers.SelectMany(t => PlaceFinder.Find(text, t.Span, people)).Select(p => p.Name).ToList();
        return earlier.Count > 0 && !places.Any(place => earlier.Any(e => e.Contains(place, StringComparison.Ordinal) || place.Contains(e, StringComparison.Ordinal)));
    }

    private static Family FamilyOf(IEnumerable<Cue> cueList)
    {
        var cues = cueList.ToHashSet();
        if (cues.Contains(Cue.Protest))
        {
            return Family.Protest;
        }

        if (cues.Contains(Cue.Riot) || cues.Contains(Cue.Mob))
        {
            return Family.Riot;
        }

        if (cues.Overlaps([Cue.Airstrike, Cue.Shelling, Cue.Ied, Cue.Suicide, Cue.Grenade, Cue.Chemical]))
        {
            return Family.Remote;
        }

        if (cues.Overlaps([Cue.Clash, Cue.RegainTerritory, Cue.OvertakeTerritory]))
        {
            return Family.Battle;
        }

        if (cues.Overlaps([Cue.Attack, Cue.Abduct, Cue.Sexual, Cue.Explosion]))
        {
            return Family.Violence;
        }

        return cues.All(EventLexicon.IsHarm) ? Family.Harm : Family.Strategic;
    }

    private static bool Compatible(Family current, Family next) =>
        current == next || current == Family.Harm || next == Family.Harm || next == Family.Strategic
        || (current, next) is (Family.Battle, Family.Remote) or (Family.Remote, Family.Battle) or (Family.Battle, Family.Violence)
            or (Family.Violence, Family.Battle) or (Family.Violence, Family.Remote) or (Family.Remote, Family.Violence)
            or (Family.Protest, Family.Riot) or (Family.Riot, Family.Protest) or (Family.Protest, Family.Battle) or (Family.Strategic, _);

    /// <summary>How many years before publication an incident may lie and still be news rather than history.</summary>
    private const int HistoryYears = 2;

    private ConflictEvent? Build(Document document, Incident incident, PersonIndex people, List<SourceMention> allSources, string? documentGroup, DateOnly? published)
    {
        var text = document.Text;
        var evidence = new List<FieldEvidence>();
        var cues = incident.Triggers.SelectMany(t => t.Cues).ToList();
        var cueSet = cues.Select(c => c.Cue).ToHashSet();
        var main = incident.Triggers[0];

        // Actors: subjects before the first cue are the perpetrators, what follows it the targets; "by X" after a
        // passive verb is the perpetrator.
        var (perpetrators, targets, actorEvidence) = Actors(text, incident, people, documentGroup);
        evidence.AddRange(actorEvidence);

        // The lead sentence says what kind of incident this is; later sentences only refine a lead that says no more
        // than that people were hurt.
        var leadCues = main.Cues;
        var leadFamily = FamilyOf(leadCues.Select(c => c.Cue));
        var classifyCues = leadFamily is Family.Harm or Family.Strategic ? cues : leadCues.Concat(cues.Where(c => EventLexicon.IsHarm(c.Cue) || c.Cue is Cue.Intervention or Cue.ExcessiveForce or Cue.ProtesterViolence or Cue.Riot
                || (leadFamily == Family.Protest && c.Cue is Cue.Clash)))
            .Concat(leadFamily == Family.Protest ? LaterArrests(incident) : [])
            .ToList();
        var (eventType, subType, plover, typeEvidence) = Classify(classifyCues, classifyCues.Select(c => c.Cue).ToHashSet(), perpetrators, targets, incident);
        var typeSentence = incident.Triggers.First(t => t.Cues.Any(c => c.Match == typeEvidence));
        IncidentPrediction? prediction = null;
        if (classifier is not null)
        {
            // The rules propose the incident and their verdict is one of the model's features; the model decides
            // whether the passage tells an incident at all, and which sub-type.
            prediction = Strongest(classifier, incident, subType);
            // Dropped when "none" is the most probable label. Chosen on half A of the real-news gold against a fixed
            // bar on P(none) (0.5, 0.7, 0.85, 0.95): a passage whose probability is spread over several sub-types
            // without any of them beating "none" is rarely an incident (BENCHMARKS.md).
            if (!prediction.IsEvent)
            {
                return null;
            }

            var best = prediction.BestSubType.Label;
            if (best != subType)
            {
                subType = best;
                eventType = EventTaxonomy.TypeOf(best)!;
                plover = EventTaxonomy.PloverOf(best);
            }
        }

        evidence.Add(Evidence("eventType", typeSentence.Span.Start + typeEvidence.Index, typeEvidence.Length, text));

        // Casualties: a stated total wins; counts of different groups add up; repeated counts of one group do not.
        var casualties = incident.Triggers.Concat(incident.Context).SelectMany(s => CasualtyFinder.Find(text, s.Span)).ToList();
        var victims = Victims(text, incident, people, cueSet, evidence);
        perpetrators.RemoveAll(p => victims.Any(v => v.Name == p.Name));
        var killed = Total(casualties.Where(c => c.Killed).ToList(), evidence, "killed", text);
        var injured = Total(casualties.Where(c => !c.Killed).ToList(), evidence, "injured", text);
        var killedVictims = victims.Count(v => v.Outcome == VictimOutcome.Killed);
        var injuredVictims = victims.Count(v => v.Outcome == VictimOutcome.Injured);
        if ((killed is null || killed.Best < killedVictims) && killedVictims > 0)
        {
            killed = new CasualtyCount(killedVictims, killedVictims, null);
        }

        if ((injured is null || injured.Best < injuredVictims) && injuredVictims > 0)
        {
            injured = new CasualtyCount(injuredVictims, injuredVictims, null);
        }

        EventDate? date = null;
        foreach (var sentence in incident.All)
        {
            if (DateResolver.Find(sentence.Text, published) is { } found)
            {
                date = found.Date;
                evidence.Add(Evidence("date", sentence.Span.Start + found.Where.Index, found.Where.Length, text));
                break;
            }
        }

        // An incident dated years before the report ("shot down over Hanoi in 1967") is history the article recalls,
        // not news it reports.
        if (date is not null && published is { } reported && date.Value < reported.AddYears(-HistoryYears))
        {
            return null;
        }

        var weapon = FirstMatch(incident, EventLexicon.Weapons.Select(w => (w.Pattern, w.Weapon)), "weapon", text, evidence);
        if (!HasSubstance(eventType, perpetrators, targets, victims, killed, injured, cueSet, weapon, incident.Triggers))
        {
            return null;
        }

        var location = Locate(text, document.Sentences, incident, people, evidence);
        var reason = Reason(incident, text, evidence);

        var sources = new List<SourceClaim>();
        foreach (var mention in allSources.Where(m => incident.All.Any(s => s.Span.Contains(m.Span))))
        {
            if (sources.All(s => s.Name != mention.Claim.Name))
            {
                var hedged = mention.Claim.Hedged;
                sources.Add(mention.Claim with { Hedged = hedged });
                evidence.Add(Evidence($"sources[{sources.Count - 1}]", mention.Span.Start, mention.Span.Length, text));
            }
        }

        var hedgedEvent = incident.Triggers.Any(t => SourceFinder.Hedge().IsMatch(t.Text));
        var filled = new object?[] { date, location, killed, weapon, reason }.Count(x => x is not null) + (perpetrators.Count > 0 ? 1 : 0) + (sources.Count > 0 ? 1 : 0);
        var confidence = prediction is not null
            ? Math.Round(prediction.Ranked.First(r => r.Label == subType).Probability * (hedgedEvent ? 0.9 : 1.0), 2)
            : Math.Round(Math.Clamp(0.35 + 0.06 * filled + 0.05 * Math.Min(3, incident.Triggers.Count) - (hedgedEvent ? 0.1 : 0), 0.05, 0.95), 2);

        return new ConflictEvent(eventType, subType, plover, date, location, perpetrators, targets, victims, killed, injured, weapon, reason, sources, confidence, evidence)
        {
            Coder = CoderVersion,
        };
    }

    /// <summary>
    /// The classifier's reading of the incident's passage and of its lead sentence alone, keeping the one more sure
    /// that an incident is told: a report's background and reactions ("a crime that usually means...") must not talk
    /// the model out of the sentence that tells what happened. Reading every trigger sentence alone as well was tried
    /// and let more non-incidents through (BENCHMARKS.md).
    /// </summary>
    private static IncidentPrediction Strongest(IncidentClassifier classifier, Incident incident, string ruleSubType)
    {
        var passage = classifier.Classify(ClassifierPassage(incident), [ruleSubType]);
        var lead = classifier.Classify(incident.Triggers[0].Text, [ruleSubType]);
        return lead.NoEventProbability < passage.NoEventProbability ? lead : passage;
    }

    /// <summary>The passage the classifier reads for an incident: its first few sentences, in text order, as a report would lead with them.</summary>
    private static string ClassifierPassage(Incident incident) => string.Join(' ', incident.All.Take(MaxPassageSentences).Select(s => s.Text));

    /// <summary>The written corpus's examples are one to four sentences; a longer passage would read unlike anything the model was trained on.</summary>
    private const int MaxPassageSentences = 4;

    /// <summary>
    /// Arrests told after a protest's lead sentence ("Seven were detained by police.") are the protest's policing; an
    /// arrest in the lead is more often its cause ("against the arrest of a journalist").
    /// </summary>
    private static IEnumerable<(Cue Cue, Match Match)> LaterArrests(Incident incident) =>
        incident.Triggers.Skip(1).SelectMany(t => t.Cues).Where(c => c.Cue == Cue.Arrest && !ArrestAsGrievance().IsMatch(c.Match.Value)).Select(c => (Cue.Intervention, c.Match));

    [GeneratedRegex(@"^(?:arrests?|detention)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArrestAsGrievance();

    /// <summary>
    /// An incident needs a party or a harm, not only a word: "Nadal beat Medvedev", "markets rallied" and "the firms
    /// signed an agreement" use the vocabulary of conflict without armed actors, protesters or casualties.
    /// </summary>
    private static bool HasSubstance(string eventType, List<Actor> perpetrators, List<Actor> targets, IReadOnlyList<Victim> victims, CasualtyCount? killed, CasualtyCount? injured, HashSet<Cue> cues, string? weapon, List<SentenceCues> triggers)
    {
        // Fighting between armed men is an event even when the groups are unknown to the actor lexicon ("X and Y forces
        // clashed"). So is a movement of armed men ("regime forces brought in reinforcements") or a weapon they stop.
        if ((eventType == EventTaxonomy.Battles && cues.Contains(Cue.Clash)
                || eventType == EventTaxonomy.StrategicDevelopments && (cues.Contains(Cue.ChangeActivity) || cues.Contains(Cue.Disrupted)))
            && triggers.Any(t => ArmedNoun().IsMatch(t.Text)))
        {
            return true;
        }

        var actors = perpetrators.Concat(targets).ToList();
        var armed = actors.Any(a => a.Kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters or null));
        var harmed = killed is { Best: > 0 } || injured is { Best: > 0 } || victims.Count > 0;
        return eventType switch
        {
            // Property destroyed or seized is an event whoever did it ("an arson attack on a factory").
            EventTaxonomy.StrategicDevelopments => armed || (cues.Contains(Cue.Loot) && !cues.Contains(Cue.Protest)),
            EventTaxonomy.Battles or EventTaxonomy.ViolenceAgainstCivilians => actors.Count > 0 || harmed || killed is not null || weapon is not null || cues.Count > 1,
            _ => true,
        };
    }

    private static FieldEvidence Evidence(string field, int start, int length, string text) =>
        new(field, start, start + length, text.Substring(start, length));

    private static CasualtyCount? Total(List<CasualtyMention> mentions, List<FieldEvidence> evidence, string field, string text)
    {
        if (mentions.Count == 0)
        {
            return null;
        }

        var totals = mentions.Where(m => m.IsTotal).ToList();
        if (totals.Count > 0)
        {
            var total = totals.Aggregate((a, b) => a.Count.Best >= b.Count.Best ? a : b);
            evidence.Add(Evidence(field, total.Span.Start, total.Span.Length, text));
            return total.Count;
        }

        CasualtyCount? sum = null;
        foreach (var byHead in mentions.GroupBy(m => m.Head is "people" or "persons" or "others" or "" ? string.Empty : m.Head))
        {
            var largest = byHead.Select(m => m.Count).Aggregate(CountParser.Max);
            sum = sum is null ? largest : CountParser.Add(sum, largest);
        }

        foreach (var mention in mentions)
        {
            evidence.Add(Evidence(field, mention.Span.Start, mention.Span.Length, text));
        }

        return sum;
    }

    private static (string Type, string SubType, PloverCode Plover, Match Evidence) Classify(List<(Cue Cue, Match Match)> cues, HashSet<Cue> set, List<Actor> perpetrators, List<Actor> targets, Incident incident)
    {
        Match Where(params Cue[] wanted) => cues.First(c => wanted.Contains(c.Cue)).Match;
        bool Has(params Cue[] wanted) => wanted.Any(set.Contains);
        var text = string.Join(' ', incident.Triggers.Select(t => t.Text));
        var armedTargets = targets.Count > 0 && targets.All(t => t.Kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters));
        var armedPerpetrators = perpetrators.Any(p => p.Kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters));
        // A crowd that attacks without guns ("a group of 10 youths assaulted a police patrol") is a mob, whoever it attacks.
        var lead = incident.Triggers[0];
        var subject = lead.Text[..lead.Cues.Min(c => c.Match.Index)];
        var crowdAttack = CrowdSubject().IsMatch(subject) && !ArmedNoun().IsMatch(subject) && !Firearms().IsMatch(text);

        if (Has(Cue.Protest))
        {
            var at = Where(Cue.Protest);
            // Demonstrators who clash with the police are rioting; arrests of demonstrators are an intervention.
            if (Has(Cue.Riot) || Has(Cue.ProtesterViolence) || Has(Cue.Clash))
            {
                return (EventTaxonomy.Riots, "Violent demonstration", new PloverCode("PROTEST", "riot"), Where(Cue.Riot, Cue.ProtesterViolence, Cue.Clash));
            }

            if (Has(Cue.ExcessiveForce) || (Has(Cue.Kill) && Regex.IsMatch(text, @"\b(?:protesters?|demonstrators?)\b[^.]{0,40}\b(?:killed|shot)\b|\b(?:killed|shot)\b[^.]{0,40}\b(?:protesters?|demonstrators?)\b", RegexOptions.IgnoreCase)))
            {
                return (EventTaxonomy.Protests, "Excessive force against protesters", new PloverCode("ASSAULT", "firearms"), Has(Cue.ExcessiveForce) ? Where(Cue.ExcessiveForce) : at);
            }

            if (Has(Cue.Intervention))
            {
                return (EventTaxonomy.Protests, "Protest with intervention", new PloverCode("PROTEST", "demo"), Where(Cue.Intervention));
            }

            var mode = Regex.IsMatch(at.Value, "strike|walk", RegexOptions.IgnoreCase) ? "strike" : Regex.IsMatch(at.Value, "march|rall", RegexOptions.IgnoreCase) ? "march" : "demo";
            return (EventTaxonomy.Protests, "Peaceful protest", new PloverCode("PROTEST", mode), at);
        }

        if (Has(Cue.Riot) || Has(Cue.Mob))
        {
            var organised = Regex.IsMatch(text, @"\b(?:demonstrat|protest|riot(?:ers|ed|s)?\b)", RegexOptions.IgnoreCase) && !Has(Cue.Mob);
            return organised
                ? (EventTaxonomy.Riots, "Violent demonstration", new PloverCode("PROTEST", "riot"), Where(Cue.Riot))
                : (EventTaxonomy.Riots, "Mob violence", new PloverCode("ASSAULT", "beat"), Has(Cue.Mob) ? Where(Cue.Mob) : Where(Cue.Riot));
        }

        var rioters = perpetrators.Count > 0 && perpetrators.All(p => p.Kind is ActorKind.Rioters or ActorKind.Civilians) && perpetrators.Any(p => p.Kind == ActorKind.Rioters);
        if (rioters && (Has(Cue.Attack) || Has(Cue.Clash) || Has(Cue.ProtesterViolence) || Has(Cue.Kill) || Has(Cue.Loot)) && !Regex.IsMatch(text, @"\b(?:guns?|gunfire|shot|firearms?|rifles?|pistols?|opened\s+fire)\b", RegexOptions.IgnoreCase))
        {
            return (EventTaxonomy.Riots, "Mob violence", new PloverCode("ASSAULT", "beat"), Where(Cue.Attack, Cue.Clash, Cue.ProtesterViolence, Cue.Kill, Cue.Loot));
        }

        if (Has(Cue.Loot) && !Has(Cue.Kill) && !Has(Cue.Injure) && !Has(Cue.Abduct) && !Has(Cue.Sexual) && !Has(Cue.Clash))
        {
            return (EventTaxonomy.StrategicDevelopments, "Looting/property destruction", new PloverCode("COERCE", "seize"), Where(Cue.Loot));
        }

        if (Has(Cue.Disrupted) && !Has(Cue.Kill) && !Has(Cue.Injure) || Has(Cue.Disrupted) && Regex.IsMatch(text, @"prematurely|accidental", RegexOptions.IgnoreCase))
        {
            return (EventTaxonomy.StrategicDevelopments, "Disrupted weapons use", new PloverCode("COERCE", "seize"), Where(Cue.Disrupted));
        }

        if (Has(Cue.Suicide))
        {
            return (EventTaxonomy.ExplosionsRemoteViolence, "Suicide bomb", new PloverCode("ASSAULT", "suicide"), Where(Cue.Suicide));
        }

        if (Has(Cue.Chemical))
        {
            return (EventTaxonomy.ExplosionsRemoteViolence, "Chemical weapon", new PloverCode("ASSAULT", "CBRN"), Where(Cue.Chemical));
        }

        if (Has(Cue.Airstrike))
        {
            return (EventTaxonomy.ExplosionsRemoteViolence, "Air/drone strike", new PloverCode("ASSAULT", "aerial"), Where(Cue.Airstrike));
        }

        if (Has(Cue.Ied))
        {
            return (EventTaxonomy.ExplosionsRemoteViolence, "Remote explosive/landmine/IED", new PloverCode("ASSAULT", "explosives"), Where(Cue.Ied));
        }

        if (Has(Cue.Grenade))
        {
            return (EventTaxonomy.ExplosionsRemoteViolence, "Grenade", new PloverCode("ASSAULT", "explosives"), Where(Cue.Grenade));
        }

        // Artillery, mortars and rockets are remote violence unless the report also tells of direct fire between the sides.
        var directFire = Regex.IsMatch(text, @"\bsmall\s+arms\b|\bgun\s?fire\b|\bgun\s?shots\b|\bexchang\w*\s+(?:of\s+)?fire|\bclash|\bfought\b|\bfighting\b|\bgun\s?battle|\bfire\s?fight|\bambush|\bincursion|\boffensive\b|\bin\s+both\s+directions\b|\btraded\s+fire\b", RegexOptions.IgnoreCase);
        if (Has(Cue.Shelling) && !directFire)
        {
            return (EventTaxonomy.ExplosionsRemoteViolence, "Shelling/artillery/missile attack", new PloverCode("ASSAULT", "explosives"), Where(Cue.Shelling));
        }

        if (Has(Cue.RegainTerritory) && armedPerpetrators && perpetrators.Any(p => p.Kind == ActorKind.StateForces))
        {
            return (EventTaxonomy.Battles, "Government regains territory", new PloverCode("ASSAULT", "firearms"), Where(Cue.RegainTerritory));
        }

        if (Has(Cue.OvertakeTerritory) && perpetrators.Any(p => p.Kind is not ActorKind.StateForces))
        {
            return (EventTaxonomy.Battles, "Non-state actor overtakes territory", new PloverCode("ASSAULT", "firearms"), Where(Cue.OvertakeTerritory));
        }

        // A man attacked at home or off duty is attacked as a person, even a policeman, unless fire was exchanged.
        var attackedAtHome = OffDuty().IsMatch(text) && !MutualFire().IsMatch(text);
        if ((Has(Cue.Clash) || Has(Cue.Shelling)) && !attackedAtHome)
        {
            // Two crowds fighting ("a clash between two groups of villagers") is mob violence, not a battle.
            var crowdsOnly = !armedPerpetrators && !armedTargets && CrowdClash().IsMatch(text) && !Firearms().IsMatch(text) && !ArmedNoun().IsMatch(text);
            var civilianSides = crowdsOnly || crowdAttack || (!armedPerpetrators && !targets.Any(t => t.Kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters)) && perpetrators.Count > 0);
            return civilianSides
                ? (EventTaxonomy.Riots, "Mob violence", new PloverCode("ASSAULT", "beat"), Where(Cue.Clash, Cue.Shelling))
                : (EventTaxonomy.Battles, "Armed clash", new PloverCode("ASSAULT", "firearms"), Where(Cue.Clash, Cue.Shelling));
        }

        if (Has(Cue.Sexual))
        {
            return (EventTaxonomy.ViolenceAgainstCivilians, "Sexual violence", new PloverCode("ASSAULT", "sexual"), Where(Cue.Sexual));
        }

        if (Has(Cue.Abduct))
        {
            return (EventTaxonomy.ViolenceAgainstCivilians, "Abduction/forced disappearance", new PloverCode("ASSAULT", "abduct"), Where(Cue.Abduct));
        }

        if (Has(Cue.Attack) || Has(Cue.Kill) || Has(Cue.Injure) || Has(Cue.Explosion))
        {
            var at = Where(Cue.Attack, Cue.Kill, Cue.Injure, Cue.Explosion);
            // A soldier or policeman killed off duty, at home or by a drive-by gunman is an attack on a person, not a battle.
            var armedVictims = ArmedVictim().IsMatch(text);
            if (crowdAttack && !Has(Cue.Explosion))
            {
                return (EventTaxonomy.Riots, "Mob violence", new PloverCode("ASSAULT", "beat"), at);
            }

            if ((armedTargets || (armedVictims && armedPerpetrators)) && (armedPerpetrators || perpetrators.Count == 0) && !OffDuty().IsMatch(text))
            {
                return (EventTaxonomy.Battles, "Armed clash", new PloverCode("ASSAULT", "firearms"), at);
            }

            // An explosion that kills or wounds is remote violence unless the report also tells of an attack by hand or gun.
            if (Has(Cue.Explosion) && !Has(Cue.Attack))
            {
                return (EventTaxonomy.ExplosionsRemoteViolence, "Remote explosive/landmine/IED", new PloverCode("ASSAULT", "explosives"), Where(Cue.Explosion));
            }

            var mode = Regex.IsMatch(text, @"\bexecut|\bbehead", RegexOptions.IgnoreCase) ? "execute"
                : Regex.IsMatch(text, @"\bassassinat", RegexOptions.IgnoreCase) ? "assassinate"
                : Regex.IsMatch(text, @"\btortur", RegexOptions.IgnoreCase) ? "torture"
                : Regex.IsMatch(text, @"\bbeat|\bstabb|\bhacked|\blynch", RegexOptions.IgnoreCase) ? "beat"
                : "firearms";
            return (EventTaxonomy.ViolenceAgainstCivilians, "Attack", new PloverCode("ASSAULT", mode), at);
        }

        if (Has(Cue.Arrest))
        {
            return (EventTaxonomy.StrategicDevelopments, "Arrests", new PloverCode("COERCE", "arrest"), Where(Cue.Arrest));
        }

        if (Has(Cue.Loot))
        {
            return (EventTaxonomy.StrategicDevelopments, "Looting/property destruction", new PloverCode("COERCE", "seize"), Where(Cue.Loot));
        }

        if (Has(Cue.Agreement))
        {
            return (EventTaxonomy.StrategicDevelopments, "Agreement", new PloverCode("AGREE", null), Where(Cue.Agreement));
        }

        if (Has(Cue.Base))
        {
            return (EventTaxonomy.StrategicDevelopments, "Headquarters or base established", new PloverCode("MOBILIZE", "troops"), Where(Cue.Base));
        }

        if (Has(Cue.Transfer))
        {
            return (EventTaxonomy.StrategicDevelopments, "Non-violent transfer of territory", new PloverCode("RETREAT", null), Where(Cue.Transfer));
        }

        if (Has(Cue.ChangeActivity) || Has(Cue.Intervention) || Has(Cue.ExcessiveForce) || Has(Cue.ProtesterViolence) || Has(Cue.Disrupted))
        {
            var at = cues[0].Match;
            return (EventTaxonomy.StrategicDevelopments, "Change to group/activity", new PloverCode("MOBILIZE", "troops"), at);
        }

        return (EventTaxonomy.StrategicDevelopments, "Other", new PloverCode("MOBILIZE", null), cues[0].Match);
    }

    private static (List<Actor> Perpetrators, List<Actor> Targets, List<FieldEvidence> Evidence) Actors(string text, Incident incident, PersonIndex people, string? documentGroup)
    {
        var perpetrators = new List<Actor>();
        var targets = new List<Actor>();
        var evidence = new List<FieldEvidence>();
        foreach (var sentence in incident.Triggers)
        {
            var firstCue = sentence.Cues.Where(c => c.Cue is not (Cue.Kill or Cue.Injure) || sentence.Cues.All(x => EventLexicon.IsHarm(x.Cue))).OrderBy(c => c.Match.Index).FirstOrDefault();
            if (firstCue.Match is null)
            {
                continue;
            }

            var cueAt = sentence.Span.Start + firstCue.Match.Index;
            var cueEnd = cueAt + firstCue.Match.Length;
            var mentions = ActorLexicon.Find(text, sentence.Span.Start, sentence.Span.End);
            var passive = Passive().IsMatch(text[Math.Max(sentence.Span.Start, cueAt - 25)..cueAt]);
            var byAgent = Regex.Match(text[cueEnd..sentence.Span.End], @"^[^.;]{0,60}?\bby\s+(?:the\s+|a\s+|an\s+)?");
            foreach (var mention in mentions)
            {
                // "Isis' chief spokesman": a possessive actor names someone's affiliation, not a party to the act.
                if (IsInsideSource(text, mention) || Regex.IsMatch(text[mention.End..Math.Min(text.Length, mention.End + 2)], "^(?:'|’)"))
                {
                    continue;
                }

                var afterBy = byAgent.Success && mention.Start >= cueEnd + byAgent.Length - 1 && mention.Start <= cueEnd + byAgent.Length + 5;
                var before = mention.End <= cueAt;
                var passiveBetween = before && Passive().IsMatch(text[mention.End..cueAt]);
                var isPerpetrator = afterBy || (before && !passiveBetween && (mention.Kind is not ActorKind.Civilians || sentence.Cues.Any(c => c.Cue == Cue.Protest)));
                var group = mention.Group ?? (mention.Kind == ActorKind.RebelGroup ? documentGroup : null);
                // A crowd that attacks ("villagers pelted stones at police", "youths assaulted a patrol") is a mob: ACLED's rioters.
                var crowd = mention.Kind == ActorKind.Civilians && before && !passiveBetween && CrowdNoun().IsMatch(mention.Name)
                    && sentence.Cues.Any(c => c.Cue is Cue.Attack or Cue.Clash or Cue.ProtesterViolence or Cue.Loot or Cue.Kill && IsVerb(c.Match.Value));
                if (crowd)
                {
                    isPerpetrator = true;
                }

                var actor = crowd ? new Actor(mention.Name, ActorKind.Rioters, null)
                    : mention.Kind == ActorKind.Civilians && !isPerpetrator ? new Actor("Civilians", ActorKind.Civilians, null) : new Actor(mention.Name, mention.Kind, group);
                var list = isPerpetrator ? perpetrators : targets;
                if (!list.Any(a => a.Name.Equals(actor.Name, StringComparison.OrdinalIgnoreCase)) && (isPerpetrator || mention.Start >= cueAt || passiveBetween))
                {
                    list.Add(actor);
                    evidence.Add(Evidence($"{(isPerpetrator ? "perpetrators" : "targets")}[{list.Count - 1}]", mention.Start, mention.End - mention.Start, text));
                }
            }

            // A named individual acting as subject of an active harm verb is a perpetrator; his group is the group his
            // descriptor or the document names.
            if (!passive && IsVerb(firstCue.Match.Value) && !Regex.IsMatch(firstCue.Match.Value, @"^(?:died|perished|injured|wounded|hurt)$", RegexOptions.IgnoreCase))
            {
                var subject = people.People.Where(p => p.Name.Length > 0 && p.Mentions.Any(m => sentence.Span.Contains(m) && m.End <= cueAt && cueAt - m.End <= 30
                    && !Regex.IsMatch(text[m.End..cueAt], @"^(?:'|’)|\b(?:was|were|is|are)\b"))).FirstOrDefault();
                if (subject is not null && !perpetrators.Any(a => a.Name == subject.Name))
                {
                    var descriptor = perpetrators.FirstOrDefault(a => a.Kind is not (ActorKind.Civilians or ActorKind.Protesters));
                    var kind = descriptor?.Kind ?? (documentGroup is not null ? ActorKind.RebelGroup : null);
                    subject.Group ??= descriptor?.Group ?? documentGroup;
                    perpetrators.Insert(0, new Actor(subject.Name, kind, subject.Group) { Age = subject.Age });
                    var mention = subject.Mentions.First(m => sentence.Span.Contains(m));
                    evidence.Add(Evidence("perpetrators[0]", mention.Start, mention.Length, text));
                }
            }
        }

        // An individual stands for his group: descriptors of the same group ("militant", "jihadi", "Isis") add nothing.
        // "Boko Haram fighters", "an Isis militant": a descriptor beside its named group is the group itself.
        foreach (var list in new[] { perpetrators, targets })
        {
            list.RemoveAll(a => a.Group is not null && a.Name != a.Group && list.Any(o => o.Name == o.Group && o.Group == a.Group) && !people.People.Any(person => person.Name == a.Name));
        }

        var individuals = perpetrators.Where(p => people.People.Any(person => person.Name == p.Name)).ToList();
        perpetrators.RemoveAll(p => !individuals.Contains(p) && individuals.Any(i => i.Group is not null && i.Group == p.Group));
        return (perpetrators, targets, evidence);
    }

    /// <summary>A cue that is a verb of action ("shot", "attacked"), not a noun ("execution") that names the act.</summary>
    private static bool IsVerb(string cue) => Regex.IsMatch(cue, @"(?:ed|shot|beat|fought|threw|hit|fire)$", RegexOptions.IgnoreCase);

    /// <summary>"according to police" names a source, not a party to the incident.</summary>
    private static bool IsInsideSource(string text, ActorMention mention) =>
        Regex.IsMatch(text[Math.Max(0, mention.Start - 20)..mention.Start], @"\baccording\s+to\s+(?:the\s+)?(?:\w+\s+)?$", RegexOptions.IgnoreCase)
        || Regex.IsMatch(text[mention.End..Math.Min(text.Length, mention.End + 12)], @"^\s+(?:said|say|says|told|reported|stated)\b", RegexOptions.IgnoreCase);

    private static List<Victim> Victims(string text, Incident incident, PersonIndex people, HashSet<Cue> cues, List<FieldEvidence> evidence)
    {
        var victims = new List<(Person Person, VictimOutcome Outcome, TextSpan Span)>();
        foreach (var sentence in incident.Triggers)
        {
            var harm = sentence.Cues.Where(c => c.Cue is Cue.Kill or Cue.Injure or Cue.Attack or Cue.Abduct or Cue.Sexual or Cue.Arrest or Cue.Airstrike or Cue.Shelling or Cue.Ied).OrderBy(c => c.Match.Index).ToList();
            if (harm.Count == 0)
            {
                continue;
            }

            var outcome = sentence.Cues.Any(c => c.Cue == Cue.Kill) ? VictimOutcome.Killed
                : sentence.Cues.Any(c => c.Cue == Cue.Injure) ? VictimOutcome.Injured
                : sentence.Cues.Any(c => c.Cue == Cue.Abduct) ? VictimOutcome.Abducted
                : sentence.Cues.Any(c => c.Cue == Cue.Arrest) ? VictimOutcome.Arrested
                : cues.Contains(Cue.Kill) ? VictimOutcome.Killed : VictimOutcome.Injured;
            var firstHarm = sentence.Span.Start + harm[0].Match.Index;
            var lastHarm = sentence.Span.Start + harm[^1].Match.Index;
            // Only a participle or a noun of harm takes a passive subject ("X was killed", "was left with injuries");
            // a gerund ("was given the task of killing") does not.
            var participle = harm.LastOrDefault(c => !c.Match.Value.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !c.Match.Value.StartsWith("execution", StringComparison.OrdinalIgnoreCase));
            lastHarm = participle.Match is null ? lastHarm : sentence.Span.Start + participle.Match.Index;
            var passive = participle.Match is not null && Passive().IsMatch(text[sentence.Span.Start..lastHarm]);
            foreach (var person in people.People)
            {
                foreach (var mention in person.Mentions.Where(m => sentence.Span.Contains(m)))
                {
                    var isObject = mention.Start > firstHarm && mention.Start - firstHarm < 40 && !Regex.IsMatch(text[firstHarm..mention.Start], @"\bby\b|[,;]\s*(?:said|according)");
                    var isPassiveSubject = passive && mention.End <= lastHarm && Passive().IsMatch(text[mention.End..lastHarm]) && lastHarm - mention.End < 80
                        && !Regex.IsMatch(text[mention.End..lastHarm], @"\b(?:to|of|for|task)\b");
                    if ((isObject || isPassiveSubject) && victims.All(v => v.Person != person))
                    {
                        victims.Add((person, outcome, mention));
                    }
                }
            }
        }

        // A kinship phrase with no name ("his own mother") is dropped when a named relative of the same kind is a victim.
        victims.RemoveAll(v => v.Person.Name.Length == 0 && victims.Any(o => o.Person.Name.Length > 0 && o.Person.Relation == v.Person.Relation));
        var result = new List<Victim>();
        foreach (var (person, outcome, span) in victims)
        {
            result.Add(new Victim(person.Name.Length > 0 ? person.Name : null, person.Age, person.Gender, person.Relation, person.RelativeOf?.Name, outcome));
            evidence.Add(Evidence($"victims[{result.Count - 1}]", span.Start, span.Length, text));
        }

        return result;
    }

    private EventLocation? Locate(string text, IReadOnlyList<TextSpan> allSentences, Incident incident, PersonIndex people, List<FieldEvidence> evidence)
    {
        var mentions = new List<(PlaceMention Place, bool InTrigger, int Rank)>();
        foreach (var sentence in incident.Triggers.Concat(incident.Context))
        {
            var inTrigger = incident.Triggers.Contains(sentence);
            foreach (var place in PlaceFinder.Find(text, sentence.Span, people))
            {
                mentions.Add((place with { Score = place.Score + (inTrigger ? 2 : 0) }, inTrigger, mentions.Count));
            }
        }

        // An incident whose own sentences name no place happened where the story is set: the nearest earlier sentence
        // that names one ("In X, ... . Later, gunmen shot a man.") sets the scene, as a dateline or lead does. A few
        // sentences back, then the lead: further back is another part of the story.
        if (mentions.All(m => m.Place.IsCountry))
        {
            var first = Math.Min(incident.All.First().Index, allSentences.Count);
            var scene = Enumerable.Range(1, Math.Min(first, SceneSentences)).Select(back => first - back);
            foreach (var index in first > SceneSentences ? scene.Append(0) : scene)
            {
                var earlier = PlaceFinder.Find(text, allSentences[index], people);
                if (earlier.Any(place => !place.IsCountry))
                {
                    foreach (var place in earlier)
                    {
                        mentions.Add((place, false, mentions.Count));
                    }

                    break;
                }
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
        foreach (var place in ordered.Where(p => !p.IsCountry))
        {
            // A country that places support restricts the search to it; one read only from names of nations or
            // adjectives (often an actor's country) just favours its readings.
            var country = judged is { FromPlaces: true } ? judged.Code : place.CountryCode;
            if (placeResolver is not null)
            {
                var context = new PlaceContext(judged is null ? [] : [judged.Code], theatre, text[Math.Max(0, place.Span.Start - 40)..place.Span.Start]);
                var resolved = Resolve(placeResolver, place.Name, place.Areas, country, context);
                // The other spelling is worth a try whenever the name itself was not found, even if an area stood in.
                if (place.OtherName is { } otherName && resolved?.Precision != Places.PlacePrecision.Town
                    && Resolve(placeResolver, otherName, place.Areas, country, context) is { } other && (resolved is null || other.Precision == Places.PlacePrecision.Town))
                {
                    resolved = other;
                }

                if (resolved is not null)
                {
                    evidence.Add(Evidence("location", place.Span.Start, place.Span.Length, text));
                    return EventLocation.From(resolved);
                }

                continue;
            }

            evidence.Add(Evidence("location", place.Span.Start, place.Span.Length, text));
            return new EventLocation(place.Name, null, null, country ?? judged?.Code, place.Admin, null);
        }

        if (judged is null)
        {
            return null;
        }

        var countryPlace = ordered.FirstOrDefault(p => p.IsCountry && p.CountryCode == judged.Code);
        if (countryPlace is not null)
        {
            evidence.Add(Evidence("location", countryPlace.Span.Start, countryPlace.Span.Length, text));
        }

        var countryName = Countries.NameOf(judged.Code) ?? judged.Code;
        var resolvedCountry = placeResolver?.Resolve(countryName, judged.Code, null);
        return resolvedCountry is not null
            ? EventLocation.From(resolvedCountry) with { Precision = Places.PlacePrecision.Country }
            : new EventLocation(countryName, null, null, judged.Code, null, Places.PlacePrecision.Country);
    }

    /// <summary>How many sentences back an incident without a place looks for the scene, before it tries the lead.</summary>
    private const int SceneSentences = 5;

    private static Places.ResolvedPlace? Resolve(IPlaceResolver resolver, string name, IReadOnlyList<string> areas, string? country, PlaceContext context) =>
        areas.Count > 0 ? resolver.ResolveWithin(name, areas, country, context) : resolver.Resolve(name, country, context);

    private static string? FirstMatch(Incident incident, IEnumerable<(Regex Pattern, string Value)> lexicon, string field, string text, List<FieldEvidence> evidence)
    {
        foreach (var (pattern, value) in lexicon)
        {
            foreach (var sentence in incident.Triggers)
            {
                var match = pattern.Match(sentence.Text);
                if (match.Success)
                {
                    evidence.Add(Evidence(field, sentence.Span.Start + match.Index, match.Length, text));
                    return value;
                }
            }
        }

        return null;
    }

    private static string? Reason(Incident incident, string text, List<FieldEvidence> evidence)
    {
        foreach (var pattern in EventLexicon.Reasons)
        {
            foreach (var sentence in incident.All)
            {
                var match = pattern.Match(sentence.Text);
                if (match.Success)
                {
                    var group = match.Groups["r"];
                    var reason = Regex.Replace(group.Value.Trim(), @"\s+", " ").ToLowerInvariant();
                    reason = reason switch { "retaliations" or "reprisals" or "revenge" or "reprisal" => "retaliation", _ => Regex.Replace(reason, @"^(?:recent|ongoing)\s+", string.Empty) };
                    if (Regex.IsMatch(reason, @"\bretaliations?\b"))
                    {
                        reason = "retaliation";
                    }

                    evidence.Add(Evidence("reason", sentence.Span.Start + group.Index, group.Length, text));
                    return reason;
                }
            }
        }

        return null;
    }

    /// <summary>The named armed group a document talks about most, to which its unnamed "militants" belong.</summary>
    private static string? DominantGroup(string text)
    {
        var counts = ActorLexicon.Find(text, 0, text.Length).Where(m => m.Group is not null && m.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia)
            .GroupBy(m => m.Group!).OrderByDescending(g => g.Count()).FirstOrDefault();
        return counts?.Key;
    }
}
