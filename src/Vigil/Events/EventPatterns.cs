using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>
/// The grammar the event finders share: who continues a story, armed men told as hurt, a sentence that sets the scene,
/// a definite noun, the passive voice. The words of a kind they test for (crowds, firearms, armed men) are
/// <see cref="WordClasses"/>, read from a data file.
/// </summary>
internal static partial class EventPatterns
{
    /// <summary>
    /// A headline in title case ("Suicide Bomber Kills 7 at Mosque in Northwest Pakistan"): nearly every longer word is
    /// capitalised, so a capital there marks no name, and "in Mosque" or "on Burkina Faso Village" is no place.
    /// </summary>
    internal static bool IsTitleCase(string sentence)
    {
        var longer = 0;
        var capitalised = 0;
        foreach (Match word in LongerWord().Matches(sentence))
        {
            longer++;
            capitalised += char.IsUpper(word.Value[0]) ? 1 : 0;
        }

        return longer >= 3 && capitalised >= 0.8 * longer && !sentence.TrimEnd().EndsWith('.');
    }

    [GeneratedRegex(@"\b\p{L}[\p{L}'’-]{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongerWord();

    [GeneratedRegex(@"^\W*(?:he|she|they|it|his|her|their|the\s+(?:attack|incident|victim|victims|man|woman|attackers?|assailants?|gunmen|suspects?|clash(?:es)?|strike|explosion|blast|protest|protesters|execution|killing|two\s+sides|group|crowd|bodies|body))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ContinuesStory();

    /// <summary>
    /// Armed men among the dead or wounded ("a soldier was killed", "killed two policemen"): a fight, not an attack on
    /// civilians. The men are word classes (<see cref="WordClasses.ArmedVictims"/>, <see cref="WordClasses.ArmedTargets"/>);
    /// the verbs of harm and the order of the words are grammar.
    /// </summary>
    internal static Regex ArmedVictim => LoadedArmedVictim.Value;

    private static readonly Lazy<Regex> LoadedArmedVictim = new(() => new Regex(
        $@"\b(?:{WordClasses.ArmedVictims})\b[^.]{{0,30}}\b(?:were|was)\s+(?:\w+\s+)?(?:killed|wounded|injured|shot)|\b(?:killed|killing|wounded|wounding|injured|injuring|shot|attacked|ambushed)\s+(?:\w+\s+){{0,3}}(?:{WordClasses.ArmedTargets})\b",
        WordClasses.Options));

    [GeneratedRegex(@"\b(?:in|at|near|outside)\s+(?:the\s+)?\p{Lu}", RegexOptions.CultureInvariant)]
    internal static partial Regex SetsTheScene();

    [GeneratedRegex(@"\b(?:the|these|those)\s+(?<noun>[a-z]{4,}s)\b", RegexOptions.CultureInvariant)]
    internal static partial Regex DefiniteNoun();

    /// <summary>
    /// A passive before a cue. The present tense of briefs and headlines ("a priest is killed", "two are reported to be
    /// killed") counts only right before the cue it is read for (the window ends there), since "is" and "are" also
    /// begin so much else.
    /// </summary>
    [GeneratedRegex(@"\b(?:was|were|has\s+been|have\s+been|had\s+been|being|got|left\s+with)\b|\b(?:is|are|be)\s+(?:[a-z]+ly\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Passive();

    /// <summary>
    /// The present passive of briefs and headlines between a subject and a later cue ("Two people are killed in a
    /// Russian airstrike"): the subject is acted on, however far the cue that <see cref="Passive"/> reads for.
    /// </summary>
    [GeneratedRegex(@"\b(?:is|are)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]+en|shot|hit|hurt|struck|burnt|slain)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PresentPassive();

    /// <summary>An attack noun right after an actor, across a few modifiers ("Israeli [drone] strike", "militant attack").</summary>
    [GeneratedRegex(@"^\s+(?:[\w-]+\s+){0,3}?(?:strikes?|airstrikes?|air\s+raids?|attacks?|shelling|bombardments?|bombings?|raids?|barrages?|ambush(?:es)?|assaults?|offensive)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex AttackNounAfter();

    /// <summary>
    /// What follows a person's name when the name is the subject of a death: "died", "was killed", "was shot dead",
    /// directly or after a description set off by commas (", a journalist from Yemen, died"; ", 34, was killed").
    /// </summary>
    [GeneratedRegex(@"^\s*(?:,\s*(?:a|an|the|aged|\d)[^,;.]{0,80},\s*)?(?:later\s+)?(?:died|was\s+(?:killed|murdered|assassinated|shot\s+dead|gunned\s+down))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex DiedAfterName();
}
