using System.Text;

namespace Vigil.Bench.Articles;

/// <summary>
/// The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark, evaluate.py): per page, the
/// multiset of 4-word shingles of the prediction against that of the ground truth; tp/fp/fn normalised so every page
/// weighs the same; precision and recall averaged over pages; F1 of the two averages. Tokens are runs of \w characters
/// as Python's re module defines them (letters, digits, underscore), compared as written: evaluate.py does not
/// lowercase (its IGNORECASE flag changes nothing for \w+), so neither does this.
/// </summary>
public static class ShingleScorer
{
    public const int ShingleSize = 4;

    public readonly record struct PageCounts(double TruePositive, double FalsePositive, double FalseNegative)
    {
        public double? Precision => TruePositive + FalsePositive > 0 ? Score(TruePositive, FalsePositive) : null;

        public double? Recall => TruePositive + FalseNegative > 0 ? Score(TruePositive, FalseNegative) : null;

        private double Score(double hits, double misses)
        {
            if (FalsePositive == 0 && FalseNegative == 0)
            {
                return 1;
            }

            return hits + misses == 0 ? 0 : hits / (hits + misses);
        }
    }

    public sealed record Summary(double F1, double Precision, double Recall, int Pages);

    public static PageCounts Compare(string truth, string predicted)
    {
        var trueShingles = Shingles(truth);
        var predictedShingles = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, trueCount) in trueShingles)
        {
            var predictedCount = predictedShingles.GetValueOrDefault(shingle);
            tp += Math.Min(trueCount, predictedCount);
            fn += Math.Max(0, trueCount - predictedCount);
        }

        foreach (var (shingle, predictedCount) in predictedShingles)
        {
            fp += Math.Max(0, predictedCount - trueShingles.GetValueOrDefault(shingle));
        }

        var sum = tp + fp + fn;
        return sum > 0 ? new PageCounts(tp / sum, fp / sum, fn / sum) : new PageCounts(0, 0, 0);
    }

    public static Summary Summarize(IReadOnlyCollection<PageCounts> pages)
    {
        var precision = pages.Select(page => page.Precision).OfType<double>().DefaultIfEmpty(0).Average();
        var recall = pages.Select(page => page.Recall).OfType<double>().DefaultIfEmpty(0).Average();
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new Summary(f1, precision, recall, pages.Count);
    }

    /// <summary>Shingles as in evaluate.py: every run of four tokens, or one shorter shingle when the text has fewer.</summary>
    public static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokenize(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < count && i < Math.Max(1, tokens.Count); i++)
        {
            if (tokens.Count == 0)
            {
                break;
            }

            var key = string.Join('\u0001', tokens.Skip(i).Take(ShingleSize));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Python's \w: str.isalnum() or underscore, i.e. letters and every numeric category.</summary>
    private static bool IsWordRune(Rune rune) => rune.Value == '_' || Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) is
        System.Globalization.UnicodeCategory.DecimalDigitNumber or System.Globalization.UnicodeCategory.LetterNumber or System.Globalization.UnicodeCategory.OtherNumber;
}
