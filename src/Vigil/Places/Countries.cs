using System.Globalization;
using System.IO.Hashing;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Places;

/// <summary>One row of the country table (<c>data/countries/countries.tsv</c>).</summary>
/// <param name="Code">ISO 3166-1 alpha-2 ("CD").</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 ("COD").</param>
/// <param name="Name">The everyday English display name ("Democratic Republic of Congo").</param>
/// <param name="Names">Names that mean the country in running English text, the display name first ("DRC").</param>
/// <param name="Demonyms">Adjectives and nationalities ("Congolese"), each listed under one country only.</param>
/// <param name="AcledName">The name ACLED's <c>country</c> column uses.</param>
/// <param name="UcdpName">The name UCDP GED's <c>country</c> column uses; null where the Gleditsch-Ward list has no state.</param>
/// <param name="GwNumber">The Gleditsch-Ward state number, UCDP's <c>country_id</c>.</param>
/// <param name="UcdpRegion">UCDP's region (Africa, Americas, Asia, Europe, Middle East).</param>
/// <param name="InText">Whether a bare name in running text is taken for the country (not so for "Jersey").</param>
/// <param name="OtherNames">Official and native-language names, which the gazetteer keys but running text is not searched for.</param>
/// <param name="Capital">The capital's name as the gazetteer holds it ("Mogadishu"), so that "the Somali capital" is a city; null where none is listed.</param>
public sealed record Country(
    string Code, string Iso3, string? IsoNumeric, string Name, IReadOnlyList<string> Names, IReadOnlyList<string> Demonyms,
    string AcledName, string? UcdpName, int? GwNumber, string? UcdpRegion, bool InText, double Latitude, double Longitude,
    double? AreaKm2, IReadOnlyList<string> OtherNames, string? Capital = null);

/// <summary>
/// The one country table: ISO codes, names, demonyms, ACLED's and UCDP's names and Gleditsch-Ward numbers, read from
/// <c>data/countries/countries.tsv</c> (embedded in the library, so every front end has it). The events stage finds the
/// countries a text names or qualifies ("in neighbouring Iraq", "Somali police"), the gazetteer keys them as places, and
/// the exports write each dataset's own names.
/// </summary>
public static partial class Countries
{
    /// <summary>The table's columns, in file order.</summary>
    public static readonly string[] Columns =
    [
        "iso2", "iso3", "iso_numeric", "name", "names", "demonyms", "acled_name", "ucdp_name", "gwno", "ucdp_region", "in_text",
        "latitude", "longitude", "area_km2", "other_names", "capital",
    ];

    private const string ResourceName = "Vigil.countries.tsv";

    private static readonly Lazy<Table> Loaded = new(() =>
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the country table ({ResourceName}) is not embedded in {typeof(Countries).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        return new Table(Parse(new StringReader(text), "data/countries/countries.tsv"), Convert.ToHexString(XxHash64.Hash(Encoding.UTF8.GetBytes(text))));
    });

    private sealed class Table
    {
        public Table(IReadOnlyList<Country> rows, string fingerprint)
        {
            Rows = rows;
            Fingerprint = fingerprint;
            foreach (var row in rows)
            {
                ByCode[row.Code] = row;
                ByCode[row.Iso3] = row;
                if (!row.InText)
                {
                    continue;
                }

                foreach (var name in row.Names)
                {
                    ByName[name] = row;
                }

                foreach (var demonym in row.Demonyms)
                {
                    ByDemonym[demonym] = row;
                }
            }
        }

        public IReadOnlyList<Country> Rows { get; }

        public string Fingerprint { get; }

        public Dictionary<string, Country> ByCode { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Country> ByName { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Country> ByDemonym { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every country and territory, in file order.</summary>
    public static IReadOnlyList<Country> All => Loaded.Value.Rows;

    /// <summary>A hash of the table, for caches built from it (the gazetteer's index).</summary>
    public static string Fingerprint => Loaded.Value.Fingerprint;

    /// <summary>The country of an ISO 3166-1 alpha-2 or alpha-3 code, any case; null when unknown.</summary>
    public static Country? ByCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : Loaded.Value.ByCode.GetValueOrDefault(code.Trim());

    /// <summary>The display name of a code; null when the code is unknown.</summary>
    public static string? NameOf(string? code) => ByCode(code)?.Name;

    /// <summary>The country a name denotes in running text ("Iraq", "DRC"), or null.</summary>
    public static Country? FromName(string name) => Loaded.Value.ByName.GetValueOrDefault(name.Trim());

    /// <summary>The country an adjective refers to ("Iraqi"), or null.</summary>
    public static Country? FromAdjective(string word) => Loaded.Value.ByDemonym.GetValueOrDefault(word.Trim());

    /// <summary>
    /// Reads the table: a header line naming <see cref="Columns"/>, then one row per country; lines starting with #
    /// are comments. A malformed row, a repeated code, or a name or demonym listed under two countries is an error that
    /// names the line.
    /// </summary>
    public static IReadOnlyList<Country> Parse(TextReader reader, string source)
    {
        var rows = new List<Country>();
        var seenWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var seenCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        var header = false;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            if (!header)
            {
                if (!f.SequenceEqual(Columns))
                {
                    throw Error(source, number, $"the header must be the columns {string.Join(", ", Columns)}");
                }

                header = true;
                continue;
            }

            if (f.Length != Columns.Length)
            {
                throw Error(source, number, $"{f.Length} fields, expected {Columns.Length}");
            }

            if (!Iso2().IsMatch(f[0]) || !Iso3().IsMatch(f[1]))
            {
                throw Error(source, number, $"'{f[0]}'/'{f[1]}' are not ISO 3166-1 alpha-2/alpha-3 codes");
            }

            if (!seenCodes.Add(f[0]) || !seenCodes.Add(f[1]))
            {
                throw Error(source, number, $"the code {f[0]} or {f[1]} is listed twice");
            }

            var names = List(f[4]);
            if (names.Count == 0 || names[0] != f[3])
            {
                throw Error(source, number, "the names column must start with the display name");
            }

            var inText = f[10] switch
            {
                "yes" => true,
                "no" => false,
                _ => throw Error(source, number, $"in_text is '{f[10]}', expected yes or no"),
            };
            var demonyms = List(f[5]);
            if (inText)
            {
                foreach (var word in names.Concat(demonyms))
                {
                    if (seenWords.TryGetValue(word, out var other) && other != f[0])
                    {
                        throw Error(source, number, $"'{word}' is also listed under {other}: a word of running text may mean one country only");
                    }

                    seenWords[word] = f[0];
                }
            }

            rows.Add(new Country(
                f[0], f[1], Empty(f[2]), f[3], names, demonyms, f[6].Length > 0 ? f[6] : f[3], Empty(f[7]),
                f[8].Length > 0 ? Integer(f[8], source, number) : null, Empty(f[9]), inText,
                Real(f[11], source, number) ?? throw Error(source, number, "latitude is empty"),
                Real(f[12], source, number) ?? throw Error(source, number, "longitude is empty"), Real(f[13], source, number), List(f[14]), Empty(f[15])));
        }

        return header ? rows : throw Error(source, number, "no header line");
    }

    private static string? Empty(string field) => field.Length == 0 ? null : field;

    private static List<string> List(string field) => [.. field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int Integer(string field, string source, int line) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Error(source, line, $"'{field}' is not a whole number");

    private static double? Real(string field, string source, int line) =>
        field.Length == 0 ? null
        : double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Error(source, line, $"'{field}' is not a number");

    private static FormatException Error(string source, int line, string reason) => new($"{source}:{line}: {reason}");

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso2();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso3();

    /// <summary>The countries a text names or qualifies ("Iraq", "Somali police"), in order of first mention.</summary>
    public static IEnumerable<string> Mentioned(string text) => Mentions(text).Select(mention => mention.Code);

    /// <summary>Every country a text names or qualifies, with where, and whether as an adjective or as something foreign to the place.</summary>
    public static IEnumerable<CountryMention> Mentions(string text)
    {
        var table = Loaded.Value;
        foreach (Match match in CapitalisedRun().Matches(text))
        {
            var words = new List<(string Word, int Start, int End)>();
            foreach (Match word in Word().Matches(match.Value))
            {
                var cleaned = word.Value.TrimEnd('\'', '’').Replace("’s", string.Empty, StringComparison.Ordinal).Replace("'s", string.Empty, StringComparison.Ordinal);
                // News style writes initialisms with stops ("the U.S.", "U.K.", "U.A.E."): the table keys them without.
                if (DottedInitialism().IsMatch(cleaned))
                {
                    cleaned = cleaned.Replace(".", string.Empty, StringComparison.Ordinal);
                }

                words.Add((cleaned, match.Index + word.Index, match.Index + word.Index + word.Length));
            }

            for (var start = 0; start < words.Count; start++)
            {
                for (var end = words.Count; end > start; end--)
                {
                    var phrase = string.Join(' ', words.Skip(start).Take(end - start).Select(w => w.Word));
                    // All-capital names ("US", "UK", "DRC") must match exactly; others may differ in case only after a capital.
                    var isName = table.ByName.TryGetValue(phrase, out var byName) && (phrase.Any(char.IsLower) || byName.Names.Contains(phrase, StringComparer.Ordinal));
                    var found = isName ? byName : table.ByDemonym.GetValueOrDefault(phrase);
                    // "Palestinians", "Afghans": the demonym as a plural noun names the people themselves.
                    var people = found is null && !isName && phrase.Length > 3 && phrase[^1] == 's' && table.ByDemonym.TryGetValue(phrase[..^1], out found);
                    if (found is not null)
                    {
                        var spanStart = words[start].Start;
                        var spanEnd = words[end - 1].End;
                        var following = text.AsSpan(spanEnd, Math.Min(24, text.Length - spanEnd)).ToString();
                        yield return new CountryMention(found.Code, spanStart, spanEnd - spanStart, !isName, ForeignReference().IsMatch(following)) { IsPeople = people };
                        start = end - 1;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// What makes a country's name say nothing about where something happened: "Saudi-led", "Iranian-backed", "US
    /// dollar", "Indian nationals", "the Turkish embassy", a ship's flag ("a Guinea-Bissau-flagged cargo ship": the second
    /// part of a hyphenated name may come before the suffix).
    /// </summary>
    [GeneratedRegex(@"^(?:(?:-[A-Z][\w'’]*)?-(?:led|backed|based|born|made|trained|supplied|funded|brokered|owned|sponsored|allied|aligned|flagged|registered|occupied|annexed)\b|\s+(?:dollars?|currency|embassy|consulate|nationals|citizens|mercenaries|envoy|ambassador)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForeignReference();

    [GeneratedRegex(@"(?<![\w.-])(?:(?:[A-Z]\.){2,}|[A-Z][\w'’]*)(?:\s+(?:of\s+the\s+|of\s+|and\s+)?(?:(?:[A-Z]\.){2,}|[A-Z][\w'’]*)){0,4}", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"^(?:[A-Z]\.){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedInitialism();

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

/// <summary>A country named ("Iraq") or qualified ("Iraqi") in a text.</summary>
/// <param name="IsForeignReference">The name qualifies something foreign to the place ("Saudi-led", "US dollar", "Indian nationals").</param>
public readonly record struct CountryMention(string Code, int Start, int Length, bool IsAdjective, bool IsForeignReference)
{
    /// <summary>The demonym stands as a plural noun for the people ("Palestinians", "Afghans").</summary>
    public bool IsPeople { get; init; }
}
