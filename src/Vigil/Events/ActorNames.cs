using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>
/// An actor's name as ACLED's actor columns write it ("Military Forces of Pakistan", "Civilians (Nigeria)",
/// "Unidentified Armed Group (Mexico)"), so that exports and comparisons meet the datasets analysts already use. A named
/// group keeps its name. A descriptor takes the form its line of <c>actors.tsv</c> gives ("Military Forces of
/// {country}"), filled with the country its own words name ("Pakistani forces", "a Russian strike") or else, since
/// forces, police and civilians are most often the incident's own country's, the country where it happened. A form
/// whose country is unknown, or a descriptor with no form, leaves the words as written.
/// </summary>
public static partial class ActorNames
{
    internal const string CountrySlot = "{country}";

    // ACLED's own names for the sides of an event that reports leave unnamed: a protest's people are its protesters, a
    // riot's its rioters, violence by no named hand is an unidentified armed group's, and violence against civilians is
    // against civilians.
    private const string Protesters = "Protesters ({country})";
    private const string Rioters = "Rioters ({country})";
    private const string UnknownArmedGroup = "Unidentified Armed Group ({country})";
    private const string Civilians = "Civilians ({country})";
    internal const string MilitaryForces = "Military Forces of {country}";

    /// <summary>
    /// ACLED's actor1 and actor2 of an event, with their actor types (ACLED's inter codes). In violence, actor1 is who
    /// acted and actor2 who was acted on. In protests and riots, actor1 is always the crowd, and actor2 the force that
    /// met it ("Police fired tear gas at protesters": Protesters, then Police Forces).
    /// </summary>
    /// <remarks>
    /// <paramref name="peopleHarmed"/>: the event counts dead or hurt, or names victims. Remote violence that harmed people
    /// the text names no side for ("Israeli airstrikes kill 78 Palestinians", "a missile strike on a cargo ship kills four
    /// crew members") was against civilians: an armed unit hit would be named as one ("killing five soldiers").
    /// </remarks>
    public static AcledSides Sides(string eventType, IReadOnlyList<Actor> perpetrators, IReadOnlyList<Actor> targets, string? incidentCountry, bool peopleHarmed = false)
    {
        var country = Countries.ByCode(incidentCountry);
        (string?, ActorKind?) Form(string form, ActorKind kind) => country is null ? (null, null) : (Fill(form, country), kind);
        (string?, ActorKind?) Side(Actor? actor) => (Acled(actor, incidentCountry), actor?.Kind);
        var first = perpetrators.FirstOrDefault();
        // ACLED codes no civilian as the side that used violence: one described only as a civilian who attacked ("a
        // Palestinian man", "an IT worker") is an unidentified armed actor, of the country the description names.
        (string?, ActorKind?) Acting(Actor? actor) => actor switch
        {
            null => Form(UnknownArmedGroup, ActorKind.PoliticalMilitia),
            _ when (actor.Kind ?? DescriptorOf(actor.Name)?.Kind) == ActorKind.Civilians =>
                (NamedCountry(actor.Name) ?? country) is { } named ? (Fill(UnknownArmedGroup, named), ActorKind.PoliticalMilitia) : (null, null),
            _ => Side(actor),
        };
        var force = perpetrators.Concat(targets).FirstOrDefault(a => a.Kind is not (null or ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters));
        var ((actor1, inter1), (actor2, inter2)) = eventType switch
        {
            EventTaxonomy.Protests => (Form(Protesters, ActorKind.Protesters), Side(force)),
            EventTaxonomy.Riots => (first?.Group is not null ? Side(first) : Form(Rioters, ActorKind.Rioters), Side(force ?? targets.FirstOrDefault())),
            EventTaxonomy.ViolenceAgainstCivilians => (Acting(first),
                targets.Count == 0 ? Form(Civilians, ActorKind.Civilians) : Side(targets[0])),
            EventTaxonomy.ExplosionsRemoteViolence when targets.Count == 0 && peopleHarmed => (Acting(first), Form(Civilians, ActorKind.Civilians)),
            EventTaxonomy.Battles or EventTaxonomy.ExplosionsRemoteViolence => (Acting(first), Side(targets.FirstOrDefault())),
            _ => (Side(first), Side(targets.FirstOrDefault())),
        };
        return new AcledSides(actor1, inter1, actor2, inter2);
    }

    /// <summary>Whether an event counts dead or hurt, or names victims: the <c>peopleHarmed</c> of <see cref="Sides"/>.</summary>
    public static bool PeopleHarmed(CasualtyCount? killed, CasualtyCount? injured, IReadOnlyList<Victim> victims) =>
        killed?.Best > 0 || injured?.Best > 0 || victims.Count > 0;

    /// <summary>One actor as ACLED names it (see the class); null for no actor.</summary>
    public static string? Acled(Actor? actor, string? incidentCountry)
    {
        if (actor is null)
        {
            return null;
        }

        // ACLED names a state's army by its state, whatever the army calls itself ("Israel Defense Forces", "FARDC").
        if (actor.Group is not null)
        {
            return actor.Kind is ActorKind.StateForces && (NamedCountry(actor.Group) ?? Countries.ByCode(incidentCountry)) is { } state
                ? Fill(MilitaryForces, state)
                : actor.Group;
        }

        var form = DescriptorOf(actor.Name)?.Name;
        if (form is null || !form.Contains(CountrySlot, StringComparison.Ordinal))
        {
            return actor.Name;
        }

        var country = NamedCountry(actor.Name) ?? Countries.ByCode(incidentCountry);
        return country is null ? actor.Name : Fill(form, country);
    }

    /// <summary>A form ("Military Forces of {country}") with its country filled in.</summary>
    internal static string Fill(string form, Country country) => form.Replace(CountrySlot, Named(country, form), StringComparison.Ordinal);

    /// <summary>
    /// The country's name in the form: after "of", English gives the article to plural and compound state names
    /// ("Military Forces of the United States", "of the Philippines"); in brackets ACLED writes the bare name.
    /// </summary>
    private static string Named(Country country, string form) =>
        form.Contains("of " + CountrySlot, StringComparison.Ordinal) && TakesTheArticle().IsMatch(country.AcledName) ? "the " + country.AcledName : country.AcledName;

    [GeneratedRegex(@"^(?:United\s|Democratic\s+Republic|Central\s+African|Czech|Dominican|Philippines|Netherlands|Gambia|Bahamas|Maldives|Comoros|Seychelles)|\sIslands$", RegexOptions.CultureInvariant)]
    private static partial Regex TakesTheArticle();

    /// <summary>
    /// The country an actor's own words name: a demonym ("Pakistani forces", "Israeli Air Force") or a country ("U.S.
    /// troops", "South Sudan People's Defence Forces"), the longest phrase first.
    /// </summary>
    private static Country? NamedCountry(string words)
    {
        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Possessive().Replace(w, string.Empty)).ToArray();
        for (var length = Math.Min(3, parts.Length); length >= 1; length--)
        {
            for (var start = 0; start + length <= parts.Length; start++)
            {
                var phrase = string.Join(' ', parts, start, length);
                if (char.IsUpper(phrase[0]) && CountryNamedBy(phrase) is { } country)
                {
                    return country;
                }
            }
        }

        return null;
    }

    /// <summary>The country a phrase names as its demonym or its name, with or without the dots of an abbreviation ("Pakistani", "U.S.").</summary>
    internal static Country? CountryNamedBy(string phrase) =>
        Countries.FromAdjective(phrase) ?? Countries.FromName(phrase) ?? Countries.FromName(phrase.Replace(".", string.Empty, StringComparison.Ordinal));

    /// <summary>The descriptor line of <c>actors.tsv</c> whose words an actor's name matches, if any.</summary>
    private static ActorEntry? DescriptorOf(string name) => ActorLexicon.Entries.FirstOrDefault(e => !e.Named && e.Pattern.IsMatch(name));

    [GeneratedRegex(@"(?:'s|’s|'|’)$", RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();
}

/// <summary>An event's two sides as ACLED's columns give them: actor1 and actor2, and their actor types (inter1, inter2).</summary>
public sealed record AcledSides(string? Actor1, ActorKind? Inter1, string? Actor2, ActorKind? Inter2);
