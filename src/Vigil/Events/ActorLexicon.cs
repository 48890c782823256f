using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>One actor mention found in a sentence: where it stands and who it denotes.</summary>
internal sealed record ActorMention(int Start, int End, string Name, ActorKind Kind, string? Group, bool Armed);

/// <summary>One line of <c>data/lexicon/en/actors.tsv</c>: its words, the group or fallback name, ACLED's actor type, and whether it names a group.</summary>
internal sealed record ActorEntry(Regex Pattern, string Name, ActorKind Kind, bool Named);

/// <summary>
/// Named armed groups and the descriptors reports use for actors ("pro-Houthi forces", "armed men", "clan militia",
/// "protesters"), mapped to ACLED's actor types, read from <c>data/lexicon/en/actors.tsv</c> (an analyst edits that
/// file, not this code). Named groups carry their canonical name as the group.
/// </summary>
internal static partial class ActorLexicon
{
    public const string ActorsFile = "actors.tsv";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>ACLED's actor types as the data file spells them (their JSON names).</summary>
    private static readonly Dictionary<string, ActorKind> Kinds = Enum.GetValues<ActorKind>().ToDictionary(
        kind => typeof(ActorKind).GetField(kind.ToString())!.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false)
            .Cast<System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute>().Single().Name);

    /// <summary>The entries of <see cref="ActorsFile"/>, in file order: the first that matches some words takes them.</summary>
    internal static IReadOnlyList<ActorEntry> Entries => LoadedEntries.Value;

    private static readonly Lazy<IReadOnlyList<ActorEntry>> LoadedEntries = new(() => Read(LexiconFiles.Find(ActorsFile)));

    internal static List<ActorEntry> Read(string path)
    {
        var entries = new List<ActorEntry>();
        foreach (var (number, line) in LexiconFiles.DataLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length is not (4 or 5) || (fields.Length == 5 && !fields[4].TrimStart().StartsWith('#')))
            {
                throw LexiconFiles.Error(path, number, $"wrong field count: {fields.Length} fields, expected kind, named or descriptor, name and pattern (then optionally a tab and a # comment)");
            }

            if (!Kinds.TryGetValue(fields[0], out var kind))
            {
                throw LexiconFiles.Error(path, number, $"unknown kind '{fields[0]}': expected one of {string.Join(", ", Kinds.Keys)}");
            }

            if (fields[1] is not ("named" or "descriptor"))
            {
                throw LexiconFiles.Error(path, number, $"the second field is '{fields[1]}': expected named or descriptor");
            }

            if (fields[2].Trim().Length == 0)
            {
                throw LexiconFiles.Error(path, number, "the name (third field) is empty");
            }

            entries.Add(new ActorEntry(LexiconFiles.Compile(path, number, fields[3], Options), fields[2].Trim(), kind, fields[1] == "named"));
        }

        return entries.Count > 0 ? entries : throw new InvalidDataException($"lexicon file {path} has no entries");
    }

    /// <summary>Every actor mention in <paramref name="text"/> from <paramref name="offset"/> on, in order, without overlaps.</summary>
    public static List<ActorMention> Find(string text, int start, int end)
    {
        var found = new List<ActorMention>();
        var slice = text.Substring(start, end - start);
        foreach (var (pattern, name, kind, named) in Entries)
        {
            foreach (Match match in pattern.Matches(slice))
            {
                var mentionStart = start + match.Index;
                var mentionEnd = mentionStart + match.Length;
                if (!named && name.Contains(ActorNames.CountrySlot, StringComparison.Ordinal))
                {
                    mentionStart = WithItsCountry(text, start, mentionStart);
                }

                if (found.Any(other => other.Start < mentionEnd && mentionStart < other.End))
                {
                    continue;
                }

                var armed = kind is not (ActorKind.Civilians or ActorKind.Protesters or ActorKind.Rioters);
                found.Add(new ActorMention(mentionStart, mentionEnd, named ? name : Describe(text[mentionStart..mentionEnd], name), kind, named ? name : null, armed));
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// Where a descriptor that a country fills ("military forces", "armed forces", "police") begins once the country
    /// written right before it is counted in: "Ukrainian military forces", "the Kenyan police", "Sudan's army". Without
    /// it the descriptor would take the incident's country, which for forces acting abroad is their enemy's. A word
    /// joined by a hyphen ("pro-Russian forces") names no state's own forces and is left out.
    /// </summary>
    private static int WithItsCountry(string text, int sentenceStart, int descriptorStart)
    {
        // Three words of a country's name fit in this many characters ("Central African Republic's").
        var from = Math.Max(sentenceStart, descriptorStart - 40);
        while (from > sentenceStart && !char.IsWhiteSpace(text[from - 1]))
        {
            from--;
        }

        var words = CountryWordsBefore().Match(text, from, descriptorStart - from);
        if (!words.Success)
        {
            return descriptorStart;
        }

        var phrase = words.Groups["words"].Value;
        var parts = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var first = 0; first < parts.Length; first++)
        {
            var candidate = string.Join(' ', parts[first..]);
            if (ActorNames.CountryNamedBy(candidate) is not null)
            {
                return words.Groups["words"].Index + phrase.IndexOf(candidate, StringComparison.Ordinal);
            }
        }

        return descriptorStart;
    }

    /// <summary>Up to three capitalised words (a possessive's "'s" dropped) that end right before a descriptor, not joined to a word before them by a hyphen.</summary>
    [GeneratedRegex(@"(?<![\w'’-])(?<words>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})(?:'s|’s)?\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryWordsBefore();

    /// <summary>
    /// A descriptor keeps its own words ("pro-Houthi forces"), tidied, so the analyst sees what the text says; words that
    /// are only a state ("a Russian strike", "Israel says it struck") say no more than the descriptor's own name with
    /// that state filled in ("Military Forces of Russia").
    /// </summary>
    private static string Describe(string words, string form)
    {
        var cleaned = Regex.Replace(words.Trim(), @"\s+", " ");
        var bare = Regex.Replace(cleaned, @"^the\s+", string.Empty, RegexOptions.IgnoreCase);
        if (form.Contains(ActorNames.CountrySlot, StringComparison.Ordinal)
            && (Places.Countries.FromAdjective(cleaned) ?? ActorNames.CountryNamedBy(bare)) is { } state)
        {
            return ActorNames.Fill(form, state);
        }

        return cleaned.Length == 0 ? form : char.ToUpperInvariant(cleaned[0]) + cleaned[1..];
    }
}
