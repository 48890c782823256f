using System.Runtime.InteropServices;

namespace Vigil.Language;

/// <summary>
/// Named lists of names or trigger words (cities, countries, first names, organisation words...), matched against
/// token sequences. An entry may span several tokens ("United Arab Emirates"); matching is case-sensitive so that
/// a city called "Hit" does not fire on the verb, except that an all-capitals token (a headline) is matched in title
/// case, as the lists are written.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Entries longer than this many tokens are dropped: they are rare and make matching slower.</summary>
    public const int MaxEntryTokens = 5;

    private readonly Dictionary<string, int> entryLists = new(StringComparer.Ordinal);
    private readonly HashSet<string> prefixes = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private readonly List<List<string>> entries = [];
    private readonly HashSet<string> commonWords = new(StringComparer.Ordinal);

    /// <summary>The file of a folder read as <see cref="IsCommonWord"/>'s lexicon rather than as a list of names.</summary>
    public const string CommonWordsFile = "common-words.lexicon";

    public IReadOnlyList<string> ListNames => names;

    public int ListCount => names.Count;

    public IReadOnlyList<string> Entries(int list) => entries[list];

    /// <summary>Whether a lower-case word is an ordinary dictionary word ("hit", "mark"): a capitalised token that is
    /// one needs its context to be a name, one that is not ("Raqqa") is a name almost anywhere.</summary>
    public bool IsCommonWord(string lower) => commonWords.Contains(lower);

    public void AddCommonWords(IEnumerable<string> words) => commonWords.UnionWith(words);

    /// <summary>Adds a list; an entry is a name as written, its tokens separated by spaces.</summary>
    public int AddList(string name, IEnumerable<string> listEntries)
    {
        if (names.Count >= 31)
        {
            throw new InvalidOperationException("A gazetteer holds at most 31 lists.");
        }

        var list = names.Count;
        names.Add(name);
        var kept = new List<string>();
        entries.Add(kept);
        foreach (var raw in listEntries)
        {
            var key = Canonical(raw);
            if (key.Length == 0 || key.AsSpan().Count(' ') >= MaxEntryTokens)
            {
                continue;
            }

            kept.Add(key);
            CollectionsMarshal.GetValueRefOrAddDefault(entryLists, key, out _) |= 1 << list;
            for (var space = key.IndexOf(' '); space >= 0; space = key.IndexOf(' ', space + 1))
            {
                prefixes.Add(key[..space]);
            }
        }

        return list;
    }

    /// <summary>An entry with its tokens separated by single spaces. Most entries already are, and are kept as they
    /// are without splitting and joining, which keeps model loading fast.</summary>
    private static string Canonical(string entry)
    {
        var clean = entry.Length > 0 && entry[0] != ' ' && entry[^1] != ' ' && !entry.Contains('\t') && !entry.Contains("  ", StringComparison.Ordinal);
        return clean ? entry : string.Join(' ', entry.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Loads every <c>*.txt</c> file of a folder as a list named after the file.</summary>
    public static Gazetteer LoadFolder(string folder)
    {
        var gazetteer = new Gazetteer();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadLines(file).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#'));
            gazetteer.AddList(Path.GetFileNameWithoutExtension(file), lines);
        }

        var lexicon = Path.Combine(folder, CommonWordsFile);
        if (File.Exists(lexicon))
        {
            gazetteer.AddCommonWords(File.ReadLines(lexicon).Select(line => line.Trim()).Where(line => line.Length > 0));
        }

        return gazetteer;
    }

    /// <summary>
    /// For each token and list, where the token sits in the longest entry of that list that covers it:
    /// 0 none, 1 begin, 2 inside, 3 last, 4 unit (a one-token entry). Result index: token * ListCount + list.
    /// </summary>
    public byte[] Match(IReadOnlyList<string> tokens)
    {
        var lists = names.Count;
        var positions = new byte[tokens.Count * lists];
        var lengths = new byte[tokens.Count * lists];
        for (var start = 0; start < tokens.Count; start++)
        {
            if (tokens[start].Length == 0 || !char.IsLetter(tokens[start][0]))
            {
                continue;
            }

            var key = MatchForm(tokens[start]);
            for (var length = 1; length <= MaxEntryTokens && start + length <= tokens.Count; length++)
            {
                if (length > 1)
                {
                    key = string.Concat(key, " ", MatchForm(tokens[start + length - 1]));
                }

                if (entryLists.TryGetValue(key, out var mask))
                {
                    Mark(positions, lengths, lists, start, length, mask);
                }

                if (!prefixes.Contains(key))
                {
                    break;
                }
            }
        }

        return positions;
    }

    private static void Mark(byte[] positions, byte[] lengths, int lists, int start, int length, int mask)
    {
        for (var list = 0; list < lists; list++)
        {
            if ((mask & (1 << list)) == 0)
            {
                continue;
            }

            for (var offset = 0; offset < length; offset++)
            {
                var cell = (start + offset) * lists + list;
                if (lengths[cell] >= length)
                {
                    continue;
                }

                lengths[cell] = (byte)length;
                positions[cell] = length == 1 ? (byte)4 : offset == 0 ? (byte)1 : offset == length - 1 ? (byte)3 : (byte)2;
            }
        }
    }

    /// <summary>All-capitals words (headlines, "ISIS") are looked up in title case, the way lists write names.</summary>
    private static string MatchForm(string token) =>
        token.Length > 1 && IsAllCapitals(token)
            ? string.Create(token.Length, token, static (span, source) =>
            {
                span[0] = source[0];
                for (var i = 1; i < source.Length; i++)
                {
                    span[i] = char.ToLowerInvariant(source[i]);
                }
            })
            : token;

    internal static bool IsAllCapitals(string token)
    {
        var letters = 0;
        foreach (var c in token)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 0;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(names.Count);
        for (var list = 0; list < names.Count; list++)
        {
            writer.Write(names[list]);
            writer.Write(entries[list].Count);
            foreach (var entry in entries[list])
            {
                writer.Write(entry);
            }
        }

        writer.Write(commonWords.Count);
        foreach (var word in commonWords.Order(StringComparer.Ordinal))
        {
            writer.Write(word);
        }
    }

    public static Gazetteer Read(BinaryReader reader)
    {
        var gazetteer = new Gazetteer();
        var lists = reader.ReadInt32();
        for (var list = 0; list < lists; list++)
        {
            var name = reader.ReadString();
            var count = reader.ReadInt32();
            var listEntries = new string[count];
            for (var i = 0; i < count; i++)
            {
                listEntries[i] = reader.ReadString();
            }

            gazetteer.AddList(name, listEntries);
        }

        var words = new string[reader.ReadInt32()];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = reader.ReadString();
        }

        gazetteer.AddCommonWords(words);
        return gazetteer;
    }
}
