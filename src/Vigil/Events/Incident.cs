using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>The broad kind of violence a set of cues tells, which decides whether two sentences can be one incident.</summary>
internal enum Family
{
    Harm,
    Battle,
    Remote,
    Violence,
    Protest,
    Riot,
    Strategic,
}

internal sealed record SentenceCues(int Index, TextSpan Span, string Text, List<(Cue Cue, Match Match)> Cues, bool NewIncident);

internal sealed class Incident
{
    public List<SentenceCues> Triggers { get; } = [];

    public List<SentenceCues> Context { get; } = [];

    public IEnumerable<SentenceCues> All => Triggers.Concat(Context).OrderBy(s => s.Index);

    /// <summary>The incident whose act this one tells again at another place ("A fuel depot in Kandahar is also bombed."), if any.</summary>
    public Incident? SameActAs { get; init; }

    /// <summary>Whether the incident retells the kind of act a court judged in the report's lead: the crime tried, not news.</summary>
    public bool RetellsAJudgedAct { get; set; }

    /// <summary>Whether one of the incident's sentences, trigger or context, says what <paramref name="pattern"/> matches.</summary>
    public bool Tells(Regex pattern) => Triggers.Concat(Context).Any(s => pattern.IsMatch(s.Text));
}

/// <summary>Which kinds of incident a sentence's cues belong to, and which kinds can follow each other in one incident.</summary>
internal static class Families
{
    internal static Family Of(IEnumerable<Cue> cueList)
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

    internal static bool Compatible(Family current, Family next) =>
        current == next || current == Family.Harm || next == Family.Harm || next == Family.Strategic
        || (current, next) is (Family.Battle, Family.Remote) or (Family.Remote, Family.Battle) or (Family.Battle, Family.Violence)
            or (Family.Violence, Family.Battle) or (Family.Violence, Family.Remote) or (Family.Remote, Family.Violence)
            or (Family.Protest, Family.Riot) or (Family.Riot, Family.Protest) or (Family.Protest, Family.Battle) or (Family.Strategic, _);
}

/// <summary>A candidate incident the extractor dropped: the sentence that proposed it and the reason, in words.</summary>
public sealed record DroppedIncident(TextSpan Span, string Sentence, string Reason);
