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

    // ACLED's own names for the side of an event that reports leave unnamed: a protest's people are its protesters, a
    // riot's its rioters, and violence by no named hand is an unidentified armed group's.
    private const string Protesters = "Protesters ({country})";
    private const string Rioters = "Rioters ({country})";
    private const string UnknownArmedGroup = "Unidentified Armed Group ({country})";
    private const string MilitaryForces = "Military Forces of {country}";

    /// <summary>ACLED's actor1 of an event: its first perpetrator, or the side that ACLED names for the event's type.</summary>
    public static string? Actor1(string eventType, IReadOnlyList<Actor> perpetrators, string? incidentCountry)
    {
        var first = perpetrators.FirstOrDefault();
        var crowd = first is null || first.Kind is ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters;
        var form = eventType switch
        {
            EventTaxonomy.Protests when crowd => Protesters,
            EventTaxonomy.Riots when crowd && first?.Kind is not ActorKind.Rioters => Rioters,
            EventTaxonomy.Battles or EventTaxonomy.ExplosionsRemoteViolence or EventTaxonomy.ViolenceAgainstCivilians when first is null => UnknownArmedGroup,
            _ => null,
        };
        return form is not null && Countries.ByCode(incidentCountry) is { } country
            ? Fill(form, country)
            : Acled(first, incidentCountry);
    }

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

        var form = ActorLexicon.Entries.FirstOrDefault(e => !e.Named && e.Pattern.IsMatch(actor.Name))?.Name;
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
                if (char.IsUpper(phrase[0]) && (Countries.FromAdjective(phrase) ?? Countries.FromName(phrase) ?? Countries.FromName(phrase.Replace(".", string.Empty, StringComparison.Ordinal))) is { } country)
                {
                    return country;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:'s|’s|'|’)$", RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();
}
