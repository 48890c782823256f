using System.Text.RegularExpressions;
using static Vigil.Events.EventPatterns;

namespace Vigil.Events;

/// <summary>The parties to an incident: perpetrators before its first cue, targets after it ("by X" after a passive verb is the perpetrator), and its named victims.</summary>
internal static partial class ActorFinder
{
    internal static (List<Actor> Perpetrators, List<Actor> Targets, List<FieldEvidence> Evidence) Find(string text, Incident incident, PersonIndex people, string? documentGroup)
    {
        var perpetrators = new List<Actor>();
        var targets = new List<Actor>();
        var evidence = new List<FieldEvidence>();
        Actor? opponent = null;
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
            // An active verb of harm before the kind's cue ("ISWAP killed four farmers and abducted six others") has its
            // object after it: what follows it is acted on, not acting.
            var activeHarmAt = sentence.Cues
                .Where(c => c.Cue is Cue.Kill or Cue.Injure && IsVerb(c.Match.Value) && !DeathOfTheSubject().IsMatch(c.Match.Value))
                .Select(c => sentence.Span.Start + c.Match.Index)
                .Where(at => at < cueAt && !Passive().IsMatch(text[Math.Max(sentence.Span.Start, at - 25)..at]))
                .DefaultIfEmpty(cueAt)
                .Min();
            var byAgent = Regex.Match(text[cueEnd..sentence.Span.End], @"^[^.;]{0,60}?\bby\s+(?:the\s+|a\s+|an\s+)?");
            // Police or soldiers who shoot or arrest the attacker after the lead ("The attacker was shot dead by police")
            // answered the incident: they are neither its perpetrator nor its target.
            var responders = sentence != incident.Triggers[0] && WordClasses.SubduesTheAssailant.IsMatch(sentence.Text);
            foreach (var mention in mentions)
            {
                if (responders && mention.Kind == ActorKind.StateForces)
                {
                    continue;
                }

                // "Isis' chief spokesman": a possessive actor names someone's affiliation, not a party to the act.
                if (IsInsideSource(text, mention) || Regex.IsMatch(text[mention.End..Math.Min(text.Length, mention.End + 2)], "^(?:'|’)"))
                {
                    continue;
                }

                var afterBy = byAgent.Success && mention.Start >= cueEnd + byAgent.Length - 1 && mention.Start <= cueEnd + byAgent.Length + 5;
                // A cue that holds its own subject ("Russian forces struck", "Israeli drones targeted") has its actor
                // inside it: the actor that the cue's words begin with acted.
                // "At the police headquarters, a clerk stabbed four": forces named as a place stand before the act without doing it.
                var premises = mention.Kind == ActorKind.StateForces && ForcesPremisesAfter().IsMatch(text.AsSpan(mention.End, Math.Min(30, sentence.Span.End - mention.End)));
                var before = !premises && (mention.End <= activeHarmAt || (mention.Start <= cueAt && mention.End > cueAt && activeHarmAt == cueAt));
                var passiveBetween = before && mention.End <= cueAt && (Passive().IsMatch(text[mention.End..cueAt]) || PresentPassive().IsMatch(text[mention.End..cueAt]));
                // The armed owner of an attack noun made the attack, wherever the noun stands ("killed in an Israeli strike",
                // "a Houthi drone attack", "an Al Shabaab ambush").
                var ownsTheAttack = mention.Armed && AttackNounAfter().IsMatch(text.AsSpan(mention.End, Math.Min(60, sentence.Span.End - mention.End)));
                var isPerpetrator = ownsTheAttack || afterBy || (before && !passiveBetween && (mention.Kind is not ActorKind.Civilians || sentence.Cues.Any(c => c.Cue == Cue.Protest)));
                var group = mention.Group ?? (mention.Kind == ActorKind.RebelGroup ? documentGroup : null);
                // A crowd that attacks ("villagers pelted stones at police", "youths assaulted a patrol") is a mob: ACLED's rioters.
                var crowd = mention.Kind == ActorKind.Civilians && before && !passiveBetween && WordClasses.CrowdNoun.IsMatch(mention.Name)
                    && !DiesAfter().IsMatch(text.AsSpan(mention.End, Math.Min(40, sentence.Span.End - mention.End)))
                    && sentence.Cues.Any(c => c.Cue is Cue.Attack or Cue.Clash or Cue.ProtesterViolence or Cue.Loot
                        || c.Cue is Cue.Kill && IsVerb(c.Match.Value) && !DeathOfTheSubject().IsMatch(c.Match.Value));
                if (crowd)
                {
                    isPerpetrator = true;
                }

                var actor = crowd ? new Actor(mention.Name, ActorKind.Rioters, null)
                    : mention.Kind == ActorKind.Civilians && !isPerpetrator ? new Actor("Civilians", ActorKind.Civilians, null) : new Actor(mention.Name, mention.Kind, group);
                var list = isPerpetrator ? perpetrators : targets;
                // A side named again later ("JNIM insurgents ambush a convoy ... amid a blockade by the jihadist group")
                // is the perpetrator restated, not its own target.
                var perpetratorRestated = !isPerpetrator && actor.Group is not null && perpetrators.Any(p => p.Group == actor.Group);
                if (!list.Any(a => a.Name.Equals(actor.Name, StringComparison.OrdinalIgnoreCase)) && !perpetratorRestated && (isPerpetrator || mention.Start >= cueAt || passiveBetween))
                {
                    // "killed in a shootout with Al-Shabaab gunmen", "clashes between the RSF and a tribe": the side named
                    // first after a fight's word is the one that fought whoever the sentence tells of.
                    // Only where the fight opens the sentence or is where someone was hurt ("are killed in a shootout"):
                    // after another act ("STC forces seized the town after clashes with ..."), the act's subject is the side.
                    if (!isPerpetrator && opponent is null && mention.Start >= cueEnd && firstCue.Cue == Cue.Clash
                        && MutualFight().IsMatch(firstCue.Match.Value) && OpponentNamedNext().IsMatch(text[cueEnd..mention.Start])
                        && FightOpensOrHarmedIn().IsMatch(text[sentence.Span.Start..cueAt]))
                    {
                        opponent = actor;
                    }

                    list.Add(actor);
                    evidence.Add(FieldEvidence.Of($"{(isPerpetrator ? "perpetrators" : "targets")}[{list.Count - 1}]", mention.Start, mention.End - mention.Start, text));
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
                    evidence.Add(FieldEvidence.Of("perpetrators[0]", mention.Start, mention.Length, text));
                }
            }
        }

        // "The United States and Jordan carry out airstrikes", "Israel struck": a state named as the subject of an act of
        // force acted through its forces, which is how ACLED names it.
        if (perpetrators.Count == 0 && incident.Triggers.Count > 0 && StateActing(text, incident.Triggers[0]) is { } state)
        {
            perpetrators.Add(state.Actor);
            evidence.Add(FieldEvidence.Of("perpetrators[0]", state.Start, state.Length, text));
        }

        // "A fuel depot in Kandahar is also bombed": the act told again at another place was done by the same hands, which
        // the sentence that told it first names.
        if (perpetrators.Count == 0 && incident.SameActAs is { } first)
        {
            var (earlier, _, earlierEvidence) = Find(text, first, people, documentGroup);
            perpetrators.AddRange(earlier);
            evidence.AddRange(earlierEvidence.Where(e => e.Field.StartsWith("perpetrators[", StringComparison.Ordinal)));
        }

        // A fight whose sentence names no one before its word has as its first side the one named next to it.
        if (perpetrators.Count == 0 && opponent is not null)
        {
            var at = targets.IndexOf(opponent);
            targets.RemoveAt(at);
            perpetrators.Add(opponent);
            evidence = [.. evidence.Select(e => e.Field == $"targets[{at}]" ? e with { Field = "perpetrators[0]" }
                : TargetIndex(e.Field) is { } i && i > at ? e with { Field = $"targets[{i - 1}]" } : e)];
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

    private static int? TargetIndex(string field) =>
        Regex.Match(field, @"^targets\[(\d+)\]$") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>A fight's word that takes two sides ("clashes", "a shootout", "fighting"), not a one-sided act ("an ambush", "an offensive").</summary>
    [GeneratedRegex(@"^(?:clash|gun\s?(?:fight|battle)|fire\s?fight|shoot|fight|fought|battle|skirmish|hostilities|exchang)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MutualFight();

    /// <summary>The words between a fight's word and the side named next: "with", "between", after a verb or place at most.</summary>
    [GeneratedRegex(@"^\s+(?:(?:erupt(?:s|ed)?|broke\s+out|breaks\s+out|took\s+place|occurred|in\s+[\p{Lu}][\w'-]*(?:\s+[\p{Lu}][\w'-]*)?)\s+)?(?:with|between|against)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpponentNamedNext();

    /// <summary>
    /// The state that opens a sentence as the subject of an act of force ("Israel struck", "The United States and Jordan
    /// carry out"), or that a passive names as its agent ("a vessel was attacked by Iran"), or null.
    /// </summary>
    private static (Actor Actor, int Start, int Length)? StateActing(string text, SentenceCues sentence)
    {
        var match = StateSubject().Match(sentence.Text);
        if (!match.Success)
        {
            match = StateAgent().Match(sentence.Text);
        }

        if (!match.Success || Places.Countries.FromName(match.Groups["state"].Value) is not { } country)
        {
            return null;
        }

        var forces = ActorNames.Fill(ActorNames.MilitaryForces, country);
        var state = match.Groups["state"];
        return (new Actor(state.Value, ActorKind.StateForces, forces), sentence.Span.Start + state.Index, state.Length);
    }

    [GeneratedRegex(@"^\W*(?:(?:On|In|Late|Early)\b[^,]{0,40},\s+)?(?:[Tt]he\s+)?(?<state>\p{Lu}[\w.]*(?:\s+\p{Lu}[\w.]*){0,2}?)(?:\s+and\s+(?:the\s+)?\p{Lu}[\w.]*(?:\s+\p{Lu}[\w.]*){0,2}?)?\s+(?:has\s+|have\s+|had\s+)?(?:carr(?:y|ies|ied)\s+out|launch(?:ed|es)?|struck|strikes|bombed|bombs|shelled|shells|fired|fires|targeted|targets|hits?|attacked|attacks|conducted|conducts|invaded|invades)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StateSubject();

    [GeneratedRegex(@"\b(?:was|were|is|are|been|being)\s+(?:\w+\s+)?(?:attacked|struck|hit|targeted|bombed|shelled|raided|seized|shot\s+down|fired\s+(?:on|upon|at))\s+by\s+(?:the\s+)?(?<state>\p{Lu}[\w.]*(?:\s+\p{Lu}[\w.]*){0,2}?)(?![\w.]|\s+\p{Lu}|\s+(?:forces|troops|military|army|navy|drones?|missiles?|jets?|warplanes?|aircraft)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex StateAgent();

    /// <summary>What may stand before such a fight's word: a few words that open the sentence, or the harm it caused ("five soldiers are killed in a").</summary>
    [GeneratedRegex(@"^\W*(?:[\w'-]+\s+){0,3}$|\b(?:killed|wounded|injured|died|dead|hurt)\s+(?:\w+\s+){0,2}?(?:in|during)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FightOpensOrHarmedIn();

    /// <summary>A cue that is a verb of action ("shot", "attacked"), not a noun ("execution") that names the act.</summary>
    internal static bool IsVerb(string cue) => Regex.IsMatch(cue, @"(?:ed|shot|beat|fought|threw|hit|fire)$", RegexOptions.IgnoreCase);

    /// <summary>
    /// Whether a mention is only who tells of the incident ("according to police", "the army said", "cited the army as
    /// saying"). One that tells of its own act ("Israel says it struck", "police said they arrested") is a party to it
    /// as well.
    /// </summary>
    internal static bool IsInsideSource(string text, ActorMention mention) =>
        Regex.IsMatch(text[Math.Max(0, mention.Start - 20)..mention.Start], @"\baccording\s+to\s+(?:the\s+)?(?:\w+\s+)?$", RegexOptions.IgnoreCase)
        || Regex.IsMatch(text[Math.Max(0, mention.Start - 20)..mention.Start], @"\b(?:cit|quot)(?:ed|es|ing)\s+(?:the\s+)?(?:\w+\s+)?$", RegexOptions.IgnoreCase)
            && Regex.IsMatch(text[mention.End..Math.Min(text.Length, mention.End + 30)], @"^\s+as\s+(?:saying|stating|telling|reporting|claiming|confirming)\b", RegexOptions.IgnoreCase)
        || Regex.IsMatch(text[mention.End..Math.Min(text.Length, mention.End + 40)], @"^\s+(?:said|say|says|told|reported|reports?|stated|alleged|alleges|added)\b(?!\s+(?:that\s+)?(?:it|they)\s+(?:had\s+|has\s+|have\s+)?(?:killed|struck|shot|hit|attacked|arrested|detained|targeted|bombed|shelled|raided|captured|seized|destroyed|intercepted|downed|repelled|repulsed|rescued|freed|fired|eliminated|neutrali[sz]ed|thwarted|foiled|conducted|carried\s+out|launched)\b)", RegexOptions.IgnoreCase);

    internal static List<Victim> Victims(string text, Incident incident, PersonIndex people, HashSet<Cue> cues, List<FieldEvidence> evidence)
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
                    // "Spokesman Zabiullah Mujahid claimed 190 were dead": who tells of the dead is not among them.
                    var isPassiveSubject = passive && mention.End <= lastHarm && Passive().IsMatch(text[mention.End..lastHarm]) && lastHarm - mention.End < 80
                        && !Regex.IsMatch(text[mention.End..lastHarm], @"\b(?:to|of|for|task)\b")
                        && !SpeakerOf().IsMatch(text.AsSpan(mention.End, lastHarm - mention.End));
                    // "marched to denounce the killing of George Floyd": the protest's grievance names an earlier victim, not its own.
                    var grievance = CasualtyFinder.IsGrievance(text[sentence.Span.Start..mention.Start]);
                    // "X, a journalist from Yemen, died ... after being shot": the one who died is the subject of "died",
                    // however long the description set beside the name.
                    var diedSubject = sentence.Cues.Any(c => c.Cue == Cue.Kill) && DiedAfterName().IsMatch(text.AsSpan(mention.End, sentence.Span.End - mention.End));
                    if ((isObject || isPassiveSubject || diedSubject) && !grievance && victims.All(v => v.Person != person))
                    {
                        victims.Add((person, diedSubject ? VictimOutcome.Killed : outcome, mention));
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
            evidence.Add(FieldEvidence.Of($"victims[{result.Count - 1}]", span.Start, span.Length, text));
        }

        return result;
    }

    /// <summary>A verb of death whose subject is the dead ("five villagers died", "people perished"), not who killed them.</summary>
    private static Regex DeathOfTheSubject() => DeathOfTheSubjectPattern.Value;

    private const string DeathOfTheSubjectWords = @"(?:died|perished|succumbed|drowned|lost\s+their\s+lives?)";

    private static readonly Lazy<Regex> DeathOfTheSubjectPattern = new(() => new Regex("^" + DeathOfTheSubjectWords + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>A crowd whose own verb is its death ("five villagers died when gunmen attacked") is the dead, not a mob.</summary>
    private static Regex DiesAfter() => DiesAfterPattern.Value;

    private static readonly Lazy<Regex> DiesAfterPattern = new(() => new Regex(@"^\s+(?:[\w'’-]+\s+){0,2}?" + DeathOfTheSubjectWords + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    private static Regex SpeakerOf() => SpeakerOfPattern.Value;

    /// <summary>A saying verb right after a name: the name is who speaks ("X claimed", "X, a spokesman, said").</summary>
    private static readonly Lazy<Regex> SpeakerOfPattern = new(() => new Regex(@"^\s*(?:,[^,]{1,60},\s*)?(?:(?:has|had|have)\s+)?(?:" + WordClasses.SayingVerbs + @")\b", WordClasses.Options));

    private static readonly Lazy<Regex> ForcesPremisesPattern = new(() => new Regex(@"^\s+(?:" + WordClasses.ForcesPremises + @")\b", WordClasses.Options));

    private static Regex ForcesPremisesAfter() => ForcesPremisesPattern.Value;
}
