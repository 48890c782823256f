using System.Text.Json.Serialization;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>How exact an event date is; ACLED's time_precision is 1 (day), 2 (week or a few days), 3 (month or vaguer).</summary>
public enum DatePrecision
{
    [JsonStringEnumMemberName("day")]
    Day = 1,
    [JsonStringEnumMemberName("week")]
    Week = 2,
    [JsonStringEnumMemberName("month")]
    Month = 3,
    [JsonStringEnumMemberName("year")]
    Year = 4,

    /// <summary>
    /// The text gives no date, and the date is the report's: the incident happened on that day or in the days before
    /// it (news tells what is new), so the date means the week that ends on the report's day.
    /// </summary>
    [JsonStringEnumMemberName("reported")]
    Reported = 5,
}

/// <summary>A date that carries its precision: 2020-05-01 at month precision means "some day in May 2020".</summary>
public sealed record EventDate(DateOnly Value, DatePrecision Precision)
{
    /// <summary>The first day the date may mean: a report's date may be up to six days after the incident.</summary>
    public DateOnly FirstDay => Precision == DatePrecision.Reported ? Value.AddDays(-6) : Value;

    /// <summary>The last day the date may mean: "May 2020" may be the 31st.</summary>
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Day or DatePrecision.Reported => Value,
        DatePrecision.Week => Value.AddDays(6),
        DatePrecision.Month => new DateOnly(Value.Year, Value.Month, 1).AddMonths(1).AddDays(-1),
        _ => new DateOnly(Value.Year, 12, 31),
    };
}

/// <summary>Where an event happened. <see cref="Country"/> is ISO 3166-1 alpha-2; coordinates are null when unresolved.</summary>
public sealed record EventLocation(string Name, double? Latitude, double? Longitude, string? Country, string? Admin1, PlacePrecision? Precision)
{
    /// <summary>
    /// The other readings of the place name, best first, when the gazetteer has several (name, coordinates, admin1,
    /// precision and score each), so that a reviewer can pick one; null when the name had one reading.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PlaceReading>? RunnersUp { get; init; }

    public static EventLocation From(ResolvedPlace place) =>
        new(place.Name, place.Latitude, place.Longitude, place.CountryCode, place.Admin1, place.Precision)
        {
            RunnersUp = place.RunnersUp.Count > 0 ? place.RunnersUp : null,
        };

    public bool Equals(EventLocation? other) =>
        other is not null && (Name, Latitude, Longitude, Country, Admin1, Precision) == (other.Name, other.Latitude, other.Longitude, other.Country, other.Admin1, other.Precision)
        && (RunnersUp ?? []).SequenceEqual(other.RunnersUp ?? []);

    public override int GetHashCode() => HashCode.Combine(Name, Latitude, Longitude, Country, Admin1, Precision);
}

/// <summary>ACLED's actor types; the number is ACLED's inter code.</summary>
public enum ActorKind
{
    [JsonStringEnumMemberName("state forces")]
    StateForces = 1,
    [JsonStringEnumMemberName("rebel group")]
    RebelGroup = 2,
    [JsonStringEnumMemberName("political militia")]
    PoliticalMilitia = 3,
    [JsonStringEnumMemberName("identity militia")]
    IdentityMilitia = 4,
    [JsonStringEnumMemberName("rioters")]
    Rioters = 5,
    [JsonStringEnumMemberName("protesters")]
    Protesters = 6,
    [JsonStringEnumMemberName("civilians")]
    Civilians = 7,
    [JsonStringEnumMemberName("external forces")]
    ExternalForces = 8,
}

public sealed record Actor(string Name, ActorKind? Kind, string? Group)
{
    /// <summary>An individual actor's age, when the text gives it ("25-year-old militant Omar Bakri al-Hassan").</summary>
    public int? Age { get; init; }
}

public enum Gender
{
    [JsonStringEnumMemberName("female")]
    Female,
    [JsonStringEnumMemberName("male")]
    Male,
}

public enum VictimOutcome
{
    [JsonStringEnumMemberName("killed")]
    Killed,
    [JsonStringEnumMemberName("injured")]
    Injured,
    [JsonStringEnumMemberName("abducted")]
    Abducted,
    [JsonStringEnumMemberName("arrested")]
    Arrested,
}

/// <summary>
/// One person the text names or describes as harmed. <see cref="Relation"/> is a kinship or role word ("mother") and
/// <see cref="RelativeOf"/> the person it is relative to ("Omar Bakri al-Hassan"), when the text makes it clear.
/// </summary>
public sealed record Victim(string? Name, int? Age, Gender? Gender, string? Relation, string? RelativeOf, VictimOutcome Outcome);

/// <summary>A count as reports give it: "at least 12" is low 12, best 12, high null; "dozens" is low 24, best 36, high 99.</summary>
public sealed record CasualtyCount(int Low, int Best, int? High);

public enum SourceKind
{
    [JsonStringEnumMemberName("activist group")]
    ActivistGroup,
    [JsonStringEnumMemberName("monitor")]
    Monitor,
    [JsonStringEnumMemberName("government")]
    Government,
    [JsonStringEnumMemberName("military")]
    Military,
    [JsonStringEnumMemberName("media")]
    Media,
    [JsonStringEnumMemberName("witness")]
    Witness,
    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>Who says so: "the Observatory said", "according to police", "X reported". Hedged for "reportedly", "claimed".</summary>
public sealed record SourceClaim(string Name, SourceKind Kind, string Verb, bool Hedged);

/// <summary>PLOVER's event type and mode, e.g. ASSAULT/aerial.</summary>
public sealed record PloverCode(string Type, string? Mode);

/// <summary>The words that support one field: <see cref="Field"/> is a path such as "killed", "victims[0].age".</summary>
public sealed record FieldEvidence(string Field, int Start, int End, string Text)
{
    /// <summary>The evidence for a field: the words of <paramref name="text"/> at [start, start + length).</summary>
    public static FieldEvidence Of(string field, int start, int length, string text) => new(field, start, start + length, text.Substring(start, length));
}

/// <summary>
/// One incident an article reports, coded as an analyst would: what happened, to whom, by whom, where, when, how many
/// were hurt, with what, why, and who says so. Unknown fields are null; every filled field has evidence.
/// </summary>
public sealed record ConflictEvent(
    string EventType,
    string SubEventType,
    PloverCode? Plover,
    EventDate? Date,
    EventLocation? Location,
    IReadOnlyList<Actor> Perpetrators,
    IReadOnlyList<Actor> Targets,
    IReadOnlyList<Victim> Victims,
    CasualtyCount? Killed,
    CasualtyCount? Injured,
    string? Weapon,
    string? Reason,
    IReadOnlyList<SourceClaim> Sources,
    double Confidence,
    IReadOnlyList<FieldEvidence> Evidence)
{
    /// <summary>What coded this event: the event model's and the cue lexicon's versions ("events-1a2b3c4d5e+lexicon-9f8e7d6c5b"), stored with each claim.</summary>
    public string? Coder { get; init; }

    /// <summary>ACLED's actor1: who acted, or a protest's or riot's crowd ("Military Forces of Russia", "Protesters (Kenya)"), see <see cref="ActorNames"/>.</summary>
    public string? Actor1 => Sides.Actor1;

    /// <summary>ACLED's actor2: who was acted on, or the force that met a crowd ("Civilians (Ukraine)", "Police Forces of Kenya").</summary>
    public string? Actor2 => Sides.Actor2;

    // Not serialized: the event's JSON gives the two names above.
    private AcledSides Sides => ActorNames.Sides(EventType, Perpetrators, Targets, Location?.Country, ActorNames.PeopleHarmed(Killed, Injured, Victims));
}
