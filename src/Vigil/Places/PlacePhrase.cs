using System.Text.RegularExpressions;

namespace Vigil.Places;

/// <summary>Reads the words before a mention ("in the village of", "Idlib province's") for what kind of place follows.</summary>
public static partial class PlacePhrase
{
    [GeneratedRegex(@"\b(?:city|town|village|hamlet|settlement|camp|neighbou?rhood|suburb|outskirts|capital|port|locality|area)\s+(?:of\s+)?(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SettlementBefore();

    [GeneratedRegex(@"\b(?:province|governorate|state|region|oblast|prefecture|department|wilaya)\s+of\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Admin1Before();

    [GeneratedRegex(@"\b(?:district|sub-?district|county|municipality|raion|rayon)\s+of\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Admin2Before();

    /// <summary>The kind of place the phrase before a mention announces, or <see cref="PlaceKindHint.None"/>.</summary>
    public static PlaceKindHint HintBefore(string? phraseBefore)
    {
        if (string.IsNullOrWhiteSpace(phraseBefore))
        {
            return PlaceKindHint.None;
        }

        return SettlementBefore().IsMatch(phraseBefore) ? PlaceKindHint.Settlement
            : Admin1Before().IsMatch(phraseBefore) ? PlaceKindHint.Admin1
            : Admin2Before().IsMatch(phraseBefore) ? PlaceKindHint.Admin2
            : PlaceKindHint.None;
    }
}
