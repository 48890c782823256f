using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>
/// Country names and the adjectives formed from them, with their ISO 3166-1 alpha-2 codes, so that an event can name
/// its country when the text does ("in neighbouring Iraq", "Somali police") even without a gazetteer. Hand-kept
/// because the runtime runs with invariant globalization (no RegionInfo names) and the table is small.
/// </summary>
public static partial class Countries
{
    /// <summary>(names, adjectives, code). The first name is the display name.</summary>
    private static readonly (string[] Names, string[] Adjectives, string Code)[] Table =
    [
        (["Afghanistan"], ["Afghan"], "AF"), (["Albania"], ["Albanian"], "AL"), (["Algeria"], ["Algerian"], "DZ"),
        (["Angola"], ["Angolan"], "AO"), (["Argentina"], ["Argentine", "Argentinian"], "AR"), (["Armenia"], ["Armenian"], "AM"),
        (["Australia"], ["Australian"], "AU"), (["Austria"], ["Austrian"], "AT"), (["Azerbaijan"], ["Azerbaijani", "Azeri"], "AZ"),
        (["Bahrain"], ["Bahraini"], "BH"), (["Bangladesh"], ["Bangladeshi"], "BD"), (["Belarus"], ["Belarusian"], "BY"),
        (["Belgium"], ["Belgian"], "BE"), (["Benin"], ["Beninese"], "BJ"), (["Bolivia"], ["Bolivian"], "BO"),
        (["Bosnia and Herzegovina", "Bosnia"], ["Bosnian"], "BA"), (["Brazil"], ["Brazilian"], "BR"), (["Bulgaria"], ["Bulgarian"], "BG"),
        (["Burkina Faso"], ["Burkinabe"], "BF"), (["Burundi"], ["Burundian"], "BI"), (["Cambodia"], ["Cambodian"], "KH"),
        (["Cameroon"], ["Cameroonian"], "CM"), (["Canada"], ["Canadian"], "CA"), (["Central African Republic"], ["Central African"], "CF"),
        (["Chad"], ["Chadian"], "TD"), (["Chile"], ["Chilean"], "CL"), (["China"], ["Chinese"], "CN"), (["Colombia"], ["Colombian"], "CO"),
        (["Democratic Republic of Congo", "Democratic Republic of the Congo", "DR Congo", "DRC"], ["Congolese"], "CD"),
        (["Republic of Congo", "Congo-Brazzaville"], [], "CG"), (["Costa Rica"], ["Costa Rican"], "CR"), (["Croatia"], ["Croatian"], "HR"),
        (["Cuba"], ["Cuban"], "CU"), (["Cyprus"], ["Cypriot"], "CY"), (["Czech Republic", "Czechia"], ["Czech"], "CZ"),
        (["Denmark"], ["Danish"], "DK"), (["Djibouti"], ["Djiboutian"], "DJ"), (["Dominican Republic"], ["Dominican"], "DO"),
        (["Ecuador"], ["Ecuadorian"], "EC"), (["Egypt"], ["Egyptian"], "EG"), (["El Salvador"], ["Salvadoran"], "SV"),
        (["Eritrea"], ["Eritrean"], "ER"), (["Estonia"], ["Estonian"], "EE"), (["Eswatini", "Swaziland"], [], "SZ"),
        (["Ethiopia"], ["Ethiopian"], "ET"), (["Finland"], ["Finnish"], "FI"), (["France"], ["French"], "FR"),
        (["Gabon"], ["Gabonese"], "GA"), (["Gambia"], ["Gambian"], "GM"), (["Georgia"], ["Georgian"], "GE"),
        (["Germany"], ["German"], "DE"), (["Ghana"], ["Ghanaian"], "GH"), (["Greece"], ["Greek"], "GR"),
        (["Guatemala"], ["Guatemalan"], "GT"), (["Guinea"], ["Guinean"], "GN"), (["Guinea-Bissau"], [], "GW"), (["Haiti"], ["Haitian"], "HT"),
        (["Honduras"], ["Honduran"], "HN"), (["Hungary"], ["Hungarian"], "HU"), (["India"], ["Indian"], "IN"),
        (["Indonesia"], ["Indonesian"], "ID"), (["Iran"], ["Iranian"], "IR"), (["Iraq"], ["Iraqi"], "IQ"), (["Ireland"], ["Irish"], "IE"),
        (["Israel"], ["Israeli"], "IL"), (["Italy"], ["Italian"], "IT"), (["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"], ["Ivorian"], "CI"),
        (["Jamaica"], ["Jamaican"], "JM"), (["Japan"], ["Japanese"], "JP"), (["Jordan"], ["Jordanian"], "JO"),
        (["Kazakhstan"], ["Kazakh"], "KZ"), (["Kenya"], ["Kenyan"], "KE"), (["Kosovo"], ["Kosovar"], "XK"), (["Kuwait"], ["Kuwaiti"], "KW"),
        (["Kyrgyzstan"], ["Kyrgyz"], "KG"), (["Laos"], ["Lao", "Laotian"], "LA"), (["Latvia"], ["Latvian"], "LV"),
        (["Lebanon"], ["Lebanese"], "LB"), (["Lesotho"], [], "LS"), (["Liberia"], ["Liberian"], "LR"), (["Libya"], ["Libyan"], "LY"),
        (["Lithuania"], ["Lithuanian"], "LT"), (["Madagascar"], ["Malagasy"], "MG"), (["Malawi"], ["Malawian"], "MW"),
        (["Malaysia"], ["Malaysian"], "MY"), (["Mali"], ["Malian"], "ML"), (["Mauritania"], ["Mauritanian"], "MR"),
        (["Mexico"], ["Mexican"], "MX"), (["Moldova"], ["Moldovan"], "MD"), (["Mongolia"], ["Mongolian"], "MN"),
        (["Montenegro"], ["Montenegrin"], "ME"), (["Morocco"], ["Moroccan"], "MA"), (["Mozambique"], ["Mozambican"], "MZ"),
        (["Myanmar", "Burma"], ["Burmese"], "MM"), (["Namibia"], ["Namibian"], "NA"), (["Nepal"], ["Nepali", "Nepalese"], "NP"),
        (["Netherlands"], ["Dutch"], "NL"), (["Nicaragua"], ["Nicaraguan"], "NI"), (["Niger"], ["Nigerien"], "NE"),
        (["Nigeria"], ["Nigerian"], "NG"), (["North Korea"], ["North Korean"], "KP"), (["North Macedonia", "Macedonia"], ["Macedonian"], "MK"),
        (["Norway"], ["Norwegian"], "NO"), (["Oman"], ["Omani"], "OM"), (["Pakistan"], ["Pakistani"], "PK"),
        (["Palestine", "Gaza Strip", "West Bank", "Gaza"], ["Palestinian"], "PS"), (["Panama"], ["Panamanian"], "PA"),
        (["Papua New Guinea"], [], "PG"), (["Paraguay"], ["Paraguayan"], "PY"), (["Peru"], ["Peruvian"], "PE"),
        (["Philippines"], ["Philippine", "Filipino"], "PH"), (["Poland"], ["Polish"], "PL"), (["Portugal"], ["Portuguese"], "PT"),
        (["Qatar"], ["Qatari"], "QA"), (["Romania"], ["Romanian"], "RO"), (["Russia"], ["Russian"], "RU"), (["Rwanda"], ["Rwandan"], "RW"),
        (["Saudi Arabia"], ["Saudi"], "SA"), (["Senegal"], ["Senegalese"], "SN"), (["Serbia"], ["Serbian"], "RS"),
        (["Sierra Leone"], ["Sierra Leonean"], "SL"), (["Slovakia"], ["Slovak"], "SK"), (["Slovenia"], ["Slovenian"], "SI"),
        (["Somalia", "Somaliland"], ["Somali"], "SO"), (["South Africa"], ["South African"], "ZA"), (["South Korea"], ["South Korean"], "KR"),
        (["South Sudan"], ["South Sudanese"], "SS"), (["Spain"], ["Spanish"], "ES"), (["Sri Lanka"], ["Sri Lankan"], "LK"),
        (["Sudan"], ["Sudanese"], "SD"), (["Sweden"], ["Swedish"], "SE"), (["Switzerland"], ["Swiss"], "CH"),
        (["Syria"], ["Syrian"], "SY"), (["Taiwan"], ["Taiwanese"], "TW"), (["Tajikistan"], ["Tajik"], "TJ"),
        (["Tanzania"], ["Tanzanian"], "TZ"), (["Thailand"], ["Thai"], "TH"), (["Togo"], ["Togolese"], "TG"),
        (["Tunisia"], ["Tunisian"], "TN"), (["Turkey", "Türkiye"], ["Turkish"], "TR"), (["Turkmenistan"], ["Turkmen"], "TM"),
        (["Uganda"], ["Ugandan"], "UG"), (["Ukraine"], ["Ukrainian"], "UA"), (["United Arab Emirates", "UAE"], ["Emirati"], "AE"),
        (["United Kingdom", "Britain", "UK"], ["British"], "GB"), (["United States", "USA", "US", "America"], ["American"], "US"),
        (["Uruguay"], ["Uruguayan"], "UY"), (["Uzbekistan"], ["Uzbek"], "UZ"), (["Venezuela"], ["Venezuelan"], "VE"),
        (["Vietnam"], ["Vietnamese"], "VN"), (["Yemen"], ["Yemeni"], "YE"), (["Zambia"], ["Zambian"], "ZM"), (["Zimbabwe"], ["Zimbabwean"], "ZW"),
        (["Guyana"], ["Guyanese"], "GY"), (["Suriname"], ["Surinamese"], "SR"), (["Belize"], ["Belizean"], "BZ"),
        (["Puerto Rico"], ["Puerto Rican"], "PR"), (["Curaçao", "Curacao"], [], "CW"), (["Trinidad and Tobago", "Trinidad"], ["Trinidadian"], "TT"),
        (["Bahamas"], ["Bahamian"], "BS"), (["Barbados"], ["Barbadian"], "BB"), (["Bhutan"], ["Bhutanese"], "BT"),
        (["Brunei"], [], "BN"), (["Singapore"], ["Singaporean"], "SG"), (["Timor-Leste", "East Timor"], ["Timorese"], "TL"),
        (["New Zealand"], [], "NZ"), (["Fiji"], ["Fijian"], "FJ"), (["Iceland"], ["Icelandic"], "IS"), (["Luxembourg"], [], "LU"),
        (["Malta"], ["Maltese"], "MT"), (["Maldives"], ["Maldivian"], "MV"), (["Mauritius"], ["Mauritian"], "MU"),
        (["Comoros"], ["Comorian"], "KM"), (["Cape Verde", "Cabo Verde"], ["Cape Verdean"], "CV"), (["Equatorial Guinea"], ["Equatoguinean"], "GQ"),
        (["Western Sahara"], ["Sahrawi"], "EH"), (["Hong Kong"], [], "HK"),
    ];

    private static readonly Dictionary<string, (string Code, string Name)> ByName = Build(adjectives: false);

    private static readonly Dictionary<string, (string Code, string Name)> ByAdjective = Build(adjectives: true);

    private static Dictionary<string, (string Code, string Name)> Build(bool adjectives)
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (names, adjectiveList, code) in Table)
        {
            foreach (var word in adjectives ? adjectiveList : names)
            {
                map[word] = (code, names[0]);
            }
        }

        return map;
    }

    /// <summary>The countries a text names or qualifies ("Iraq", "Somali police"), in order of first mention.</summary>
    public static IEnumerable<string> Mentioned(string text) => Mentions(text).Select(mention => mention.Code);

    /// <summary>Every country a text names or qualifies, with where, and whether as an adjective or as something foreign to the place.</summary>
    public static IEnumerable<CountryMention> Mentions(string text)
    {
        foreach (Match match in CapitalisedRun().Matches(text))
        {
            var words = new List<(string Word, int Start, int End)>();
            foreach (Match word in Regex.Matches(match.Value, @"\S+"))
            {
                var cleaned = word.Value.TrimEnd('\'', '’').Replace("’s", string.Empty, StringComparison.Ordinal).Replace("'s", string.Empty, StringComparison.Ordinal);
                words.Add((cleaned, match.Index + word.Index, match.Index + word.Index + word.Length));
            }

            for (var start = 0; start < words.Count; start++)
            {
                for (var end = words.Count; end > start; end--)
                {
                    var phrase = string.Join(' ', words.Skip(start).Take(end - start).Select(w => w.Word));
                    // All-capital names ("US", "UK", "DRC") must match exactly; others may differ in case only after a capital.
                    var isName = ByName.TryGetValue(phrase, out var byName) && (phrase.Any(char.IsLower) || ByName.Keys.Contains(phrase, StringComparer.Ordinal));
                    var found = isName ? byName : ByAdjective.TryGetValue(phrase, out var byAdjective) ? byAdjective : default;
                    if (found.Code is not null)
                    {
                        var spanStart = words[start].Start;
                        var spanEnd = words[end - 1].End;
                        var following = text.AsSpan(spanEnd, Math.Min(24, text.Length - spanEnd)).ToString();
                        yield return new CountryMention(found.Code, spanStart, spanEnd - spanStart, !isName, ForeignReference().IsMatch(following));
                        start = end - 1;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// What makes a country's name say nothing about where something happened: "Saudi-led", "Iranian-backed", "US
    /// dollar", "Indian nationals", "the Turkish embassy".
    /// </summary>
    [GeneratedRegex(@"^(?:-(?:led|backed|based|born|made|trained|supplied|funded|brokered|owned|sponsored|allied|aligned)\b|\s+(?:dollars?|currency|embassy|consulate|nationals|citizens|mercenaries|envoy|ambassador)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForeignReference();

    [GeneratedRegex(@"(?<![\w-])[A-Z][\w'’]*(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w'’]*){0,4}", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedRun();

    /// <summary>The country a name denotes ("Iraq"), or null.</summary>
    public static (string Code, string Name)? FromName(string name) =>
        ByName.TryGetValue(name.Trim(), out var found) ? found : null;

    /// <summary>The country an adjective refers to ("Iraqi"), or null.</summary>
    public static (string Code, string Name)? FromAdjective(string word) =>
        ByAdjective.TryGetValue(word.Trim(), out var found) ? found : null;

    public static string? NameOf(string code) => Table.FirstOrDefault(row => row.Code == code).Names?[0];
}

/// <summary>A country named ("Iraq") or qualified ("Iraqi") in a text.</summary>
/// <param name="IsForeignReference">The name qualifies something foreign to the place ("Saudi-led", "US dollar", "Indian nationals").</param>
public readonly record struct CountryMention(string Code, int Start, int Length, bool IsAdjective, bool IsForeignReference);
