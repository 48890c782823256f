using System.Diagnostics;
using System.Globalization;

namespace Vigil.Places;

/// <summary>What a gazetteer entry is: the order is from the largest to the smallest.</summary>
public enum PlaceKind
{
    Country,
    Admin1,
    Admin2,
    Populated,
}

/// <summary>One gazetteer entry: a country, a first- or second-order administrative area, or a populated place.</summary>
/// <param name="Admin1Code">GeoNames' admin1 code within the country ("08" for Borno); null for a country.</param>
/// <param name="Admin2Code">GeoNames' admin2 code within the admin1 area, when known.</param>
/// <param name="FeatureCode">GeoNames feature code (PPL, PPLA, PPLC, PPLX...; ADM1, ADM2 or PCLI for areas).</param>
/// <param name="Population">People living there, 0 when unknown.</param>
public sealed record GazetteerEntry(
    string Name,
    double Latitude,
    double Longitude,
    PlaceKind Kind,
    string FeatureCode,
    string CountryCode,
    string? Admin1Code,
    string? Admin2Code,
    long Population,
    long? GeonameId,
    IReadOnlyList<string> AlternateNames);

/// <summary>How a name met a gazetteer entry.</summary>
public enum NameMatch
{
    /// <summary>The gazetteer's own name, same strict key.</summary>
    Name,

    /// <summary>One of the entry's alternate names (or a country's official name or demonym), same strict key.</summary>
    AlternateName,

    /// <summary>Same loose key: a different transliteration of the name or of an alternate name.</summary>
    Spelling,

    /// <summary>One letter away from a loose key of a place in the same country.</summary>
    NearSpelling,
}

/// <summary>A gazetteer entry found for a name, and how it was found.</summary>
public readonly record struct GazetteerHit(int Index, GazetteerEntry Entry, NameMatch Match);

/// <summary>
/// An offline gazetteer of countries, administrative areas and populated places (GeoNames-derived, built by
/// scripts/setup.sh), indexed by <see cref="PlaceNameKey"/>'s strict and loose keys.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>The environment variable that points at a gazetteer folder, instead of the repository's .build/gazetteer.</summary>
    public const string EnvironmentVariable = "VIGIL_GAZETTEER";

    private const int AlternateFlag = 1 << 30;

    private readonly List<GazetteerEntry> entries = [];
    private readonly Dictionary<string, int> admin1ByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> countryByCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> countryByDemonym = new(StringComparer.Ordinal);
    private readonly PostingIndex exactIndex = new();
    private readonly PostingIndex looseIndex = new();
    private readonly Dictionary<string, List<(string LooseKey, int Posting)>> looseKeysByCountry = new(StringComparer.Ordinal);
    private readonly HashSet<string> commonWords = new(StringComparer.Ordinal);

    public IReadOnlyList<GazetteerEntry> Entries => entries;

    public int Count => entries.Count;

    /// <summary>How long <see cref="Load(string)"/> took, for the benchmark.</summary>
    public TimeSpan LoadTime { get; private set; }

    private static Gazetteer? shared;
    private static readonly Lock SharedLock = new();

    /// <summary>The gazetteer of this installation, loaded once (see <see cref="Locate"/>).</summary>
    public static Gazetteer Default
    {
        get
        {
            lock (SharedLock)
            {
                return shared ??= Load(Locate());
            }
        }
    }

    /// <summary>
    /// The gazetteer folder: <c>VIGIL_GAZETTEER</c> when set, otherwise <c>.build/gazetteer</c> in the first folder
    /// above the program that has one.
    /// </summary>
    public static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(Path.Combine(fromEnvironment, "places.tsv"))
                ? fromEnvironment
                : throw new FileNotFoundException($"{EnvironmentVariable}={fromEnvironment} holds no gazetteer (places.tsv); run scripts/setup.sh");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".build", "gazetteer");
            if (File.Exists(Path.Combine(candidate, "places.tsv")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("the gazetteer (.build/gazetteer/places.tsv) is missing: run scripts/setup.sh at the repository root");
    }

    /// <summary>Loads the TSV files that scripts/build-gazetteer.mjs writes.</summary>
    public static Gazetteer Load(string folder)
    {
        var clock = Stopwatch.StartNew();
        var gazetteer = new Gazetteer();
        foreach (var line in DataLines(Path.Combine(folder, "countries.tsv")))
        {
            var f = line.Split('\t');
            gazetteer.AddCountry(f[0], f[1], Number(f[2]), Number(f[3]), Split(f[5]), Split(f[6]));
        }

        foreach (var (file, kind) in new[] { ("admin1.tsv", PlaceKind.Admin1), ("admin2.tsv", PlaceKind.Admin2) })
        {
            foreach (var line in DataLines(Path.Combine(folder, file)))
            {
                var f = line.Split('\t');
                var code = f[0].Split('.');
                gazetteer.Add(new GazetteerEntry(f[1], Number(f[2]), Number(f[3]), kind, kind == PlaceKind.Admin1 ? "ADM1" : "ADM2",
                    code[0], code[1], kind == PlaceKind.Admin2 ? code[2] : null, long.Parse(f[4], CultureInfo.InvariantCulture), null, []));
            }
        }

        foreach (var line in DataLines(Path.Combine(folder, "places.tsv")))
        {
            var f = line.Split('\t');
            gazetteer.Add(new GazetteerEntry(f[1], Number(f[2]), Number(f[3]), PlaceKind.Populated, f[4], f[5], Empty(f[6]), Empty(f[7]),
                long.Parse(f[8], CultureInfo.InvariantCulture), f[0].Length > 0 ? long.Parse(f[0], CultureInfo.InvariantCulture) : null, Split(f[9])));
        }

        var commonWordsFile = Path.Combine(folder, "common-words.txt");
        if (File.Exists(commonWordsFile))
        {
            gazetteer.AddCommonWords(DataLines(commonWordsFile));
        }

        gazetteer.LoadTime = clock.Elapsed;
        return gazetteer;
    }

    private static IEnumerable<string> DataLines(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the gazetteer file {path} is missing: run scripts/setup.sh at the repository root");
        }

        return File.ReadLines(path).Where(line => line.Length > 0 && line[0] != '#');
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Split('|');

    /// <summary>Adds a country with its other names (official name, spellings) and demonyms ("Syrian").</summary>
    public void AddCountry(string isoCode, string name, double latitude, double longitude, IReadOnlyList<string> otherNames, IReadOnlyList<string> demonyms)
    {
        var index = Add(new GazetteerEntry(name, latitude, longitude, PlaceKind.Country, "PCLI", isoCode.ToUpperInvariant(), null, null, 0, null, otherNames));
        countryByCode[isoCode] = index;
        foreach (var demonym in demonyms)
        {
            countryByDemonym.TryAdd(PlaceNameKey.Exact(demonym), isoCode.ToUpperInvariant());
        }
    }

    /// <summary>Adds an entry and indexes its name and alternate names; returns its index.</summary>
    public int Add(GazetteerEntry entry)
    {
        var index = entries.Count;
        entries.Add(entry);
        if (entry.Kind == PlaceKind.Admin1)
        {
            admin1ByCode.TryAdd(AdminKey(entry.CountryCode, entry.Admin1Code), index);
        }

        IndexName(entry.Name, index, entry.CountryCode);
        foreach (var alternate in entry.AlternateNames)
        {
            IndexName(alternate, index | AlternateFlag, entry.CountryCode);
        }

        return index;
    }

    private void IndexName(string name, int posting, string countryCode)
    {
        var words = PlaceNameKey.WithoutDesignator(name).Words;
        if (words.Count == 0)
        {
            return;
        }

        exactIndex.Add(string.Join(' ', words), posting);
        var loose = PlaceNameKey.LooseFromWords(words);
        if (looseIndex.Add(loose, posting))
        {
            if (!looseKeysByCountry.TryGetValue(countryCode, out var keys))
            {
                looseKeysByCountry[countryCode] = keys = [];
            }

            keys.Add((loose, posting));
        }
    }

    /// <summary>Adds lower-case common words that are places only when the context says so.</summary>
    public void AddCommonWords(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            commonWords.Add(word.Trim().ToLowerInvariant());
        }
    }

    /// <summary>Whether every word of the name is a common English word ("Hit", "Nice", "Along").</summary>
    public bool IsCommonWord(string name)
    {
        var words = PlaceNameKey.Words(name);
        return words.Count > 0 && words.All(commonWords.Contains);
    }

    public GazetteerEntry? Country(string isoCode) => countryByCode.TryGetValue(isoCode, out var index) ? entries[index] : null;

    /// <summary>The ISO code of the country whose demonym this is ("Syrian" -> SY), or null.</summary>
    public string? CountryOfDemonym(string word) => countryByDemonym.GetValueOrDefault(PlaceNameKey.Exact(word));

    /// <summary>The name of the first-order area a place lies in, when the gazetteer knows it.</summary>
    public string? Admin1Name(GazetteerEntry entry) =>
        entry.Kind switch
        {
            PlaceKind.Country => null,
            PlaceKind.Admin1 => entry.Name,
            _ => admin1ByCode.TryGetValue(AdminKey(entry.CountryCode, entry.Admin1Code), out var index) ? entries[index].Name : null,
        };

    private static string AdminKey(string countryCode, string? admin1Code) => $"{countryCode}.{admin1Code}";

    /// <summary>
    /// Every entry whose name or alternate name meets <paramref name="name"/> on a strict or loose key (and, when
    /// <paramref name="countryCode"/> is given and nothing else matched, one letter off a loose key in that country),
    /// each entry once with its best match.
    /// </summary>
    public List<GazetteerHit> Find(string name, string? countryCode = null)
    {
        var words = PlaceNameKey.WithoutDesignator(name).Words;
        var hits = new Dictionary<int, NameMatch>();
        if (words.Count == 0)
        {
            return [];
        }

        foreach (var posting in exactIndex.Get(string.Join(' ', words)))
        {
            Keep(hits, posting, (posting & AlternateFlag) != 0 ? NameMatch.AlternateName : NameMatch.Name);
        }

        var loose = PlaceNameKey.LooseFromWords(words);
        foreach (var posting in looseIndex.Get(loose))
        {
            Keep(hits, posting, NameMatch.Spelling);
        }

        var inCountry = countryCode is null ? hits : hits.Where(hit => InCountry(entries[hit.Key], countryCode)).ToDictionary();
        if (inCountry.Count == 0 && countryCode is not null && loose.Length >= 5 && looseKeysByCountry.TryGetValue(countryCode.ToUpperInvariant(), out var keys))
        {
            foreach (var (key, posting) in keys)
            {
                if (WithinOneEdit(key, loose))
                {
                    Keep(inCountry, posting, NameMatch.NearSpelling);
                }
            }
        }

        return [.. inCountry.Select(hit => new GazetteerHit(hit.Key, entries[hit.Key], hit.Value))];
    }

    private static bool InCountry(GazetteerEntry entry, string countryCode) => string.Equals(entry.CountryCode, countryCode, StringComparison.OrdinalIgnoreCase);

    private static void Keep(Dictionary<int, NameMatch> hits, int posting, NameMatch match)
    {
        var index = posting & ~AlternateFlag;
        if (!hits.TryGetValue(index, out var existing) || match < existing)
        {
            hits[index] = match;
        }
    }

    /// <summary>Levenshtein distance at most one, without building the matrix.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        return a.Length == b.Length
            ? a.AsSpan(i + Math.Min(1, a.Length - i)).SequenceEqual(b.AsSpan(i + Math.Min(1, b.Length - i)))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>Key -> postings, as a chained list in flat arrays: far fewer objects than a list per key.</summary>
    private sealed class PostingIndex
    {
        private readonly Dictionary<string, int> head = new(StringComparer.Ordinal);
        private readonly List<int> postings = [];
        private readonly List<int> next = [];

        /// <summary>Adds a posting; false when the key already held this entry.</summary>
        public bool Add(string key, int posting)
        {
            var first = head.GetValueOrDefault(key, -1);
            for (var at = first; at >= 0; at = next[at])
            {
                if ((postings[at] & ~AlternateFlag) == (posting & ~AlternateFlag))
                {
                    if ((posting & AlternateFlag) == 0)
                    {
                        postings[at] = posting;
                    }

                    return false;
                }
            }

            postings.Add(posting);
            next.Add(first);
            head[key] = postings.Count - 1;
            return true;
        }

        public IEnumerable<int> Get(string key)
        {
            for (var at = head.GetValueOrDefault(key, -1); at >= 0; at = next[at])
            {
                yield return postings[at];
            }
        }
    }
}
