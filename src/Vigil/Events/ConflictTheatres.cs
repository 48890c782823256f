using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Events;

/// <summary>A named group's, mission's or term's one home country (<c>data/lexicon/en/home-countries.tsv</c>).</summary>
internal sealed record HomeCountry(string Code, Regex Pattern, string Source, string AsOf);

/// <summary>The provinces where a conflict's parties operate inside their country (<c>data/lexicon/en/theatres.tsv</c>).</summary>
internal sealed record Theatre(string Code, IReadOnlyList<string> Provinces, Regex Pattern, string Source, string AsOf);

/// <summary>
/// Where named conflict parties belong, kept as data with a source and a date for each line: their home countries
/// (a hint of the incident's country) and their theatres (the provinces a place search prefers inside that country).
/// </summary>
internal static partial class ConflictTheatres
{
    public const string HomeCountriesFile = "home-countries.tsv";
    public const string TheatresFile = "theatres.tsv";

    private static readonly Lazy<IReadOnlyList<HomeCountry>> Homes = new(() => ReadHomes(LexiconFiles.Find(HomeCountriesFile)));

    private static readonly Lazy<IReadOnlyList<Theatre>> Theatres = new(() => ReadTheatres(LexiconFiles.Find(TheatresFile)));

    public static IReadOnlyList<HomeCountry> HomeCountryEntries => Homes.Value;

    public static IReadOnlyList<Theatre> TheatreEntries => Theatres.Value;

    /// <summary>The home countries of the groups and terms a text names, each once, in file order.</summary>
    public static IEnumerable<string> HomeCountries(string text) =>
        Homes.Value.Where(home => home.Pattern.IsMatch(text)).Select(home => home.Code).Distinct();

    /// <summary>The provinces where the parties an incident's text names operate, when the incident is in their country.</summary>
    public static IEnumerable<string> Provinces(string incidentText, string countryCode) =>
        Theatres.Value.Where(theatre => theatre.Code == countryCode && theatre.Pattern.IsMatch(incidentText)).SelectMany(theatre => theatre.Provinces).Distinct();

    internal static List<HomeCountry> ReadHomes(string path) =>
        [.. Rows(path, 4).Select(row => new HomeCountry(Code(path, row), Pattern(path, row, row.Fields[1]), row.Fields[2], AsOf(path, row, row.Fields[3])))];

    internal static List<Theatre> ReadTheatres(string path) =>
        [.. Rows(path, 5).Select(row => new Theatre(
            Code(path, row),
            row.Fields[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } provinces ? provinces
                : throw LexiconFiles.Error(path, row.Line, "no provinces"),
            Pattern(path, row, row.Fields[2]), row.Fields[3], AsOf(path, row, row.Fields[4])))];

    private sealed record Row(int Line, string[] Fields);

    /// <summary>The data lines of a file with <paramref name="fields"/> tab-separated fields, then an optional <c># comment</c>.</summary>
    private static List<Row> Rows(string path, int fields)
    {
        var rows = new List<Row>();
        foreach (var (number, line) in LexiconFiles.DataLines(path))
        {
            var split = line.Split('\t');
            var hasComment = split.Length == fields + 1 && split[fields].TrimStart().StartsWith('#');
            if (split.Length != fields && !hasComment)
            {
                throw LexiconFiles.Error(path, number, $"wrong field count: {split.Length} fields, expected {fields} (then optionally a tab and a # comment)");
            }

            if (split.Take(fields).Any(field => field.Trim().Length == 0))
            {
                throw LexiconFiles.Error(path, number, "an empty field: every line needs all its fields, a source and a date included");
            }

            rows.Add(new Row(number, split[..fields]));
        }

        return rows.Count > 0 ? rows : throw new InvalidDataException($"lexicon file {path} has no entries");
    }

    private static string Code(string path, Row row) =>
        Countries.ByCode(row.Fields[0]) is { } country && row.Fields[0].Length == 2 ? country.Code
            : throw LexiconFiles.Error(path, row.Line, $"'{row.Fields[0]}' is not an ISO 3166-1 alpha-2 code of data/countries/countries.tsv");

    private static Regex Pattern(string path, Row row, string pattern) => LexiconFiles.Compile(path, row.Line, pattern, RegexOptions.CultureInvariant);

    private static string AsOf(string path, Row row, string date) =>
        DateLike().IsMatch(date) ? date : throw LexiconFiles.Error(path, row.Line, $"the date '{date}' is not YYYY or YYYY-MM");

    [GeneratedRegex(@"^(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
