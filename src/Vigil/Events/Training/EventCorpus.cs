using System.Text;

namespace Vigil.Events.Training;

/// <summary>A span of one role ("killed", "perp", "place"...) in an example's plain text.</summary>
public sealed record RoleSpan(string Role, TextSpan Span);

/// <summary>One written example: its label (an ACLED sub-type or <see cref="EventCorpus.NoEvent"/>), register, region, plain text and role spans.</summary>
public sealed record CorpusExample(string Label, string Register, string Region, string Text, IReadOnlyList<RoleSpan> Spans, string Origin);

/// <summary>
/// Reads the team-written event corpus (<c>data/training/events/written/*.tsv</c>): one example a line,
/// <c>label TAB register TAB region TAB text</c>, with roles marked inline as <c>{role:words}</c>. The markup is removed
/// from the text and kept as character spans, so training sees exactly the text a page would give.
/// </summary>
public static class EventCorpus
{
    public const string NoEvent = "none";

    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal)
    {
        "killed", "injured", "perp", "target", "victim", "place", "date", "weapon",
    };

    /// <summary>Every example of every <c>*.tsv</c> file in a folder, in file-name then line order (so training is deterministic).</summary>
    public static List<CorpusExample> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder (the corpus lives in data/training/events/written)");
        }

        var examples = new List<CorpusExample>();
        foreach (var file in Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            examples.AddRange(ReadFile(file));
        }

        return examples;
    }

    public static IEnumerable<CorpusExample> ReadFile(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseLine(line, $"{Path.GetFileName(path)}:{number}");
        }
    }

    /// <summary>One corpus line; a <see cref="FormatException"/> names the line and what is wrong with it.</summary>
    public static CorpusExample ParseLine(string line, string origin)
    {
        var fields = line.Split('\t');
        if (fields.Length != 4)
        {
            throw new FormatException($"{origin}: expected 4 tab-separated fields (label, register, region, text), got {fields.Length}");
        }

        var label = fields[0].Trim();
        if (label != NoEvent && EventTaxonomy.TypeOf(label) is null)
        {
            throw new FormatException($"{origin}: '{label}' is neither an ACLED sub-type nor '{NoEvent}'");
        }

        var (text, spans) = StripMarkup(fields[3], origin);
        return new CorpusExample(label, fields[1].Trim(), fields[2].Trim(), text, spans, origin);
    }

    /// <summary>Removes <c>{role:words}</c> markup, returning the plain text and where each role's words ended up.</summary>
    public static (string Text, List<RoleSpan> Spans) StripMarkup(string marked, string origin)
    {
        var plain = new StringBuilder(marked.Length);
        var spans = new List<RoleSpan>();
        var i = 0;
        while (i < marked.Length)
        {
            var open = marked.IndexOf('{', i);
            if (open < 0)
            {
                plain.Append(marked, i, marked.Length - i);
                break;
            }

            plain.Append(marked, i, open - i);
            var colon = marked.IndexOf(':', open);
            var close = marked.IndexOf('}', open);
            if (colon < 0 || close < 0 || colon > close)
            {
                throw new FormatException($"{origin}: unbalanced span markup at character {open}");
            }

            var role = marked[(open + 1)..colon];
            if (!Roles.Contains(role))
            {
                throw new FormatException($"{origin}: unknown role '{role}'");
            }

            var words = marked[(colon + 1)..close];
            spans.Add(new RoleSpan(role, new TextSpan(plain.Length, plain.Length + words.Length)));
            plain.Append(words);
            i = close + 1;
        }

        return (plain.ToString(), spans);
    }
}
