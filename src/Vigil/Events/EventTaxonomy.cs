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

    /// <summary>The event type a sub-type belongs to, or null for a string that is not an ACLED sub-type.</summary>
    public static string? TypeOf(string subEventType) =>
        SubTypes.FirstOrDefault(pair => pair.Value.Contains(subEventType, StringComparer.Ordinal)).Key;
}
