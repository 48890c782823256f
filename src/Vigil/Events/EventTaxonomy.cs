namespace Vigil.Events;

/// <summary>ACLED's event types and sub-types, spelled exactly as ACLED spells them.</summary>
public static class EventTaxonomy
{
    public const string Battles = "Battles";
    public const string ExplosionsRemoteViolence = "Explosions/Remote violence";
    public const string ViolenceAgainstCivilians = "Violence against civilians";
    public const string Protests = "Protests";
    public const string Riots = "Riots";
    public const string StrategicDevelopments = "Strategic developments";

    public static readonly IReadOnlyDictionary<string, string[]> SubTypes = new Dictionary<string, string[]>
    {
        [Battles] = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        [ExplosionsRemoteViolence] = ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
        [ViolenceAgainstCivilians] = ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        [Protests] = ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        [Riots] = ["Violent demonstration", "Mob violence"],
        [StrategicDevelopments] = ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
    };

    /// <summary>
    /// The PLOVER event type and mode a sub-type maps to when nothing more specific is known (docs/codebook.md gives the
    /// table and its reasons); the rules refine the mode where the words say more ("march", "strike", "execute").
    /// </summary>
    private static readonly IReadOnlyDictionary<string, PloverCode> Plover = new Dictionary<string, PloverCode>
    {
        ["Armed clash"] = new("ASSAULT", "firearms"),
        ["Government regains territory"] = new("ASSAULT", "firearms"),
        ["Non-state actor overtakes territory"] = new("ASSAULT", "firearms"),
        ["Chemical weapon"] = new("ASSAULT", "CBRN"),
        ["Air/drone strike"] = new("ASSAULT", "aerial"),
        ["Suicide bomb"] = new("ASSAULT", "suicide"),
        ["Shelling/artillery/missile attack"] = new("ASSAULT", "explosives"),
        ["Remote explosive/landmine/IED"] = new("ASSAULT", "explosives"),
        ["Grenade"] = new("ASSAULT", "explosives"),
        ["Sexual violence"] = new("ASSAULT", "sexual"),
        ["Attack"] = new("ASSAULT", "firearms"),
        ["Abduction/forced disappearance"] = new("ASSAULT", "abduct"),
        ["Peaceful protest"] = new("PROTEST", "demo"),
        ["Protest with intervention"] = new("PROTEST", "demo"),
        ["Excessive force against protesters"] = new("ASSAULT", "firearms"),
        ["Violent demonstration"] = new("PROTEST", "riot"),
        ["Mob violence"] = new("ASSAULT", "beat"),
        ["Agreement"] = new("AGREE", null),
        ["Arrests"] = new("COERCE", "arrest"),
        ["Change to group/activity"] = new("MOBILIZE", "troops"),
        ["Disrupted weapons use"] = new("COERCE", "seize"),
        ["Headquarters or base established"] = new("MOBILIZE", "troops"),
        ["Looting/property destruction"] = new("COERCE", "seize"),
        ["Non-violent transfer of territory"] = new("RETREAT", null),
        ["Other"] = new("MOBILIZE", null),
    };

    /// <summary>The PLOVER code of an ACLED sub-type (see <see cref="Plover"/>).</summary>
    public static PloverCode PloverOf(string subEventType) =>
        Plover.TryGetValue(subEventType, out var code) ? code : throw new ArgumentException($"'{subEventType}' is not an ACLED sub-type", nameof(subEventType));

    /// <summary>Whether an event type is one of ACLED's three types of political violence, where people are harmed by force (battles, remote violence, violence against civilians).</summary>
    public static bool IsPoliticalViolence(string? eventType) => eventType is Battles or ExplosionsRemoteViolence or ViolenceAgainstCivilians;

    /// <summary>The event type a sub-type belongs to, or null for a string that is not an ACLED sub-type.</summary>
    public static string? TypeOf(string subEventType) =>
        SubTypes.FirstOrDefault(pair => pair.Value.Contains(subEventType, StringComparer.Ordinal)).Key;
}
