using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>The phrase patterns the event finders share: who continues a story, crowds, firearms, armed men, the passive voice.</summary>
internal static partial class EventPatterns
{
    [GeneratedRegex(@"^\W*(?:he|she|they|it|his|her|their|the\s+(?:attack|incident|victim|victims|man|woman|attackers?|assailants?|gunmen|suspects?|clash(?:es)?|strike|explosion|blast|protest|protesters|execution|killing|two\s+sides|group|crowd|bodies|body))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ContinuesStory();

    [GeneratedRegex(@"\b(?:between\s+(?:two|rival|the\s+two)\s+(?:groups|families|clans|communities|factions)|two\s+groups|villagers|residents|community\s+members|laborers|labourers|workers|students|youths?|locals|supporters|drivers)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex CrowdClash();

    [GeneratedRegex(@"\b(?:mob|crowd|group\s+of\s+(?:\w+\s+){0,2}(?:youths?|people|persons|villagers|residents|locals|individuals)|youths|villagers|residents|locals|nationals)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex CrowdSubject();

    [GeneratedRegex(@"\b(?:guns?|gunfire|gunmen|shot|shots|shooting|firearms?|rifles?|pistols?|opened\s+fire|firing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Firearms();

    /// <summary>Armed men among the dead or wounded ("a soldier was killed", "killed two policemen"): a fight, not an attack on civilians.</summary>
    [GeneratedRegex(@"\b(?:soldiers?|policem[ae]n|police\s+officers?|gendarmes?|fighters?|militiam[ae]n|militants?|security\s+guards?|troops|commanders?)\b[^.]{0,30}\b(?:were|was)\s+(?:\w+\s+)?(?:killed|wounded|injured|shot)|\b(?:killed|killing|wounded|wounding|injured|injuring|shot|attacked|ambushed)\s+(?:\w+\s+){0,3}(?:soldiers?|policem[ae]n|police\s+(?:officers?|station|post|patrol)|gendarm\w*|fighters?|militiam[ae]n|security\s+guards?|troops|commanders?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ArmedVictim();

    [GeneratedRegex(@"\b(?:off-?duty|(?:at|in|inside|outside|in\s+front\s+of)\s+(?:his|her|their)\s+(?:house|home|office|shop|residence)|leaving\s+(?:a|the)\s+mosque|drive-?by)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex OffDuty();

    [GeneratedRegex(@"\b(?:exchang\w*\s+(?:of\s+)?(?:gun\s?)?fire|clash\w*|fought|fighting|gun\s?battles?|gun\s?fights?|fire\s?fights?|returned\s+(?:the\s+)?fire|shoot-?outs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex MutualFire();

    /// <summary>Fire told as exchanged, in words that mean nothing else ("a gunfight with a vigilante group", "traded fire").</summary>
    [GeneratedRegex(@"\b(?:exchang\w*\s+(?:of\s+)?(?:heavy\s+)?(?:gun\s?)?fire|traded\s+(?:heavy\s+)?(?:gun\s?)?fire|gun\s?battles?|gun\s?fights?|fire\s?fights?|returned\s+(?:the\s+)?fire|shoot-?outs?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex FireExchanged();

    [GeneratedRegex(@"\b(?:forces|troops|militants?|fighters|militia\w*|soldiers|army|military|police|gunmen|rebels|insurgents|reinforcements|shoot-?outs?|gunfights?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ArmedNoun();

    [GeneratedRegex(@"\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z]", RegexOptions.CultureInvariant)]
    internal static partial Regex SetsTheScene();

    [GeneratedRegex(@"\b(?:the|these|those)\s+(?<noun>[a-z]{4,}s)\b", RegexOptions.CultureInvariant)]
    internal static partial Regex DefiniteNoun();

    [GeneratedRegex(@"^(?:villagers|residents|community\s+members|youths?|locals|crowds?|people|supporters|students|workers|labourers|nationals|members|group\s+of\s+.*|farmers|traders|family|families)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex CrowdNoun();

    [GeneratedRegex(@"\b(?:was|were|has\s+been|have\s+been|had\s+been|being|got|left\s+with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Passive();
}
