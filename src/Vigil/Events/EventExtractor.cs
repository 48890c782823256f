using System.Text.RegularExpressions;
using Vigil.Places;
using static Vigil.Events.EventPatterns;

namespace Vigil.Events;

/// <summary>
/// Turns one article into the incidents it reports, each coded as an event analyst would code it. Sentences that carry
/// incident cues are grouped into incidents (a new incident starts at a discourse marker such as "Separately", at an
/// incompatible kind of violence, or at a different place); sentences without cues that continue the story (a pronoun,
/// a person already named, an attribution) lend the incident their sources and context. Each incident is then typed,
/// dated, placed, counted and attributed from its own sentences only.
/// </summary>
public sealed partial class EventExtractor(IPlaceResolver? placeResolver = null, IncidentClassifier? classifier = null, RoleTagger? roleTagger = null)
{

    /// <summary>
    /// Told of each candidate incident the extractor drops, and why: the trace an analyst or a developer reads to see
    /// why a page gave no event (<c>./vigil events --trace</c>).
    /// </summary>
    public Action<DroppedIncident>? OnDropped { get; set; }

    private void Drop(SentenceCues lead, string reason) => OnDropped?.Invoke(new DroppedIncident(lead.Span, lead.Text, reason));

    /// <summary>The trained typer that has the last word on each incident's sub-type and on whether it is one; null when the rules decide alone.</summary>
    public IncidentClassifier? Classifier => classifier;

    /// <summary>The versions of the model and the lexicon that code events here, recorded with every claim.</summary>
    public string CoderVersion { get; } = $"{classifier?.Version ?? "rules"}+{EventLexicon.Version}";

    private readonly IncidentFinder finder = new(classifier);
    private readonly IncidentTyper typer = new(classifier);
    private readonly EventLocator locator = new(placeResolver);

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

        var incidents = finder.Find(document, people, published);
        var events = new List<(ConflictEvent Event, double Salience, int Position)>();
        foreach (var incident in incidents)
        {
            if (Build(document, incident, people, sources, documentGroup, published, out var dropped) is not { } built)
            {
                if (dropped is not null)
                {
                    Drop(incident.Triggers[0], dropped);
                }
            }
            else
            {
                // How prominent the report makes the incident, weighed by how sure the coder is of it: a long aside the coder
                // doubts (an arrest told across three paragraphs at 0.39) is not the report's main incident.
                var salience = (incident.Triggers.Count + incident.Context.Count * 0.5 + (built.Killed?.Best > 0 ? 1 : 0) + built.Victims.Count * 0.5 + (incident.Triggers[0].Index == 0 ? 1 : 0))
                    * built.Confidence;
                events.AddRange(ByPlace(text, incident, built, people).Select(e => (e, salience, incident.Triggers[0].Index)));
                if (SecondIncidentInTheLead(document, incident, built, people, sources, documentGroup, published) is { } second)
                {
                    events.Add((second, 0, incident.Triggers[0].Index));
                }
            }
        }

        // An arrest told after the harm it answers ("police arrested the accused 36 minutes after the shooting"), in a
        // report that codes that harm as an event of its own, is the harm's aftermath (codebook section 3), not news.
        if (events.Any(e => e.Event.EventType is EventTaxonomy.ViolenceAgainstCivilians or EventTaxonomy.Battles or EventTaxonomy.ExplosionsRemoteViolence))
        {
            events.RemoveAll(e => e.Event.SubEventType == "Arrests" && ArrestAnswersTheHarm(document, e.Event));
        }

        return events.OrderByDescending(e => e.Salience).ThenBy(e => e.Position).Select(e => e.Event).ToList();
    }

    private bool ArrestAnswersTheHarm(Document document, ConflictEvent arrest)
    {
        var act = arrest.Evidence.FirstOrDefault(e => e.Field == "eventType");
        if (act is null)
        {
            return false;
        }

        var sentence = document.Sentences.FirstOrDefault(s => s.Start <= act.Start && act.Start < s.End);
        if (sentence.Length == 0 || !AfterTheHarm().IsMatch(sentence.Slice(document.Text)))
        {
            return false;
        }

        OnDropped?.Invoke(new DroppedIncident(sentence, sentence.Slice(document.Text), "the aftermath of harm the report codes: an arrest told after it"));
        return true;
    }

    [GeneratedRegex(@"\b(?:detain|arrest)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArrestWord();

    /// <summary>Harm the report has told, named with a definite article as what an arrest came after ("after the shooting", "following the attack").</summary>
    [GeneratedRegex(@"\b(?:after|following)\s+(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:attacks?|shootings?|killings?|murders?|bombings?|stabbings?|massacres?|blasts?|explosions?|ambush)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterTheHarm();


    /// <summary>How sure the model must be of each clause's own reading before one lead sentence gives two events.</summary>
    private const double ClauseReadingProbability = 0.5;

    /// <summary>
    /// A lead sentence may tell two incidents of different kinds, one in its main clause and one in the clause its
    /// background begins with ("A ceasefire is announced | following clashes last night that killed four"; "Protests
    /// erupt | following the arrest of the opposition candidate and 100 others"). The incident was coded from the whole;
    /// when each clause, read alone, is an incident the model is sure of and the two are of different event types, the
    /// clause whose type the event does not have is coded as an event of its own. Not when one is an arrest and the
    /// other harm: an arrest told as the answer to harm is that harm's aftermath (codebook section 3), and harm told as
    /// what a protest is about is its grievance, not a second incident.
    /// </summary>
    private ConflictEvent? SecondIncidentInTheLead(Document document, Incident incident, ConflictEvent built, PersonIndex people, List<SourceMention> sources, string? documentGroup, DateOnly? published)
    {
        var lead = incident.Triggers[0];
        if (classifier is null || lead.Cues.Count < 2 || IncidentTyper.ClauseCut(lead.Text, lead.Cues.Min(c => c.Match.Index)) is not { } cut)
        {
            return null;
        }

        SentenceCues Clause(int from, int to) => lead with
        {
            Span = new TextSpan(lead.Span.Start + from, lead.Span.Start + to),
            Text = lead.Text[from..to],
            Cues = [.. lead.Cues.Where(c => c.Match.Index >= from && c.Match.Index + c.Match.Length <= to)
                .Select(c => (c.Cue, Match: Regex.Match(lead.Text[from..to], Regex.Escape(c.Match.Value))))
                .Where(c => c.Match.Success)],
        };
        var main = Clause(0, cut.MainEnd);
        var later = Clause(cut.LaterStart, lead.Text.Length);
        // Each clause must tell an act: a clause that only counts the dead ("one is killed | after a strike on Kyiv") is
        // the other clause's toll, not an incident of its own.
        if (!main.Cues.Any(c => !EventLexicon.IsHarm(c.Cue)) || !later.Cues.Any(c => !EventLexicon.IsHarm(c.Cue)))
        {
            return null;
        }

        IncidentPrediction? Read(SentenceCues clause)
        {
            var alone = new Incident();
            alone.Triggers.Add(clause);
            return typer.Type(alone, [], [], out _)?.Prediction;
        }

        var readings = new[] { Read(main), Read(later) };
        if (readings.Any(r => r is null || !r.IsEvent || r.Probability < ClauseReadingProbability))
        {
            return null;
        }

        var types = readings.Select(r => EventTaxonomy.TypeOf(r!.Label)).ToArray();
        var arrestAndHarm = readings.Any(r => r!.Label == "Arrests") && types.Any(EventTaxonomy.IsPoliticalViolence);
        var protestAndHarm = types.Contains(EventTaxonomy.Protests) && types.Any(EventTaxonomy.IsPoliticalViolence);
        if (types[0] == types[1] || arrestAndHarm || protestAndHarm || !types.Contains(built.EventType))
        {
            return null;
        }

        var other = types[0] == built.EventType ? later : main;
        var part = new Incident();
        part.Triggers.Add(other);
        // A clause tried as a second incident and not coded is no candidate the trace need tell of.
        var second = Build(document, part, people, sources, documentGroup, published, out _);
        // The clauses of one sentence share its scene unless the clause names its own: a clause that only says the
        // country ("a Palestinian journalist is shot | amid shootouts with Hamas in Gaza City") is at the sentence's place.
        var ownScene = second?.Location is { } own
            && !(own.Precision == Places.PlacePrecision.Country && built.Location is { } scene && scene.Country == own.Country && scene.Precision != Places.PlacePrecision.Country);
        return second is null || second.EventType == built.EventType ? null
            : ownScene ? second : second with { Location = built.Location };
    }

    /// <summary>
    /// The incident as one event per place it is told at (<see cref="PlaceSplitter"/>): the first keeps the injured and the
    /// named victims, whom the text does not place; each keeps the evidence of its own place and count.
    /// </summary>
    private IEnumerable<ConflictEvent> ByPlace(string text, Incident incident, ConflictEvent built, PersonIndex people)
    {
        var at = built.Evidence.FirstOrDefault(e => e.Field == "location");
        // An incident placed at its country may have been placed from no words at all ("the Sudanese Air Force"); the
        // places it is split into then bring their own words.
        if (placeResolver is null || built.Location is null || (at is null && built.Location.Precision != PlacePrecision.Country))
        {
            return [built];
        }

        var chosenSpan = at is null ? new TextSpan(0, 0) : new TextSpan(at.Start, at.End);
        var shares = PlaceSplitter.Split(text, incident, built.Location, chosenSpan, built.Killed, placeResolver, people);
        if (shares.Count == 0)
        {
            return [built];
        }

        return shares.Select((share, i) =>
        {
            var evidence = built.Evidence.Where(e => e.Field != "location" && (e.Field != "killed" || share.Killed is not null && share.KilledSpan is null)).ToList();
            evidence.Add(FieldEvidence.Of("location", share.Span.Start, share.Span.Length, text));
            if (share.KilledSpan is { } counted)
            {
                evidence.Add(FieldEvidence.Of("killed", counted.Start, counted.Length, text));
            }

            return built with
            {
                Location = share.Location,
                Killed = share.Killed,
                Injured = i == 0 ? built.Injured : null,
                Victims = i == 0 ? built.Victims : [],
                Evidence = i == 0 ? evidence : [.. evidence.Where(e => e.Field is not ("injured" or "victims") && !e.Field.StartsWith("victims[", StringComparison.Ordinal))],
            };
        });
    }

    /// <summary>How many years before publication an incident may lie and still be news rather than history.</summary>
    private const int HistoryYears = 2;

    /// <summary>How many days before publication an incident told only after the lead may lie and still be the report's news.</summary>
    private const int BackgroundDays = 7;

    /// <summary>The last date given before the incident's first sentence in the same paragraph, if any.</summary>
    private static EventDate? NarrativeDate(Document document, Incident incident, DateOnly published)
    {
        var first = incident.All.First();
        if (first.Index >= document.Sentences.Count || document.Sentences[first.Index] != first.Span)
        {
            return null;
        }

        var paragraph = document.Paragraphs.FirstOrDefault(p => p.Start <= first.Span.Start && first.Span.Start < p.End);
        for (var i = first.Index - 1; i >= 0 && paragraph.Length > 0 && document.Sentences[i].Start >= paragraph.Start; i--)
        {
            if (DateResolver.Find(document.Sentences[i].Slice(document.Text), published) is { } found)
            {
                return found.Date;
            }
        }

        return null;
    }

    /// <summary>Whether none of the incident's sentences lies in the story's first paragraph (a text of one paragraph is all lead).</summary>
    private static bool TheLeadDoesNotTell(Document document, Incident incident) =>
        document.Paragraphs.Count > 1 && !incident.All.Any(s => s.Span.Start < document.Paragraphs[0].End);

    /// <summary>The incident coded as an event, or null with the reason it was dropped (<paramref name="dropped"/>), which the caller traces or not.</summary>
    private ConflictEvent? Build(Document document, Incident incident, PersonIndex people, List<SourceMention> allSources, string? documentGroup, DateOnly? published, out string? dropped)
    {
        dropped = null;
        var text = document.Text;
        var evidence = new List<FieldEvidence>();
        var cues = incident.Triggers.SelectMany(t => t.Cues).ToList();
        var cueSet = cues.Select(c => c.Cue).ToHashSet();
        var main = incident.Triggers[0];

        // Actors: subjects before the first cue are the perpetrators, what follows it the targets; "by X" after a
        // passive verb is the perpetrator.
        var (perpetrators, targets, actorEvidence) = ActorFinder.Find(text, incident, people, documentGroup);
        evidence.AddRange(actorEvidence);

        var typed = typer.Type(incident, perpetrators, targets, out var rejected);
        if (typed is null)
        {
            dropped = rejected is null ? "the coder read no incident"
                : $"the coder read no incident: P(none) {rejected.NoEventProbability:0.00}, best sub-type {rejected.BestSubType.Label} {rejected.BestSubType.Probability:0.00}";
            return null;
        }

        var (eventType, subType, plover, typeEvidence, typeSentence, prediction) = typed;

        evidence.Add(FieldEvidence.Of("eventType", typeSentence.Span.Start + typeEvidence.Index, typeEvidence.Length, text));

        // Casualties: a stated total wins; counts of different groups add up; repeated counts of one group do not.
        var casualties = incident.Triggers.Concat(incident.Context).SelectMany(s => CasualtyFinder.Find(text, s.Span)).ToList();
        var victims = ActorFinder.Victims(text, incident, people, cueSet, evidence);
        perpetrators.RemoveAll(p => victims.Any(v => v.Name == p.Name));
        // The sub-types the facts below move the model's reading between; the confidence is the model's probability
        // of any of them, since the facts decide between neighbours, not whether there was an incident.
        var readings = new List<string> { subType };
        void Retype(string to)
        {
            subType = to;
            readings.Add(to);
            (eventType, plover) = (EventTaxonomy.TypeOf(to)!, EventTaxonomy.PloverOf(to));
        }

        // People seized in a raid that also kills, or property burned by attackers who also kill: the killing decides
        // the type (codebook section 3).
        if (subType is "Abduction/forced disappearance" or "Looting/property destruction" && casualties.Any(c => c.Killed && c.Count.Best > 0))
        {
            Retype("Attack");
        }

        // An arrest told as the answer to harm the same report tells ("a man is arrested after the mayor was stabbed";
        // "five are injured in attacks ... a man is arrested") is that harm's aftermath: the attack is the incident
        // (codebook section 3). An arrest over an earlier crime the sentence names as such ("arrested over last
        // month's bombing") stays the arrest, which is the news.
        if (subType == "Arrests" && HarmTheArrestAnswers(incident, casualties, victims) && !ArrestedOverAnEarlierCrime().IsMatch(main.Text))
        {
            Retype("Attack");
        }

        // State forces who take a place from a non-state group regain it (codebook section 2): the model reads that
        // ground changed hands by fighting, the actors say whose forces took it. Not the other way: militias that
        // take ground may be the government's affiliates ("the army and Wazalendo militia regained Nyanzale"), which
        // ACLED also codes as regaining.
        if (subType == NonStateOvertakes && StateTakesFromNonState(perpetrators, targets))
        {
            Retype(GovernmentRegains);
        }

        // A suicide bombing needs a bomber's blast: a man "wearing a fake suicide vest" who stabs passers-by, with no
        // explosion told, is an attacker with a knife.
        if (subType == "Suicide bomb" && !cueSet.Contains(Cue.Explosion) && incident.Tells(WordClasses.FakeDevice))
        {
            Retype("Attack");
        }

        // Excessive force is the authorities' force against demonstrators: police shot by someone else, with no protest,
        // march or crowd in the words ("an officer was shot at the custody centre by a prisoner"), were attacked.
        if (subType == "Excessive force against protesters" && targets.Any(t => t.Kind == ActorKind.StateForces)
            && !perpetrators.Any(p => p.Kind == ActorKind.StateForces) && !incident.Tells(WordClasses.Demonstrators))
        {
            Retype("Attack");
        }

        // Armed men among the dead ("killed, including two attackers"), told in the incident's own sentences and not in
        // its background ("in 2019 he survived a drone attack that left six soldiers dead"), mean fire met fire, or an armed unit was hit on
        // duty: a clash, not an attack on civilians (codebook section 3), unless they were off duty ("shot in his shop").
        // So does fire the lead sentence tells as exchanged ("killed during a gunfight with a vigilante group").
        if (subType == "Attack"
            && (ArmedAmongTheDead(text, incident, casualties) || WordClasses.FireExchanged.IsMatch(main.Text))
            && !incident.Tells(WordClasses.OffDuty))
        {
            Retype("Armed clash");
        }

        var killed = Total(casualties.Where(c => c.Killed).ToList(), evidence, "killed", text);

        // Fire or force used "to disperse" a protest is the protest's policing (codebook section 3): with deaths, or with
        // live fire, excessive force; otherwise an intervention. Read as a clash or an attack, the model saw the
        // shooting and not whom it was aimed at.
        if (subType is "Armed clash" or "Attack" && incident.Triggers.Any(t => DispersedAProtest().IsMatch(t.Text)))
        {
            Retype(killed is { Best: > 0 } || cueSet.Contains(Cue.ExcessiveForce) ? "Excessive force against protesters" : "Protest with intervention");
        }
        var injured = Total(casualties.Where(c => !c.Killed).ToList(), evidence, "injured", text);
        var killedVictims = victims.Count(v => v.Outcome == VictimOutcome.Killed);
        var injuredVictims = victims.Count(v => v.Outcome == VictimOutcome.Injured);
        if ((killed is null || injured is null) && roleTagger is not null)
        {
            // Where the patterns read no count, the role tagger may ("one fighter was killed"): its count is read from
            // the start of the words it tags, and the larger of several is kept so repeated mentions never add up.
            var roles = roleTagger.Tag(document, incident.All.Select(s => s.Span));
            // Tagged dead need a word of death in the incident's sentences: the tagger has read "stabbed two worshippers"
            // as two killed, a fact the text does not state.
            if (incident.Tells(WordClasses.WordOfDeath))
            {
                killed ??= TaggedCount(roles, "KILLED", "killed", evidence);
            }
            // The words the patterns already counted as dead ("fatally wounding a student") are not also the hurt.
            var dead = casualties.Where(c => c.Killed).Select(c => c.Span).ToList();
            injured ??= TaggedCount(roles.Where(r => !dead.Any(d => d.Overlaps(r.Span))).ToList(), "INJURED", "injured", evidence);
        }

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
            var act = sentence.Cues.Count > 0 ? sentence.Cues.Min(c => c.Match.Index) : 0;
            if (DateResolver.Find(sentence.Text, published, act) is { } found)
            {
                date = found.Date;
                evidence.Add(FieldEvidence.Of("date", sentence.Span.Start + found.Where.Index, found.Where.Length, text));
                break;
            }
        }

        if (incident.RetellsAJudgedAct)
        {
            dropped = "a court case: the report leads with a verdict on this kind of act, and this retells the act judged";
            return null;
        }

        // An incident dated years before the report ("shot down over Hanoi in 1967") is history the article recalls,
        // not news it reports.
        if (date is not null && published is { } reported && date.Value < reported.AddYears(-HistoryYears))
        {
            dropped = $"history: dated {date.Value:yyyy-MM-dd}, more than {HistoryYears} years before publication";
            return null;
        }

        // A report's later paragraphs recall earlier incidents as background ("the protests last month", "the bombing of
        // August 2018"): an incident told only after the lead, and dated more than a week before the report, is not news
        // the report brings. Told in the lead, a late report of an incident (a monitor's account weeks on) stays.
        if (date is not null && published is { } publishedOn && date.LastDay < publishedOn.AddDays(-BackgroundDays) && TheLeadDoesNotTell(document, incident))
        {
            dropped = $"background: dated {date.Value:yyyy-MM-dd} ({date.Precision.ToString().ToLowerInvariant()}), told only after the lead, more than {BackgroundDays} days before publication";
            return null;
        }

        // An undated sentence after the lead goes on with the time its paragraph has set ("Thunberg led the largest
        // climate demonstration on September 20. Four million people took part in the protests."): a narrative keeps
        // its last date until a new one is given, so the date of the sentence before, in the same paragraph, tells
        // whether the incident is background.
        if (date is null && published is { } toldOn && TheLeadDoesNotTell(document, incident)
            && NarrativeDate(document, incident, toldOn) is { } narrative && narrative.LastDay < toldOn.AddDays(-BackgroundDays))
        {
            dropped = $"background: its paragraph's narrative is dated {narrative.Value:yyyy-MM-dd} ({narrative.Precision.ToString().ToLowerInvariant()}), told only after the lead, more than {BackgroundDays} days before publication";
            return null;
        }

        var weapon = FirstMatch(incident, EventLexicon.Weapons.Select(w => (w.Pattern, w.Weapon)), "weapon", text, evidence);
        if (DisasterCause(incident, document, actorEvidence, casualties, weapon) is { } disaster)
        {
            dropped = $"a disaster or accident ({disaster}): deaths and injuries with no attacker or weapon";
            return null;
        }

        // A protest's policing needs a protest told. Arrests made "ahead of a planned rally" read as an intervention in
        // it, but the rally had not happened (its cue is hypothetical and was set aside): the arrests are the news.
        // An intervention told only as arrests of a number ("detained 40") tells no protest either.
        if (subType is "Protest with intervention" or "Excessive force against protesters" && cueSet.Contains(Cue.Arrest)
            && !cueSet.Overlaps([Cue.Protest, Cue.Riot, Cue.ExcessiveForce, Cue.ProtesterViolence])
            && cues.All(c => c.Cue != Cue.Intervention || ArrestWord().IsMatch(c.Match.Value)))
        {
            Retype("Arrests");
        }

        // An arrest is told with a word of arrest ("arrested", "detained", "taken into custody"); read from words near one
        // ("an arrest warrant", "house arrest" recalled, "a criminal case against the driver"), it is no arrest told.
        if (subType == "Arrests" && !cueSet.Contains(Cue.Arrest))
        {
            dropped = "no arrest told: read as Arrests with no word of arrest in the incident's sentences";
            return null;
        }

        if (OrdinaryCrime(subType, incident, killed) is { } crime)
        {
            dropped = $"ordinary crime ({crime}): an arrest or assault outside any conflict or political setting";
            return null;
        }

        // A report is told in sentences. A line of a few words alone is a caption, a label or a name ("Rocket
        // Raccoon" under a photograph of a costume): a weapon's or an act's word in it reports nothing.
        if (incident.Triggers.All(t => WordsIn(t.Text) <= CaptionWords))
        {
            dropped = $"a caption or label: no sentence of more than {CaptionWords} words tells it";
            return null;
        }

        // An agreement is an incident between parties to a conflict (codebook section 2): one with no armed group among
        // its parties and whose sentences name no armed men and nothing a conflict's parties settle ("the presidents
        // signed the free trade agreement") is diplomacy, however sure the model is of "signed" and "agreement".
        if (subType == "Agreement"
            && !perpetrators.Concat(targets).Any(a => a.Kind is ActorKind.RebelGroup or ActorKind.PoliticalMilitia or ActorKind.IdentityMilitia)
            && !incident.Triggers.Any(t => WordClasses.ArmedNoun.IsMatch(t.Text) || WordClasses.SettlesAConflict.IsMatch(t.Text)))
        {
            dropped = "an agreement outside any conflict: no armed party and nothing a conflict's parties settle";
            return null;
        }

        if (!HasSubstance(eventType, perpetrators, targets, victims, killed, injured, cueSet, weapon, incident.Triggers, prediction))
        {
            dropped = $"no party or harm: read as {subType}" + (prediction is null ? string.Empty : $" at {prediction.Probability:0.00}");
            return null;
        }

        var location = locator.Locate(text, document.Sentences, incident, people, evidence);
        var reason = Reason(incident, text, evidence);

        var sources = new List<SourceClaim>();
        foreach (var mention in allSources.Where(m => incident.All.Any(s => s.Span.Contains(m.Span))))
        {
            if (sources.All(s => s.Name != mention.Claim.Name))
            {
                var hedged = mention.Claim.Hedged;
                sources.Add(mention.Claim with { Hedged = hedged });
                evidence.Add(FieldEvidence.Of($"sources[{sources.Count - 1}]", mention.Span.Start, mention.Span.Length, text));
            }
        }

        var hedgedEvent = incident.Triggers.Any(t => WordClasses.Hedge.IsMatch(t.Text));
        var filled = new object?[] { date, location, killed, weapon, reason }.Count(x => x is not null) + (perpetrators.Count > 0 ? 1 : 0) + (sources.Count > 0 ? 1 : 0);
        // A report that gives no date tells of something new ("Gunmen kill five in Zamfara"): the incident is of the
        // report's day or the days before it. Said at the precision that means exactly that, so the event takes its
        // place on the timeline and can meet other reports of it; no words support it, so it adds nothing to confidence.
        if (date is null && published is { } reportedOn)
        {
            date = new EventDate(reportedOn, DatePrecision.Reported);
        }
        var confidence = prediction is not null
            ? Math.Round(prediction.Ranked.Where(r => readings.Contains(r.Label)).Sum(r => r.Probability) * (hedgedEvent ? 0.9 : 1.0), 2)
            : Math.Round(Math.Clamp(0.35 + 0.06 * filled + 0.05 * Math.Min(3, incident.Triggers.Count) - (hedgedEvent ? 0.1 : 0), 0.05, 0.95), 2);

        return new ConflictEvent(eventType, subType, plover, date, location, perpetrators, targets, victims, killed, injured, weapon, reason, sources, confidence, evidence)
        {
            Coder = CoderVersion,
        };
    }


    /// <summary>
    /// The disaster or accident that caused an incident's harm ("the blaze killed three", "a bus overturned; seven
    /// died"), or null: only when its cues tell of nothing but deaths, injuries, blasts and damage, no attacker is named
    /// and no weapon, and a trigger sentence or the story's lead names a cause from <see cref="EventLexicon.Disasters"/>.
    /// </summary>
    private static string? DisasterCause(Incident incident, Document document, List<FieldEvidence> actorEvidence, List<CasualtyMention> casualties, string? weapon)
    {
        // Storms and quakes also damage and destroy: those two words tell no one's act.
        static bool Harm((Cue Cue, Match Match) c) => c.Cue is Cue.Kill or Cue.Injure or Cue.Explosion || WordClasses.DamageAlone.IsMatch(c.Match.Value);

        // Police who detain a driver after a crash are its aftermath, not its attackers: only actors named in the
        // sentences that tell the harm count, and an arrest, or a cause not yet known, told in another sentence does
        // not make the harm an act.
        var harmSentences = incident.Triggers.Where(t => t.Cues.Any(c => Harm(c))).ToList();
        // The dead and hurt are not their own attackers ("at least nine people died").
        var attackerNamed = actorEvidence.Any(e => e.Field.StartsWith("perpetrators[", StringComparison.Ordinal)
            && harmSentences.Any(s => s.Span.Contains(new TextSpan(e.Start, e.End)))
            && !casualties.Any(c => c.Span.Contains(new TextSpan(e.Start, e.End))));
        var cuesOutsideTheHarm = incident.Triggers.Except(harmSentences).SelectMany(t => t.Cues);
        if (attackerNamed || weapon is not null
            || !harmSentences.SelectMany(t => t.Cues).All(Harm)
            || !cuesOutsideTheHarm.All(c => c.Cue is Cue.Arrest or Cue.OtherDevelopment))
        {
            return null;
        }

        // A blast or fire at an arsenal or a base is as often a strike or sabotage as an accident.
        var militarySites = EventLexicon.MilitarySites;
        if (incident.All.Any(t => militarySites.Any(site => site.IsMatch(t.Text))))
        {
            return null;
        }

        // The story's lead names its disaster ("As Hurricane Dorian cleared the Bahamas ...", "The aircraft overshot the
        // runway"); a later sentence that counts its dead ("twenty people have been confirmed killed") need not name it
        // again. The lead is the first two sentences of the first paragraph.
        var firstParagraph = document.Paragraphs.Count > 0 ? document.Paragraphs[0] : new TextSpan(0, document.Text.Length);
        var lead = document.Sentences.Where(s => firstParagraph.Contains(s)).Take(2).Select(s => s.Slice(document.Text));
        return FirstNamed(EventLexicon.Disasters, lead.Concat(incident.All.Select(s => s.Text)));
    }

    /// <summary>The name of the first entry of a lexicon table (a disaster's cause, an ordinary crime) that one of the sentences tells, in the sentences' order, or null.</summary>
    private static string? FirstNamed((Regex Pattern, string Name)[] table, IEnumerable<string> sentences)
    {
        foreach (var sentence in sentences)
        {
            foreach (var (pattern, name) in table)
            {
                if (pattern.IsMatch(sentence))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether armed men are among the dead the incident's own sentences count ("killing two soldiers", "seven
    /// killed, including two attackers"), not the dead of its background ("in 2019 he survived a drone attack that
    /// left six soldiers dead").
    /// </summary>
    private static bool ArmedAmongTheDead(string text, Incident incident, List<CasualtyMention> casualties) =>
        casualties.Any(c => c.Killed && incident.Triggers.Any(t => t.Span.Contains(c.Span))
            && (WordClasses.ArmedDead.IsMatch(c.Span.Slice(text)) || IncludedAfter().Match(text, c.Span.End) is { Success: true } part && WordClasses.ArmedDead.IsMatch(part.Value)));

    /// <summary>
    /// Whether the incident's own sentences tell of people attacked and hurt, not only of an arrest: an attack, killing
    /// or wounding cue in a trigger sentence, with a count of the dead or hurt or a named victim.
    /// </summary>
    private static bool HarmTheArrestAnswers(Incident incident, List<CasualtyMention> casualties, List<Victim> victims)
    {
        var harmSentences = incident.Triggers.Where(t => t.Cues.Any(c => c.Cue is Cue.Attack or Cue.Kill or Cue.Injure)).ToList();
        return harmSentences.Count > 0
            && (casualties.Any(c => c.Count.Best > 0 && harmSentences.Any(s => s.Span.Contains(c.Span)))
                || victims.Any(v => v.Outcome is VictimOutcome.Killed or VictimOutcome.Injured));
    }

    /// <summary>Force used to break up a demonstration: "opened fire to disperse an opposition-led protest", "dispersed the marchers".</summary>
    [GeneratedRegex(@"\bdispers(?:e|es|ed|ing)\s+(?:[\w\p{Pd}]+\s+){0,3}?(?:protests?|protesters|demonstrat\w+|rall(?:y|ies)|march(?:es)?|marchers|sit-ins?|crowds?\s+of\s+(?:protesters|demonstrators))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex DispersedAProtest();

    /// <summary>An arrest tied to a crime told as already known ("arrested over the bombing", "in connection with last week's killing").</summary>
    [GeneratedRegex(@"\b(?:arrest\w*|detain\w*|held|charged|suspected|accused)\s+(?:\w+\s+){0,4}?(?:over|for|with|in\s+connection\s+with|on\s+suspicion\s+of|of)\s+(?:the\s+|a\s+|an\s+|last\s+\w+'s\s+|\w+'s\s+)?(?:\w+\s+){0,2}?(?:attacks?|killings?|murders?|bombings?|shootings?|stabbings?|deaths?|assassination|massacre)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ArrestedOverAnEarlierCrime();

    private const string GovernmentRegains = "Government regains territory";
    private const string NonStateOvertakes = "Non-state actor overtakes territory";

    /// <summary>
    /// Whether the takers of a place are all state forces and what they took it from is not another state's army
    /// (codebook section 5: that is an armed clash, which the model, not this, must say).
    /// </summary>
    private static bool StateTakesFromNonState(List<Actor> perpetrators, List<Actor> targets)
    {
        var takers = perpetrators.Where(p => p.Kind is not (null or ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters)).ToList();
        return takers.Count > 0 && takers.All(t => t.Kind == ActorKind.StateForces) && !targets.Any(t => t.Kind is ActorKind.StateForces or ActorKind.ExternalForces);
    }

    /// <summary>The part of a count that follows it: ", including two attackers", "among them three soldiers".</summary>
    [GeneratedRegex(@"\G[\s,;(]*(?:including|among\s+them|among\s+whom)\s+[^.;,)]{1,60}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IncludedAfter();

    /// <summary>
    /// The ordinary crime an arrest or a non-lethal assault is told with ("arrested on suspicion of burglary", "a charge
    /// of domestic violence"), from <see cref="EventLexicon.OrdinaryCrimes"/>, or null. ACLED codes arrests in a conflict
    /// or political setting, not the police's daily work (codebook section 1).
    /// </summary>
    private static string? OrdinaryCrime(string subType, Incident incident, CasualtyCount? killed)
    {
        return subType is not ("Arrests" or "Attack") || killed is { Best: > 0 } ? null : FirstNamed(EventLexicon.OrdinaryCrimes, incident.Triggers.Select(t => t.Text));
    }

    /// <summary>
    /// How sure the trained coder must be of its sub-type for its reading alone to make an incident. Chosen among 0.8,
    /// 0.9 and 0.95 (and never) on half A of the real-news gold with a model trained and calibrated without half A, as
    /// the shipped one is calibrated: the best event F1 that does not raise half A's quiet-news false alarms
    /// (BENCHMARKS.md).
    /// </summary>
    private const double SubstanceProbability = 0.95;

    /// <summary>The most words a line may have and still be read as a caption or label rather than a sentence.</summary>
    private const int CaptionWords = 3;

    private static int WordsIn(string sentence) => WordPattern().Count(sentence);

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'’-]*")]
    private static partial Regex WordPattern();

    /// <summary>
    /// An incident needs a party or a harm, not only a word: "Nadal beat Medvedev", "markets rallied" and "the firms
    /// signed an agreement" use the vocabulary of conflict without armed actors, protesters or casualties.
    /// </summary>
    private static bool HasSubstance(string eventType, List<Actor> perpetrators, List<Actor> targets, IReadOnlyList<Victim> victims, CasualtyCount? killed, CasualtyCount? injured, HashSet<Cue> cues, string? weapon, List<SentenceCues> triggers, IncidentPrediction? prediction)
    {
        // The trained coder learnt from the written negatives that "the firms signed an agreement" tells nothing; when
        // it is sure of a sub-type, the parties need not be in the actor lexicon ("the Department of State Services
        // arrested a commander", "Africa Corps set up a base").
        if (prediction is { IsEvent: true } && prediction.Probability >= SubstanceProbability)
        {
            return true;
        }

        // Fighting between armed men is an event even when the groups are unknown to the actor lexicon ("X and Y forces
        // clashed"). So is a movement of armed men ("regime forces brought in reinforcements") or a weapon they stop.
        if ((eventType == EventTaxonomy.Battles && cues.Contains(Cue.Clash)
                || eventType == EventTaxonomy.StrategicDevelopments && (cues.Contains(Cue.ChangeActivity) || cues.Contains(Cue.Disrupted)))
            && triggers.Any(t => WordClasses.ArmedNoun.IsMatch(t.Text)))
        {
            return true;
        }

        // A weapon stopped is the substance of disrupted weapons use, whoever stopped it ("34 of 67 missiles were shot down").
        if (eventType == EventTaxonomy.StrategicDevelopments && cues.Contains(Cue.Disrupted) && weapon is not null)
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


    private static CasualtyCount? TaggedCount(List<LabeledSpan> roles, string role, string field, List<FieldEvidence> evidence)
    {
        (CasualtyCount Count, LabeledSpan Span)? largest = null;
        foreach (var span in roles.Where(r => r.Label == role))
        {
            var match = CountParser.LeadingCount().Match(span.Text);
            if (match.Success && CountParser.FromMatch(match) is { Best: > 0 } count && (largest is null || count.Best > largest.Value.Count.Best))
            {
                largest = (count, span);
            }
        }

        if (largest is { } found)
        {
            evidence.Add(new FieldEvidence(field, found.Span.Span.Start, found.Span.Span.End, found.Span.Text));
        }

        return largest?.Count;
    }

    private static CasualtyCount? Total(List<CasualtyMention> mentions, List<FieldEvidence> evidence, string field, string text)
    {
        if (mentions.Count == 0)
        {
            return null;
        }

        // A side's claim ("the Taliban claimed 190 were dead") is not the toll when others in the report give one
        // (codebook section 4: the lowest credible figure; a claim is not credible).
        if (mentions.Any(m => !m.Claimed))
        {
            mentions = [.. mentions.Where(m => !m.Claimed)];
        }

        // A figure given before and since revised ("This revised downwards an earlier toll of 27 dead") is not the toll.
        if (mentions.Any(m => !m.Superseded))
        {
            mentions = [.. mentions.Where(m => !m.Superseded)];
        }

        var totals = mentions.Where(m => m.IsTotal).ToList();
        if (totals.Count > 0)
        {
            var total = totals.Aggregate((a, b) => a.Count.Best >= b.Count.Best ? a : b);
            evidence.Add(FieldEvidence.Of(field, total.Span.Start, total.Span.Length, text));
            return total.Count;
        }

        // Counts of different kinds of people add up ("three soldiers ... two civilians"); a count that names no kind
        // ("Gunmen kill 12" above "killed at least 12 civilians", "five people died: three soldiers and two civilians")
        // tells the same dead again, so it stands beside their sum rather than adding to it. "Others" are more.
        CasualtyCount? headless = null;
        CasualtyCount? sum = null;
        foreach (var byHead in mentions.GroupBy(m => m.Head is "people" or "persons" or "" ? string.Empty : m.Head))
        {
            var largest = byHead.Select(m => m.Count).Aggregate(CountParser.Max);
            if (byHead.Key.Length == 0)
            {
                headless = largest;
            }
            else
            {
                sum = sum is null ? largest : CountParser.Add(sum, largest);
            }
        }

        sum = sum is null ? headless : headless is null ? sum : CountParser.Max(sum, headless);

        foreach (var mention in mentions)
        {
            evidence.Add(FieldEvidence.Of(field, mention.Span.Start, mention.Span.Length, text));
        }

        return sum;
    }


    private static string? FirstMatch(Incident incident, IEnumerable<(Regex Pattern, string Value)> lexicon, string field, string text, List<FieldEvidence> evidence)
    {
        foreach (var (pattern, value) in lexicon)
        {
            foreach (var sentence in incident.Triggers)
            {
                var match = pattern.Match(sentence.Text);
                if (match.Success)
                {
                    evidence.Add(FieldEvidence.Of(field, sentence.Span.Start + match.Index, match.Length, text));
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

                    evidence.Add(FieldEvidence.Of("reason", sentence.Span.Start + group.Index, group.Length, text));
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
