namespace Vigil.Language;

/// <summary>One CoNLL sentence: tokens and their tags (IOB2 as read; empty tags when the file has one column).</summary>
public sealed record ConllSentence(string[] Tokens, string[] Tags);

/// <summary>
/// Reads CoNLL column files: one token a line, its tag in the second column, a blank line between sentences, and
/// "-DOCSTART-" lines between documents. A file without "-DOCSTART-" lines is one document.
/// </summary>
public static class ConllReader
{
    public static List<List<ConllSentence>> ReadDocuments(string path) => ReadDocuments(File.ReadLines(path));

    public static List<List<ConllSentence>> ReadDocuments(IEnumerable<string> lines)
    {
        var documents = new List<List<ConllSentence>> { new() };
        var tokens = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;

        void EndSentence()
        {
            if (tokens.Count > 0)
            {
                documents[^1].Add(new ConllSentence([.. tokens], [.. tags]));
                tokens.Clear();
                tags.Clear();
            }
        }

        foreach (var line in lines)
        {
            lineNumber++;
            var columns = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length == 0)
            {
                EndSentence();
                continue;
            }

            if (columns[0] == "-DOCSTART-")
            {
                EndSentence();
                if (documents[^1].Count > 0)
                {
                    documents.Add([]);
                }

                continue;
            }

            tokens.Add(columns[0]);
            var tag = columns.Length > 1 ? columns[1] : EntityTags.Outside;
            if (tag != EntityTags.Outside && (tag.Length < 3 || tag[1] != '-'))
            {
                throw new FormatException($"line {lineNumber}: tag '{tag}' is neither O nor PREFIX-TYPE");
            }

            tags.Add(tag);
        }

        EndSentence();
        return documents.Where(document => document.Count > 0).ToList();
    }
}

/// <summary>Entity counts for one type: how many gold, predicted, and exactly right (same span and type).</summary>
public sealed record EntityCounts(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Entity-level scoring as conlleval does it: an entity counts as right only when its span and type both match a gold
/// entity exactly; precision, recall and F1 are micro-averaged per type and overall.
/// </summary>
public sealed class EntityScorer
{
    private readonly SortedDictionary<string, int[]> counts = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<string> goldTags, IReadOnlyList<string> predictedTags) =>
        Add(EntityTags.Spans(goldTags), EntityTags.Spans(predictedTags));

    public void Add(IReadOnlyCollection<TokenSpan> gold, IReadOnlyCollection<TokenSpan> predicted)
    {
        var goldSet = gold.ToHashSet();
        foreach (var span in gold)
        {
            Cell(span.Type)[0]++;
        }

        foreach (var span in predicted)
        {
            Cell(span.Type)[1]++;
            if (goldSet.Contains(span))
            {
                Cell(span.Type)[2]++;
            }
        }
    }

    private int[] Cell(string type)
    {
        if (!counts.TryGetValue(type, out var cell))
        {
            cell = new int[3];
            counts[type] = cell;
        }

        return cell;
    }

    public IReadOnlyList<EntityCounts> ByType => counts.Select(pair => new EntityCounts(pair.Key, pair.Value[0], pair.Value[1], pair.Value[2])).ToList();

    public EntityCounts Overall => new("overall", counts.Values.Sum(c => c[0]), counts.Values.Sum(c => c[1]), counts.Values.Sum(c => c[2]));

    /// <summary>A table in the spirit of conlleval's output: one line per type and one overall.</summary>
    public string Report()
    {
        var lines = new List<string> { "type       gold   pred  right  precision  recall      F1" };
        foreach (var row in ByType.Append(Overall))
        {
            lines.Add($"{row.Type,-8} {row.Gold,6} {row.Predicted,6} {row.Correct,6}  {row.Precision,9:F4}  {row.Recall,6:F4}  {row.F1,6:F4}");
        }

        return string.Join('\n', lines);
    }
}
