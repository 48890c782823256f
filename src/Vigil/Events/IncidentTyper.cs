using System.Text.RegularExpressions;
using static Vigil.Events.EventPatterns;

namespace Vigil.Events;

/// <summary>The type of an incident: the rules' reading of its cues and actors, and, when there is one, the trained coder's.</summary>
internal sealed record IncidentType(string EventType, string SubType, PloverCode Plover, Match Evidence, SentenceCues EvidenceSentence, IncidentPrediction? Prediction);

/// <summary>
/// Types an incident. The rules read its cues and actors and propose a sub-type; the trained coder, when there is one,
/// reads the incident's passage with the rules' verdict as a feature, and decides whether it tells an incident at all
/// and which sub-type.
/// </summary>
internal sealed partial class IncidentTyper(IncidentClassifier? classifier)
{
    /// <summary>The incident's type, or null when the trained coder reads no incident in it (its reading is then <paramref name="rejected"/>).</summary>
    public IncidentType? Type(Incident incident, List<Actor> perpetrators, List<Actor> targets, out IncidentPrediction? rejected)
    {
        rejected = null;
        var cues = incident.Triggers.SelectMany(t => t.Cues).ToList();
        // The lead sentence says what kind of incident this is; later sentences only refine a lead that says no more
        // than that people were hurt.
        var leadCues = incident.Triggers[0].Cues;
        var leadFamily = Families.Of(leadCues.Select(c => c.Cue));
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
            if (!prediction.IsEvent && !DeadlyViolenceTheCoderDoubts(prediction, leadCues, incident.Triggers[0].Text)
                && !CrowdProtestTheCoderDoubts(prediction, incident.Triggers[0].Text))
            {
                rejected = prediction;
                return null;
            }

            prediction = ForceOnAViolentCrowd(prediction, leadCues);
            prediction = ABlastIsNoFight(prediction, incident);
            prediction = ABombSetDown(prediction, [.. leadCues.Select(c => c.Cue)], [.. cues.Select(c => c.Cue)]);
            prediction = NoArmedUnitHit(prediction, incident, targets);
            var best = prediction.BestSubType.Label;
            if (best != subType)
            {
                subType = best;
                eventType = EventTaxonomy.TypeOf(best)!;
                plover = EventTaxonomy.PloverOf(best);
            }
        }

        return new IncidentType(eventType, subType, plover, typeEvidence, typeSentence, prediction);
    }

    /// <summary>
    /// How little "none" must lead by for a lead sentence that tells an act of violence and counts its dead to stand.
    /// The highest of 0.6, 0.8, 0.9 and 0.97 that let no more false events through on half A of the real-news gold
    /// (BENCHMARKS.md, Events, session 14).
    /// </summary>
    private const double DoubtedDeadlyViolence = 0.8;

    /// <summary>
    /// A lead sentence with a cue of fighting, remote violence or violence against people and a count of the dead ("an
    /// attack on a police station left 15 officers dead") tells an incident even when the model leans to "none", unless
    /// it leans hard; the model's best violent sub-type is then the reading. A count alone ("died in a crash") is not
    /// enough.
    /// </summary>
    private static bool DeadlyViolenceTheCoderDoubts(IncidentPrediction prediction, List<(Cue Cue, Match Match)> leadCues, string lead) =>
        prediction.NoEventProbability < DoubtedDeadlyViolence
        && EventTaxonomy.IsPoliticalViolence(EventTaxonomy.TypeOf(prediction.BestSubType.Label))
        && leadCues.Any(c => Families.Of([c.Cue]) is Family.Battle or Family.Remote or Family.Violence)
        && CasualtyFinder.Find(lead, new TextSpan(0, lead.Length)).Any(c => c.Killed && c.Count.Best > 0);

    /// <summary>
    /// How little "none" must lead by for a lead sentence that tells a crowd's act of protest to stand. 0.8, 0.9 and 0.95
    /// gave the same events on half A of the real-news gold and the same quiet-news alarms (BENCHMARKS.md, Events, session 16).
    /// </summary>
    private const double DoubtedCrowdProtest = 0.9;

    /// <summary>
    /// A lead sentence that tells a crowd's act of protest in the realis ("residents demonstrated against electricity
    /// tariffs", word class CrowdProtestAct), not a plan or a call for one, is a protest even when the model leans to
    /// "none", unless it leans hard: the topic a protest is about is the topic of ordinary news, and the model learned
    /// it as "none". The model's best protest sub-type is then the reading.
    /// </summary>
    private static bool CrowdProtestTheCoderDoubts(IncidentPrediction prediction, string lead) =>
        prediction.NoEventProbability < DoubtedCrowdProtest
        && EventTaxonomy.TypeOf(prediction.BestSubType.Label) == "Protests"
        && WordClasses.CrowdProtestAct.Match(lead) is { Success: true } act
        && !EventLexicon.Hypothetical().IsMatch(lead.AsSpan(Math.Max(0, act.Index - 40), Math.Min(40, act.Index)));

    /// <summary>
    /// The classifier's reading of the incident's passage and of its lead sentence alone, keeping the one more sure
    /// that an incident is told: a report's background and reactions ("a crime that usually means...") must not talk
    /// the model out of the sentence that tells what happened. Reading every trigger sentence alone as well was tried
    /// and let more non-incidents through (BENCHMARKS.md).
    /// </summary>
    private static IncidentPrediction Strongest(IncidentClassifier classifier, Incident incident, string ruleSubType)
    {
        var lead = incident.Triggers[0];
        var passage = classifier.Classify(ClassifierPassage(incident), [ruleSubType]);
        var alone = classifier.Classify(lead.Text, [ruleSubType]);
        var strongest = alone.NoEventProbability < passage.NoEventProbability ? alone : passage;
        // A place seized or retaken by fighting is the territory's change (codebook section 2): the fighting and its dead,
        // told after the lead ("more than 40 militants are killed in related combat"), do not make it a clash.
        if (alone.IsEvent && lead.Cues.Any(c => c.Cue is Cue.OvertakeTerritory or Cue.RegainTerritory)
            && alone.BestSubType.Label is "Non-state actor overtakes territory" or "Government regains territory"
            && alone.BestSubType.Probability >= TerritoryReading && strongest.BestSubType.Label == "Armed clash")
        {
            return alone;
        }

        if (lead.Cues.Count == 0)
        {
            return strongest;
        }

        void Weigh(string clause)
        {
            var reading = classifier.Classify(clause, [ruleSubType]);
            strongest = reading.NoEventProbability < strongest.NoEventProbability ? reading : strongest;
        }

        var firstCue = lead.Cues.Min(c => c.Match.Index);
        if (ReportedClause(lead.Text, firstCue) is { } reported)
        {
            Weigh(reported);
        }

        // The main clause alone must still say what kind of act it was ("protests erupt"), not only that people died
        // ("one killed | after soldiers opened fire to disperse a protest"), or the cut would type it blind.
        if (BackgroundCut(lead.Text, firstCue) is { } cut)
        {
            var (main, later) = (MainClauseAt(lead.Text, cut), LaterClauseAt(lead.Text, cut));
            if (lead.Cues.Any(c => c.Match.Index + c.Match.Length <= main.Length && !EventLexicon.IsHarm(c.Cue)))
            {
                Weigh(main);
            }

            // The clause after the cut may tell the incident itself ("a man has been arrested | after the mayor was
            // stabbed on stage"): read alone, it is not outvoted by the aftermath the main clause tells.
            if (lead.Cues.Any(c => c.Match.Index >= lead.Text.Length - later.Length))
            {
                Weigh(later);
            }

            return TypedByTheMainAct(classifier, strongest, lead, main, later, ruleSubType) ?? strongest;
        }

        return strongest;
    }

    /// <summary>
    /// A lead whose main clause tells a crowd's or an armed act and whose background clause tells the development it
    /// answers ("Protests erupt in Istanbul | following the arrest of the opposition candidate"; "Gunmen storm the
    /// court | after the verdict") reports the act; the development is why. When the reading was typed by that
    /// development, an act the main clause does not tell, it is typed again from the main clause's own kinds of act:
    /// the best of them in the main clause read alone, at the share of that reading's probability those kinds hold,
    /// times the surety that an incident is told. Null when the reading needs no such change.
    /// </summary>
    private static IncidentPrediction? TypedByTheMainAct(IncidentClassifier classifier, IncidentPrediction strongest, SentenceCues lead, string main, string later, string ruleSubType)
    {
        if (!strongest.IsEvent || EventTaxonomy.TypeOf(strongest.Label) != EventTaxonomy.StrategicDevelopments
            || !IncidentFinder.CueOfSubType.TryGetValue(strongest.Label, out var developmentCue))
        {
            return null;
        }

        var laterStart = lead.Text.Length - later.Length;
        var mainActs = lead.Cues.Where(c => c.Match.Index + c.Match.Length <= main.Length && !EventLexicon.IsHarm(c.Cue)
                && !(c.Cue == Cue.Protest && WordClasses.ProtestInWords.IsMatch(c.Match.Value)))
            .Select(c => KindOfAct(Families.Of([c.Cue]))).Where(kind => kind is not null).ToHashSet();
        if (mainActs.Count == 0 || lead.Cues.Any(c => c.Cue == developmentCue && c.Match.Index < main.Length)
            || !lead.Cues.Any(c => c.Cue == developmentCue && c.Match.Index >= laterStart))
        {
            return null;
        }

        bool TellsAMainAct(string label) => IncidentFinder.CueOfSubType.TryGetValue(label, out var cue) && mainActs.Contains(KindOfAct(Families.Of([cue])));
        var mainReading = classifier.Classify(main, [ruleSubType]);
        var acts = mainReading.Ranked.Where(r => TellsAMainAct(r.Label)).ToList();
        var share = acts.Sum(r => r.Probability);
        if (acts.Count == 0 || share <= 0)
        {
            return null;
        }

        return Retyped(strongest, acts[0].Label, (1 - strongest.NoEventProbability) * acts[0].Probability / share);
    }

    /// <summary>The kind of act a family of cues tells, where one act is the news and a development only its background: a crowd's, or an armed one.</summary>
    private static string? KindOfAct(Family family) => family switch
    {
        Family.Protest or Family.Riot => "crowd",
        Family.Battle or Family.Remote or Family.Violence => "armed",
        _ => null,
    };

    /// <summary>
    /// Force used on a crowd that throws stones, bricks or petrol bombs is that riot's, whoever is killed (codebook
    /// section 3: when the demonstrators themselves are violent, it is a riot): "forces open fire on stone-throwers,
    /// killing one" is a violent demonstration, not an attack on civilians nor excessive force against protesters. The
    /// reading keeps the probability of the three readings together, which the rule makes one.
    /// </summary>
    private static IncidentPrediction ForceOnAViolentCrowd(IncidentPrediction prediction, List<(Cue Cue, Match Match)> leadCues)
    {
        if (prediction.BestSubType.Label is not ("Attack" or "Excessive force against protesters")
            || !leadCues.Any(c => c.Cue == Cue.ProtesterViolence && WordClasses.ThrownByCrowds.IsMatch(c.Match.Value)))
        {
            return prediction;
        }

        return Retyped(prediction, "Violent demonstration", prediction.Ranked
            .Where(r => r.Label is "Attack" or "Excessive force against protesters" or "Violent demonstration").Sum(r => r.Probability));
    }

    /// <summary>
    /// A bombing or blast that the lead tells with no fighting ("twin bombings struck the cathedral ... at least 20 were
    /// killed") is remote violence whoever its victims were (codebook section 3: an explosion that kills with no more said
    /// is a remote explosive; only direct fire between the sides makes it a clash). Soldiers and police among the dead
    /// lead the model to a clash; where neither the lead nor any sentence of the incident tells fighting, the reading
    /// is the most probable kind of remote violence, with the probability of the clash and of remote violence together.
    /// </summary>
    private static IncidentPrediction ABlastIsNoFight(IncidentPrediction prediction, Incident incident)
    {
        var leadCues = incident.Triggers[0].Cues;
        if (prediction.BestSubType.Label != "Armed clash"
            || !leadCues.Any(c => c.Cue is Cue.Explosion or Cue.Ied or Cue.Suicide or Cue.Grenade)
            || leadCues.Any(c => Families.Of([c.Cue]) == Family.Battle)
            || incident.Triggers.Any(t => WordClasses.MutualFire.IsMatch(t.Text)))
        {
            return prediction;
        }

        var remote = prediction.Ranked.Where(r => EventTaxonomy.TypeOf(r.Label) == EventTaxonomy.ExplosionsRemoteViolence).ToList();
        if (remote.Count == 0)
        {
            return prediction;
        }

        return Retyped(prediction, remote[0].Label, remote.Sum(r => r.Probability) + prediction.BestSubType.Probability);
    }

    /// <summary>
    /// A blast the lead tells only as a bombing or explosion, which a later sentence of the incident says was set down
    /// ("the bomb was placed on a motorcycle in a market", "explosives had been planted"), is a remote explosive, not
    /// one dropped or fired (codebook section 3), unless some sentence of the incident names aircraft, drones or
    /// shelling. The model reads "bombing" as an air strike when the lead says no more. The reading keeps the
    /// probability of remote violence as a whole.
    /// </summary>
    internal static IncidentPrediction ABombSetDown(IncidentPrediction prediction, IReadOnlyCollection<Cue> leadCues, IReadOnlyCollection<Cue> incidentCues)
    {
        if (prediction.BestSubType.Label is not ("Air/drone strike" or "Shelling/artillery/missile attack")
            || !leadCues.Contains(Cue.Explosion)
            || leadCues.Any(cue => cue is not (Cue.Explosion or Cue.Kill or Cue.Injure))
            || !incidentCues.Contains(Cue.Ied)
            || incidentCues.Any(cue => cue is Cue.Airstrike or Cue.Shelling))
        {
            return prediction;
        }

        var remote = prediction.Ranked.Where(r => EventTaxonomy.TypeOf(r.Label) == EventTaxonomy.ExplosionsRemoteViolence).Sum(r => r.Probability);
        return Retyped(prediction, "Remote explosive/landmine/IED", remote);
    }

    /// <summary>
    /// Codebook section 3: an armed clash needs an active armed unit on the receiving side. An ambush or raid whose targets
    /// are civilians ("ambushed a convoy of traders' trucks, killing nine drivers"), with no soldiers or police among
    /// them or the dead and no fighting told, is an attack, however much the words "ambush" and "convoy" lead the model
    /// to a clash. The reading keeps the probability of both.
    /// </summary>
    private static IncidentPrediction NoArmedUnitHit(IncidentPrediction prediction, Incident incident, List<Actor> targets)
    {
        if (prediction.BestSubType.Label != "Armed clash"
            || targets.Count == 0 || targets.Any(t => t.Kind is not ActorKind.Civilians)
            || incident.Triggers.Any(t => CasualtyFinder.Find(t.Text, new TextSpan(0, t.Text.Length)).Any(c => WordClasses.ArmedDead.IsMatch(c.Head)))
            || incident.Triggers.Any(t => WordClasses.MutualFire.IsMatch(t.Text)))
        {
            return prediction;
        }

        return Retyped(prediction, "Attack", prediction.BestSubType.Probability + (prediction.Ranked.FirstOrDefault(r => r.Label == "Attack")?.Probability ?? 0));
    }

    /// <summary>
    /// A reading typed again by a rule of the codebook: <paramref name="label"/> first, at <paramref name="probability"/>,
    /// then the other readings in their order. First even where its probability is lower than the reading it replaces:
    /// the rule, not the number, decides the sub-type; the number is the confidence the event carries.
    /// </summary>
    private static IncidentPrediction Retyped(IncidentPrediction prediction, string label, double probability)
    {
        var reading = new LabelProbability(label, probability);
        return prediction with
        {
            Label = prediction.IsEvent ? label : prediction.Label,
            Probability = prediction.IsEvent ? probability : prediction.Probability,
            Ranked = [reading, .. prediction.Ranked.Where(r => r.Label != label)],
        };
    }

    /// <summary>How sure the model must be that the lead alone tells a territory's change for the rest not to make it a clash.</summary>
    private const double TerritoryReading = 0.5;

    /// <summary>
    /// What a sentence that opens by naming its source reports ("The army says it struck ...", "X reports that ...",
    /// "According to X, ..."): the clause after the frame, which tells what happened; the frame only says who tells it.
    /// Null when the sentence has no such frame before its first cue (at <paramref name="firstCue"/>).
    /// </summary>
    internal static string? ReportedClause(string sentence, int firstCue)
    {
        var frame = ReportFrame().Match(sentence);
        return frame.Success && frame.Index + frame.Length <= firstCue ? sentence[(frame.Index + frame.Length)..] : null;
    }

    /// <summary>
    /// A lead sentence's main clause, cut where its background begins ("Protests erupt in Istanbul | following the arrest
    /// of ...", "Hundreds attend a protest outside the consulate | in opposition to ..."): what happened, without the
    /// politics that explain it. Null when no such cut follows the first cue (at <paramref name="firstCue"/>).
    /// </summary>
    internal static string? MainClause(string sentence, int firstCue) => BackgroundCut(sentence, firstCue) is { } cut ? MainClauseAt(sentence, cut) : null;

    /// <summary>What follows a lead sentence's main clause (<see cref="MainClause"/>): the clause that tells what came before or around it.</summary>
    internal static string? LaterClause(string sentence, int firstCue) => BackgroundCut(sentence, firstCue) is { } cut ? LaterClauseAt(sentence, cut) : null;

    /// <summary>
    /// A lead sentence cut where its background clause begins: the main clause ends at <c>MainEnd</c> and the later
    /// clause starts at <c>LaterStart</c> ("Protests erupt in Istanbul | following | the arrest of ..."); null when no
    /// such cut follows the first cue (at <paramref name="firstCue"/>).
    /// </summary>
    internal static (int MainEnd, int LaterStart)? ClauseCut(string sentence, int firstCue) =>
        BackgroundCut(sentence, firstCue) is { } cut ? (cut.Index, sentence.Length - LaterClauseAt(sentence, cut).Length) : null;

    /// <summary>Where a lead sentence's background begins after its first cue ("| following the arrest of ..."), or null.</summary>
    private static Match? BackgroundCut(string sentence, int firstCue) => BackgroundClause().Match(sentence, firstCue) is { Success: true } cut ? cut : null;

    private static string MainClauseAt(string sentence, Match cut) => sentence[..cut.Index];

    private static string LaterClauseAt(string sentence, Match cut) => sentence[(cut.Index + cut.Length)..].TrimStart();

    [GeneratedRegex(@",?\s+(?:following|after|amid|in\s+(?:opposition|response|protest|reaction)\s+to|ahead\s+of|days?\s+(?:after|before)|as\s+part\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackgroundClause();

    [GeneratedRegex(@"^(?:[^,;:]{3,140}?\b(?:says?|said|reports?|reported|announces?|announced|confirms?|confirmed|claims?|claimed|states?|stated|alleges?|alleged)\s+(?:that\s+)?|(?i:according\s+to)\s+[^,;:]{3,80},\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex ReportFrame();

    /// <summary>The passage the classifier reads for an incident: its first few sentences, in text order, as a report would lead with them.</summary>
    private static string ClassifierPassage(Incident incident) => string.Join(' ', incident.All.Take(MaxPassageSentences).Select(s => s.Text));

    /// <summary>The written corpus's examples are one to four sentences; a longer passage would read unlike anything the model was trained on.</summary>
    private const int MaxPassageSentences = 4;

    /// <summary>
    /// Arrests told after a protest's lead sentence ("Seven were detained by police.") are the protest's policing; an
    /// arrest in the lead is more often its cause ("against the arrest of a journalist").
    /// </summary>
    private static IEnumerable<(Cue Cue, Match Match)> LaterArrests(Incident incident) =>
        incident.Triggers.Skip(1).SelectMany(t => t.Cues).Where(c => c.Cue == Cue.Arrest && !WordClasses.ArrestAsGrievance.IsMatch(c.Match.Value)).Select(c => (Cue.Intervention, c.Match));

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
        var crowdAttack = WordClasses.CrowdSubject.IsMatch(subject) && !WordClasses.ArmedNoun.IsMatch(subject) && !WordClasses.Firearms.IsMatch(text);

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
        var attackedAtHome = WordClasses.OffDuty.IsMatch(text) && !WordClasses.MutualFire.IsMatch(text);
        if ((Has(Cue.Clash) || Has(Cue.Shelling)) && !attackedAtHome)
        {
            // Two crowds fighting ("a clash between two groups of villagers") is mob violence, not a battle.
            var crowdsOnly = !armedPerpetrators && !armedTargets && WordClasses.CrowdClash.IsMatch(text) && !WordClasses.Firearms.IsMatch(text) && !WordClasses.ArmedNoun.IsMatch(text);
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
            var armedVictims = ArmedVictim.IsMatch(text);
            if (crowdAttack && !Has(Cue.Explosion))
            {
                return (EventTaxonomy.Riots, "Mob violence", new PloverCode("ASSAULT", "beat"), at);
            }

            if ((armedTargets || (armedVictims && armedPerpetrators)) && (armedPerpetrators || perpetrators.Count == 0) && !WordClasses.OffDuty.IsMatch(text))
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
}
