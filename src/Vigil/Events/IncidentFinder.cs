using System.Text.RegularExpressions;
using static Vigil.Events.EventPatterns;

namespace Vigil.Events;

/// <summary>
/// Finds the incidents a document tells: the sentences that carry incident cues (or that the trained coder reads as
/// telling one), grouped so that a new incident starts at a discourse marker such as "Separately", at an incompatible
/// kind of violence, or at a different place; sentences without cues that continue the story (a pronoun, a person
/// already named) join the incident as its context.
/// </summary>
internal sealed partial class IncidentFinder(IncidentClassifier? classifier)
{
    public List<Incident> Find(Document document, PersonIndex people, DateOnly? published)
    {
        var text = document.Text;
        var sentences = document.Sentences.Count > 0 ? document.Sentences : [new TextSpan(0, text.Length)];
        var analysed = new List<SentenceCues>(sentences.Count);
        // The kinds of act a court judged in the report's lead ("two officers were found guilty of raping a tourist"):
        // null until the first sentence with a cue is read.
        HashSet<Cue>? judgedInTheLead = null;
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
                    while (match.Success && (EventLexicon.Hypothetical().IsMatch(sentenceText[Math.Max(0, match.Index - 40)..match.Index])
                        || EventLexicon.Figurative(sentenceText, match)))
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

            // An act named as what a court judged ("found guilty of raping", "convicted of murdering", "jailed for
            // attacking") is a court case, not news of the act (codebook section 1).
            var judged = cues.Where(c => EventLexicon.JudgedBefore(sentenceText, c.Match.Index)).ToList();
            if (judgedInTheLead is null && cues.Count > 0)
            {
                judgedInTheLead = [.. judged.Select(c => c.Cue).Where(cue => !EventLexicon.IsHarm(cue))];
            }

            cues.RemoveAll(judged.Contains);

            // A cue told as background ("a protest against arrests during recent riots") says when or why, not what
            // happened; it gives way to the sentence's other cues, unless those only count the dead and hurt ("killed
            // in recent clashes" still reports a clash).
            // A sentence whose every cue is background and none counts the dead or hurt ("In response to the drone
            // strike, the president orders the army to retaliate") tells a reaction, not an incident.
            var foreground = cues.Where(c => !IsBackground(sentenceText, c.Match)).ToList();
            if (foreground.Count < cues.Count && (foreground.Any(c => c.Cue is not (Cue.Kill or Cue.Injure)) || cues.All(c => !EventLexicon.IsHarm(c.Cue))))
            {
                cues = foreground;
            }

            analysed.Add(new SentenceCues(i, span, sentenceText, cues, EventLexicon.NewIncident().IsMatch(sentenceText)
                || (cues.Count > 0 && (EventLexicon.OpensOnAYear().IsMatch(sentenceText) || DatedToAnotherTime(sentenceText, cues, published)))));
        }

        var incidents = Group(text, analysed, people);
        // A report that leads with a court's verdict goes on to retell the act it judged (a victim's testimony, the
        // night of the crime): an incident told after the lead whose first sentence tells only acts of the kinds judged
        // is that crime, not news (codebook section 1).
        if (judgedInTheLead is { Count: > 0 })
        {
            foreach (var incident in incidents)
            {
                var acts = incident.Triggers[0].Cues.Select(c => c.Cue).Where(cue => !EventLexicon.IsHarm(cue)).ToList();
                incident.RetellsAJudgedAct = acts.Count > 0 && acts.All(judgedInTheLead.Contains);
            }
        }

        return incidents;
    }

    /// <summary>
    /// How sure the model must be of a sub-type to propose an incident in a sentence the cue lexicon says nothing of.
    /// Chosen between 0.8, 0.9 and 0.97 on half A of the real-news gold (BENCHMARKS.md); 0.8 added nothing there.
    /// </summary>
    private const double ProposalProbability = 0.9;

    /// <summary>The cue that stands for a sub-type the model proposes, so the rules can group, place and count the incident.</summary>
    internal static readonly IReadOnlyDictionary<string, Cue> CueOfSubType = new Dictionary<string, Cue>
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
        ["Other"] = Cue.OtherDevelopment,
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

    /// <summary>How long before the report a sentence's own date must be for its act to be another incident than the one told before.</summary>
    private const int AnotherTimeDays = 365;

    /// <summary>
    /// A sentence that dates its act well before the report ("Robert was killed in June 1968", "who had himself been
    /// assassinated in 1963") tells another incident than the one before it, wherever in the sentence the date stands:
    /// it starts an incident of its own, which is then dated, and judged, by that date.
    /// </summary>
    private static bool DatedToAnotherTime(string sentence, List<(Cue Cue, Match Match)> cues, DateOnly? published) =>
        published is { } reported && DateResolver.Find(sentence, published, cues.Min(c => c.Match.Index)) is { } dated
        && dated.Date.LastDay < reported.AddDays(-AnotherTimeDays);

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
                var family = Families.Of(sentence.Cues.Select(c => c.Cue));
                var currentFamily = current is null ? Family.Harm : Families.Of(current.Triggers.SelectMany(t => t.Cues).Select(c => c.Cue));
                // What the demonstrators go on to do ("They set barricades on fire") is the same protest turning violent.
                var protestersActOn = currentFamily == Family.Protest && ContinuesStory().IsMatch(sentence.Text) && !Passive().IsMatch(sentence.Text);
                // Missiles and drones shot down are an incident of their own (disrupted weapons use), apart from the
                // strikes that got through, even when told in the strike's next sentence.
                var interceptsStrikes = currentFamily == Family.Remote && sentence.Cues.Any(c => c.Cue == Cue.Disrupted) && !sentence.Cues.Any(c => EventLexicon.IsHarm(c.Cue));
                if (current is not null && !sentence.NewIncident && !interceptsStrikes && (Families.Compatible(currentFamily, family) || protestersActOn) && !MovesElsewhere(text, current, sentence, people))
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
            else if (current is not null && !sentence.NewIncident && SameActElsewhere(text, current, sentence, people) is { } same)
            {
                // "A fuel depot in Kandahar is also bombed." after an airstrike in Kabul: "also" says the act just told
                // happened again, and a new place makes it an incident of its own (one event per place).
                current = new Incident { SameActAs = current };
                current.Triggers.Add(sentence with { Cues = [same] });
                incidents.Add(current);
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

    /// <summary>
    /// The cue of the incident's act, found again in a sentence that tells no act of its own but that it "also" struck
    /// somewhere else ("A fuel depot in Kandahar is also bombed"), with the sentence's "also ..." as its evidence; null
    /// when the sentence does not say so, stays at the incident's place, or the incident tells no act (only deaths).
    /// </summary>
    private static (Cue Cue, Match Match)? SameActElsewhere(string text, Incident incident, SentenceCues sentence, PersonIndex people)
    {
        var also = AlsoStruck().Match(sentence.Text);
        if (!also.Success)
        {
            return null;
        }

        // The cue that makes the incident the kind it is: an airstrike's, not the "attack" it is also called.
        var cues = incident.Triggers.SelectMany(t => t.Cues).Select(c => c.Cue).ToList();
        var family = Families.Of(cues);
        if (family is not (Family.Remote or Family.Violence or Family.Battle) || !MovesElsewhere(text, incident, sentence, people))
        {
            return null;
        }

        return (cues.First(c => Families.Of([c]) == family), also);
    }

    private static Regex AlsoStruck() => AlsoStruckPattern.Value;

    private static readonly Lazy<Regex> AlsoStruckPattern = new(() => new Regex($@"\balso\s+(?:been\s+)?(?:{WordClasses.StruckToo})\b", WordClasses.Options));

    /// <summary>A sentence about the same kind of violence still starts a new incident when it happens at another place.</summary>
    private static bool MovesElsewhere(string text, Incident incident, SentenceCues sentence, PersonIndex people)
    {
        // A title-case headline's capitals name nothing ("Gunmen Kill 12 in Attack on Burkina Faso Village"), so the lead
        // that follows it tells the same incident wherever the headline seems to put it.
        if (incident.Triggers.All(t => IsTitleCase(t.Text)) || IsTitleCase(sentence.Text))
        {
            return false;
        }

        var places = PlaceFinder.Find(text, sentence.Span, people)
            .Where(p => p.Score >= 1).Select(p => p.Name).ToList();
        if (places.Count == 0)
        {
            return false;
        }

        var earlierMentions = incident.Triggers.Where(t => !IsTitleCase(t.Text)).SelectMany(t => PlaceFinder.Find(text, t.Span, people)).ToList();
        // "... on a village in northern Burkina Faso. The attackers arrived in Toulfe ...": where the incident was told only
        // at a country's level, a sentence that refers back to it names its scene, not another one.
        if (earlierMentions.Count > 0 && earlierMentions.All(e => e.IsCountry) && ContinuesStory().IsMatch(sentence.Text))
        {
            return false;
        }

        var earlier = earlierMentions.Select(p => p.Name).ToList();
        return earlier.Count > 0 && !places.Any(place => earlier.Any(e => e.Contains(place, StringComparison.Ordinal) || place.Contains(e, StringComparison.Ordinal)));
    }
}
