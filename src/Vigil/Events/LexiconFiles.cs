using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Events;

/// <summary>
/// Finds and reads the lexicon's data files (<c>cues.tsv</c>, <c>weapons.tsv</c>): in the folder named by
/// VIGIL_LEXICON, or else in <c>data/lexicon/en</c> next to the <c>models/</c> folder of the nearest directory above the
/// running program (the repository root, for the CLI, the server, the tests and the benchmarks), as
/// <see cref="Language.ModelFiles"/> finds the models.
/// </summary>
public static class LexiconFiles
{
    public const string EnvironmentVariable = "VIGIL_LEXICON";

    /// <summary>Where the files are below the repository root.</summary>
    public static readonly string RelativeFolder = Path.Combine("data", "lexicon", "en");

    public static string? Folder()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "models")))
            {
                return Path.Combine(directory.FullName, RelativeFolder);
            }
        }

        return null;
    }

    /// <summary>The full path of a lexicon file, or a <see cref="FileNotFoundException"/> that says where it looked.</summary>
    public static string Find(string name)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var folder = Folder() ?? throw new FileNotFoundException(string.IsNullOrEmpty(configured)
            ? $"lexicon file {name} not found: no models/ folder above {AppContext.BaseDirectory} (the repository root, which holds {RelativeFolder}) and {EnvironmentVariable} is not set"
            : $"lexicon file {name} not found: {EnvironmentVariable} is set to {configured}, which is not a folder");
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"lexicon file {path} is missing (see {Path.Combine(RelativeFolder, "README.md")})", path);
    }

    /// <summary>The lines of a data file that are neither blank nor a comment (<c>#</c>), with their 1-based line numbers for error messages.</summary>
    internal static IEnumerable<(int Number, string Text)> DataLines(string path)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(line) && !line.TrimStart().StartsWith('#'))
            {
                yield return (number, line);
            }
        }
    }

    /// <summary>
    /// The entries of a lexicon table, in file order: one per line that is neither blank nor a comment (<c>#</c>), as
    /// <c>key&lt;TAB&gt;pattern</c> with an optional third field <c>&lt;TAB&gt;# comment</c>. Each pattern must compile
    /// on its own with <paramref name="options"/> and must not match empty text.
    /// </summary>
    internal static List<LexiconEntry> Read(string name, RegexOptions options) => ReadFile(Find(name), options);

    /// <summary>The entries of the lexicon table at <paramref name="path"/>, as <see cref="Read"/> reads them.</summary>
    internal static List<LexiconEntry> ReadFile(string path, RegexOptions options)
    {
        var entries = new List<LexiconEntry>();
        foreach (var (number, line) in DataLines(path))
        {
            var fields = line.Split('\t', 3);
            if (fields.Length < 2)
            {
                throw Error(path, number, $"wrong field count: {fields.Length} field, expected a name, a tab and a pattern (then optionally a tab and a # comment)");
            }

            if (fields.Length == 3 && !fields[2].TrimStart().StartsWith('#'))
            {
                throw Error(path, number, $"wrong field count: {2 + fields[2].Split('\t').Length} fields, expected a name, a pattern and optionally a comment starting with # (a tab inside a pattern must be written \\t)");
            }

            var (key, pattern) = (fields[0], fields[1]);
            if (key.Trim().Length == 0)
            {
                throw Error(path, number, "the name (first field) is empty");
            }

            if (pattern.Length == 0)
            {
                throw Error(path, number, "the pattern (second field) is empty");
            }

            Compile(path, number, pattern, options);
            entries.Add(new LexiconEntry(path, number, key, pattern));
        }

        return entries.Count > 0 ? entries : throw new InvalidDataException($"lexicon file {path} has no entries");
    }

    /// <summary>A lexicon line's pattern, compiled; an error that names the file and line when it does not compile or matches empty text (and so would match everywhere).</summary>
    internal static Regex Compile(string path, int line, string pattern, RegexOptions options)
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, options);
        }
        catch (ArgumentException e)
        {
            throw Error(path, line, $"invalid regular expression: {e.Message}");
        }

        return regex.IsMatch(string.Empty) ? throw Error(path, line, $"the pattern {pattern} matches empty text, so it would match everywhere") : regex;
    }

    /// <summary>An exception that names the file, the line and the reason.</summary>
    internal static InvalidDataException Error(string path, int line, string reason) => new($"lexicon file {path}, line {line}: {reason}");
}

/// <summary>One line of a lexicon table: its file and line number (for error messages), its name and its pattern.</summary>
internal sealed record LexiconEntry(string Path, int Line, string Key, string Pattern);
