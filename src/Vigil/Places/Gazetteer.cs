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
/// <param name="NamesInAllScripts">How many distinct names the place has in all languages and scripts: how much the
/// world writes about it (a village with an article in many Wikipedias), where the population is unknown.</param>
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
    int NamesInAllScripts = 1);

/// <summary>How a name met a gazetteer entry, from the surest to the loosest.</summary>
public enum NameMatch
{
    /// <summary>The gazetteer's own name, same strict key.</summary>
    Name,

    /// <summary>One of the entry's alternate names (or a country's official name), same strict key.</summary>
    AlternateName,

    /// <summary>Same loose key: a different transliteration of the name or of an alternate name.</summary>
    Spelling,

    /// <summary>One letter away from a loose key of a place in the country asked for.</summary>
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

    private static readonly Lock SharedLock = new();
    private static Gazetteer? shared;

    private GazetteerEntryTable entries = new();
    private readonly Dictionary<string, int> admin1ByCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> countryByCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> countryByDemonym = new(StringComparer.Ordinal);
    private readonly PostingIndex exactIndex = new();
    private readonly PostingIndex looseIndex = new();
    private readonly HashSet<string> commonWords = new(StringComparer.Ordinal);

    public IReadOnlyList<GazetteerEntry> Entries => entries;

    /// <summary>The credit the gazetteer's sources ask for, shown by <c>vigil --about</c> (sources: data/README.md).</summary>
    public const string Attribution =
        """
        Place data:
          GeoNames (https://www.geonames.org), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/):
            cities500, the admin1/admin2 names, and 714,598 villages of 30 countries.
          Data from Who's On First (https://whosonfirst.org/docs/licenses/): the GeoNames villages' copies, and city
            quarters and localities GeoNames lacks; WOF's own work CC0, imported sources under their own licences
            (GeoNames CC BY 4.0, Quattroshapes CC BY, Wikidata CC0).
          Countries (data/countries): Debian iso-codes (LGPL-2.1+); mledoze/countries (world-countries), ODbL 1.0.
          Common English words: SCOWL (Kevin Atkinson), permissive licence.
        Details: data/README.md.
        """;

    public int Count => entries.Count;

    /// <summary>How long <see cref="Load(string)"/> took, for the benchmark.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>Processor time the process spent during <see cref="Load(string)"/>: on a busy machine, a steadier figure than the wall clock.</summary>
    public TimeSpan LoadProcessorTime { get; private set; }

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

    /// <summary>
    /// Loads the TSV files that scripts/build-gazetteer.mjs writes. Keying every name takes seconds, so the first load
    /// saves the keyed gazetteer next to them (index.bin) and later loads read that instead while it is current.
    /// </summary>
    public static Gazetteer Load(string folder)
    {
        var clock = Stopwatch.StartNew();
        var processorAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var sources = SourceFingerprint(folder);
        var cachePath = Path.Combine(folder, CacheFileName);
        var gazetteer = TryReadCache(cachePath, sources) ?? FromTsv(folder);
        gazetteer.exactIndex.Freeze();
        gazetteer.looseIndex.Freeze();
        if (!File.Exists(cachePath) || gazetteer.loadedFromTsv)
        {
            gazetteer.TryWriteCache(cachePath, sources);
            // Read back, the entries stay in columns, and the million objects the files were read into are freed.
            gazetteer = TryReadCache(cachePath, sources) ?? gazetteer;
        }

        var commonWordsFile = Path.Combine(folder, "common-words.txt");
        if (File.Exists(commonWordsFile))
        {
            gazetteer.AddCommonWords(DataLines(commonWordsFile));
        }

        gazetteer.LoadTime = clock.Elapsed;
        gazetteer.LoadProcessorTime = Process.GetCurrentProcess().TotalProcessorTime - processorAtStart;
        return gazetteer;
    }

    private static Gazetteer FromTsv(string folder)
    {
        var gazetteer = new Gazetteer { loadedFromTsv = true };
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pooled(string text) => pool.TryGetValue(text, out var same) ? same : pool[text] = text;
        var pending = new List<(GazetteerEntry Entry, string[] AlternateNames)>();
        foreach (var (file, kind) in new[] { ("admin1.tsv", PlaceKind.Admin1), ("admin2.tsv", PlaceKind.Admin2) })
        {
            foreach (var line in DataLines(Path.Combine(folder, file)))
            {
                var f = line.Split('\t');
                var code = f[0].Split('.');
                pending.Add((new GazetteerEntry(f[1], Number(f[2]), Number(f[3]), kind, kind == PlaceKind.Admin1 ? "ADM1" : "ADM2",
                    Pooled(code[0]), Pooled(code[1]), kind == PlaceKind.Admin2 ? code[2] : null, long.Parse(f[4], CultureInfo.InvariantCulture), null), CompassVariants(f[1])));
            }
        }

        foreach (var line in DataLines(Path.Combine(folder, "places.tsv")))
        {
            var f = line.Split('\t');
            pending.Add((new GazetteerEntry(f[1], Number(f[2]), Number(f[3]), PlaceKind.Populated, Pooled(f[4]), Pooled(f[5]), Empty(Pooled(f[6])), Empty(Pooled(f[7])),
                long.Parse(f[8], CultureInfo.InvariantCulture), f[0].Length > 0 ? long.Parse(f[0], CultureInfo.InvariantCulture) : null,
                int.Parse(f[9], CultureInfo.InvariantCulture)), Split(f[10])));
        }

        // A name the country table gives a country that is also the name of one of its provinces or cities ("Gaza
        // Strip", "West Bank", "Gaza" for Palestine) tells running text which country is meant, but as a place it is
        // that part, not the whole: the gazetteer keys it to the part alone.
        var parts = pending.Where(p => p.Entry.Kind is PlaceKind.Admin1 or PlaceKind.Admin2 || p.Entry.Population >= MajorCityPopulation)
            .Select(p => (p.Entry.CountryCode, p.Entry.Name)).ToHashSet();
        foreach (var country in Countries.All)
        {
            // Abbreviations ("US", "UK", "DRC") are keyed folded to lower case, where "us" is a word: running text
            // finds them through the country table's own case-exact matching instead.
            var otherNames = country.Names.Skip(1).Concat(country.OtherNames)
                .Where(name => !(name.Length <= 4 && name.All(char.IsAsciiLetterUpper)) && !parts.Contains((country.Code, name)));
            gazetteer.AddCountry(country.Code, country.Name, country.Latitude, country.Longitude, [.. otherNames], country.Demonyms);
        }

        // Keying 700,000 names is most of the load time, and each name's keys depend on nothing else: do it in parallel.
        var keys = new NameKeys[pending.Count][];
        Parallel.For(0, pending.Count, i => keys[i] = KeysOf(pending[i].Entry.Name, pending[i].AlternateNames));
        for (var i = 0; i < pending.Count; i++)
        {
            gazetteer.Add(pending[i].Entry, keys[i]);
        }

        return gazetteer;
    }

    private static readonly (string Long, string Short)[] CompassWords = [("Northern ", "North "), ("Southern ", "South "), ("Eastern ", "East "), ("Western ", "West ")];

    /// <summary>
    /// A province's name with its compass word in the other form: GeoNames writes "Southern Darfur" and "Northern
    /// Province" where news writes "South Darfur", and the reverse happens too.
    /// </summary>
    internal static string[] CompassVariants(string name)
    {
        foreach (var (longForm, shortForm) in CompassWords)
        {
            if (name.StartsWith(longForm, StringComparison.Ordinal))
            {
                return [shortForm + name[longForm.Length..]];
            }

            if (name.StartsWith(shortForm, StringComparison.Ordinal))
            {
                return [longForm + name[shortForm.Length..]];
            }
        }

        return [];
    }

    private const string CacheFileName = "index.bin";
    private const string CacheMagic = "vigil-gazetteer-7";

    /// <summary>A city this large is a place of its own, not another name of its country.</summary>
    private const long MajorCityPopulation = 100_000;

    private bool loadedFromTsv;

    /// <summary>
    /// What the cache must match: the source files' sizes and times, and the keys of a few probe names, so that any
    /// change to <see cref="PlaceNameKey"/>'s rules invalidates a cache keyed by the old rules.
    /// </summary>
    private static string SourceFingerprint(string folder)
    {
        var parts = new List<string> { CacheMagic, "countries:" + Countries.Fingerprint };
        foreach (var file in new[] { "admin1.tsv", "admin2.tsv", "places.tsv" })
        {
            var info = new FileInfo(Path.Combine(folder, file));
            parts.Add(info.Exists ? $"{file}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : $"{file}:missing");
        }

        foreach (var probe in new[] { "Ar Raqqah", "Deir ez-Zor", "Ma'arrat al-Nu'man", "Borno State", "Province of Québec", "Dnipropetrovs'k Oblast", "Gaalkacyo", "Djibouti", "Ouagadougou", "Zhytomyr", "Sud-Kivu", "Province de la Sissili", "San Andres de Tuxtla" })
        {
            parts.Add(PlaceNameKey.Exact(probe) + "/" + PlaceNameKey.Loose(probe));
        }

        return string.Join('|', parts);
    }

    private static Gazetteer? TryReadCache(string path, string fingerprint)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 16));
            if (reader.ReadString() != fingerprint)
            {
                return null;
            }

            var gazetteer = new Gazetteer { entries = GazetteerEntryTable.Read(reader) };
            for (var i = 0; i < gazetteer.entries.Count; i++)
            {
                if (gazetteer.entries.KindAt(i) == PlaceKind.Admin1)
                {
                    gazetteer.IndexAdmin1(gazetteer.entries[i], i);
                }
            }

            gazetteer.exactIndex.Read(reader);
            gazetteer.looseIndex.Read(reader);
            var countries = reader.ReadInt32();
            for (var i = 0; i < countries; i++)
            {
                gazetteer.countryByCode[reader.ReadString()] = reader.ReadInt32();
            }

            var demonyms = reader.ReadInt32();
            for (var i = 0; i < demonyms; i++)
            {
                gazetteer.countryByDemonym[reader.ReadString()] = reader.ReadString();
            }

            return gazetteer;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private void TryWriteCache(string path, string fingerprint)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var writer = new BinaryWriter(new BufferedStream(File.Create(temporary), 1 << 16)))
            {
                writer.Write(fingerprint);
                entries.Write(writer);
                exactIndex.Write(writer);
                looseIndex.Write(writer);
                writer.Write(countryByCode.Count);
                foreach (var (code, index) in countryByCode)
                {
                    writer.Write(code);
                    writer.Write(index);
                }

                writer.Write(countryByDemonym.Count);
                foreach (var (demonym, code) in countryByDemonym)
                {
                    writer.Write(demonym);
                    writer.Write(code);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only gazetteer folder only costs the next load its speed.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing was written there either.
            }
        }
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
        var index = Add(new GazetteerEntry(name, latitude, longitude, PlaceKind.Country, "PCLI", isoCode.ToUpperInvariant(), null, null, 0, null), otherNames);
        countryByCode[isoCode] = index;
        foreach (var demonym in demonyms)
        {
            countryByDemonym.TryAdd(PlaceNameKey.Exact(demonym), isoCode.ToUpperInvariant());
        }
    }

    /// <summary>Adds an entry and indexes its name and alternate names; returns its index.</summary>
    public int Add(GazetteerEntry entry, IReadOnlyList<string>? alternateNames = null) => Add(entry, KeysOf(entry.Name, alternateNames ?? []));

    private int AddEntry(GazetteerEntry entry)
    {
        var index = entries.Add(entry);
        IndexAdmin1(entry, index);
        return index;
    }

    private void IndexAdmin1(GazetteerEntry entry, int index)
    {
        if (entry.Kind == PlaceKind.Admin1)
        {
            admin1ByCode.TryAdd(AdminKey(entry.CountryCode, entry.Admin1Code), index);
        }
    }

    private int Add(GazetteerEntry entry, NameKeys[] keys)
    {
        var index = AddEntry(entry);

        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i].Exact == 0)
            {
                continue;
            }

            var posting = i == 0 ? index : index | AlternateFlag;
            exactIndex.Add(keys[i].Exact, posting);
            looseIndex.Add(keys[i].Loose, posting);
        }

        return index;
    }

    /// <summary>The hashed strict and loose keys of a name and its alternate names, the name's first.</summary>
    private static NameKeys[] KeysOf(string name, IReadOnlyList<string> alternateNames)
    {
        var keys = new NameKeys[1 + alternateNames.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var words = PlaceNameKey.WithoutDesignator(i == 0 ? name : alternateNames[i - 1]).Words;
            if (words.Count > 0)
            {
                keys[i] = new NameKeys(Hash(string.Join(' ', words)), Hash(PlaceNameKey.LooseFromWords(words)));
            }
        }

        return keys;
    }

    /// <summary>
    /// 64-bit FNV-1a. The index keeps key hashes rather than a million key strings; with about 10^6 keys a collision
    /// has odds near 10^-7, and would only add a candidate that scoring then weighs.
    /// </summary>
    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
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
    public string? Admin1Name(GazetteerEntry entry) => entry.Kind == PlaceKind.Admin1 ? entry.Name : Admin1Of(entry)?.Name;

    /// <summary>The first-order area a place lies in, when the gazetteer knows it.</summary>
    public GazetteerEntry? Admin1Of(GazetteerEntry entry) =>
        entry.Kind is PlaceKind.Country or PlaceKind.Admin1 ? null
        : admin1ByCode.TryGetValue(AdminKey(entry.CountryCode, entry.Admin1Code), out var index) ? entries[index] : null;

    private static string AdminKey(string countryCode, string? admin1Code) => $"{countryCode}.{admin1Code}";

    /// <summary>
    /// Every entry whose name or alternate name meets <paramref name="name"/> on a strict or loose key (and, when
    /// <paramref name="countryCode"/> is given and nothing else matched there, one letter off a loose key of at least
    /// six letters), each entry once with its best match, restricted to the country when one is given.
    /// </summary>
    public List<GazetteerHit> Find(string name, string? countryCode = null)
    {
        var words = PlaceNameKey.WithoutDesignator(name).Words;
        var hits = new Dictionary<int, NameMatch>();
        if (words.Count == 0)
        {
            return [];
        }

        foreach (var posting in exactIndex.Get(Hash(string.Join(' ', words))))
        {
            Keep(hits, posting, (posting & AlternateFlag) != 0 ? NameMatch.AlternateName : NameMatch.Name);
        }

        // A loose key of a short name ("UP", "KN", "J&K") is shared by hundreds of unrelated places: spell-tolerant
        // matching needs a name of some length.
        var loose = PlaceNameKey.LooseFromWords(words);
        var letters = words.Sum(word => word.Count(char.IsLetter));
        if (letters >= MinimumLettersForSpelling && loose.Length >= MinimumLooseKeyLength)
        {
            var firstLetter = PlaceNameKey.FirstLetter(words);
            foreach (var posting in looseIndex.Get(Hash(loose)))
            {
                // A three-letter loose key ("fal") joins too much unless the names at least begin alike ("Falah", not "Valley").
                if (loose.Length > ShortLooseKeyLength || PlaceNameKey.FirstLetter(PlaceNameKey.Words(entries[posting & ~AlternateFlag].Name)) == firstLetter)
                {
                    Keep(hits, posting, NameMatch.Spelling);
                }
            }
        }

        var inCountry = countryCode is null ? hits : hits.Where(hit => InCountry(entries[hit.Key], countryCode)).ToDictionary();
        if (inCountry.Count == 0 && countryCode is not null && loose.Length >= 6)
        {
            foreach (var variant in OneEditVariants(loose))
            {
                foreach (var posting in looseIndex.Get(Hash(variant)))
                {
                    if (InCountry(entries[posting & ~AlternateFlag], countryCode))
                    {
                        Keep(inCountry, posting, NameMatch.NearSpelling);
                    }
                }
            }
        }

        return [.. inCountry.Select(hit => new GazetteerHit(hit.Key, entries[hit.Key], hit.Value))];
    }

    private const int MinimumLettersForSpelling = 4;

    /// <summary>A loose key of two letters says too little to match on.</summary>
    private const int MinimumLooseKeyLength = 3;

    private const int ShortLooseKeyLength = 3;

    /// <summary>Every string one deletion, substitution or insertion of a letter away, as Norvig's spelling corrector enumerates them.</summary>
    internal static IEnumerable<string> OneEditVariants(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            yield return key.Remove(i, 1);
        }

        for (var i = 0; i <= key.Length; i++)
        {
            for (var letter = 'a'; letter <= 'z'; letter++)
            {
                yield return key.Insert(i, letter.ToString());
                if (i < key.Length && key[i] != letter)
                {
                    yield return string.Concat(key.AsSpan(0, i), [letter], key.AsSpan(i + 1));
                }
            }
        }
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

    private readonly record struct NameKeys(ulong Exact, ulong Loose);

    /// <summary>
    /// Key hash -> postings in compressed-sparse-row form: sorted keys, each with a run of postings. Three flat arrays
    /// load in one read each and cost no per-key objects, where a dictionary of lists would cost millions.
    /// </summary>
    private sealed class PostingIndex
    {
        private readonly List<(ulong Key, int Posting)> added = [];
        private ulong[] keys = [];
        private int[] starts = [0];
        private int[] postings = [];

        public void Add(ulong key, int posting) => added.Add((key, posting));

        public IEnumerable<int> Get(ulong key)
        {
            Freeze();
            var at = Array.BinarySearch(keys, key);
            if (at < 0)
            {
                return [];
            }

            return new ArraySegment<int>(postings, starts[at], starts[at + 1] - starts[at]);
        }

        /// <summary>Merges what was added since the last lookup; one entry appears once per key, as its name when it is.</summary>
        public void Freeze()
        {
            if (added.Count == 0)
            {
                return;
            }

            for (var i = 0; i < keys.Length; i++)
            {
                for (var p = starts[i]; p < starts[i + 1]; p++)
                {
                    added.Add((keys[i], postings[p]));
                }
            }

            // The alternate-name flag is the high bit, so for one entry and key the name posting sorts first.
            added.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Posting.CompareTo(b.Posting));
            var newKeys = new List<ulong>();
            var newStarts = new List<int>();
            var newPostings = new List<int>(added.Count);
            var seen = new HashSet<int>();
            for (var i = 0; i < added.Count; i++)
            {
                var (key, posting) = added[i];
                if (i == 0 || key != added[i - 1].Key)
                {
                    newKeys.Add(key);
                    newStarts.Add(newPostings.Count);
                    seen.Clear();
                }

                if (seen.Add(posting & ~AlternateFlag))
                {
                    newPostings.Add(posting);
                }
            }

            newStarts.Add(newPostings.Count);
            keys = [.. newKeys];
            starts = [.. newStarts];
            postings = [.. newPostings];
            added.Clear();
        }

        public void Write(BinaryWriter writer)
        {
            Freeze();
            GazetteerEntryTable.WriteArray(writer, keys);
            GazetteerEntryTable.WriteArray(writer, starts);
            GazetteerEntryTable.WriteArray(writer, postings);
        }

        public void Read(BinaryReader reader)
        {
            keys = GazetteerEntryTable.ReadArray<ulong>(reader);
            starts = GazetteerEntryTable.ReadArray<int>(reader);
            postings = GazetteerEntryTable.ReadArray<int>(reader);
        }
    }
}
