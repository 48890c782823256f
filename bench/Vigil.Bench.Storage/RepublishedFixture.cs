using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Bench.Storage;

/// <summary>One report as written for the fixture (bench/storage/republished/reports.jsonl).</summary>
public sealed record WrittenReport(string Id, string Headline, IReadOnlyList<string> Paragraphs, string? SiblingOf);

/// <summary>One page of the fixture: a report as one outlet published it.</summary>
/// <param name="Report">The written report it is a copy of: pages of one report are one incident, pages of two are two.</param>
/// <param name="Kind">original, republished (a sentence added), boilerplate (byline and footer changed), syndicated
/// (new headline, dateline, last paragraph cut), rewritten (paragraphs reordered, words changed, a sentence added) or
/// reworked (rewritten, a paragraph dropped, two sentences added).</param>
public sealed record FixturePage(string Report, string Kind, string Url, string Title, string Published, string Text);

/// <summary>
/// Re-published, syndicated and rewritten copies of the written reports, made with a fixed seed so every run sees the
/// same pages. The siblings (reports written in the words of another about a different incident) and the other
/// reports are the pages that must not merge.
/// </summary>
public static partial class RepublishedFixture
{
    public static readonly string[] Kinds = ["original", "republished", "boilerplate", "syndicated", "rewritten", "reworked"];

    private static readonly string[] Outlets =
    [
        "northern-dispatch.example", "coastal-herald.example", "sahel-times.example", "levant-monitor.example", "horn-observer.example",
        "lake-post.example", "river-valley-voice.example", "plateau-courier.example", "delta-wire.example", "highland-gazette.example",
    ];

    private static readonly string[] AddedSentences =
    [
        "The report was updated with comment from officials.",
        "Officials did not respond to requests for comment.",
        "The incident was also reported by local radio stations.",
        "Residents said the area had been calm in recent weeks.",
        "Photographs shared online could not be independently verified.",
        "A spokesman for the regional government said an investigation had been opened.",
        "Telephone networks in the area were down for much of the day.",
        "The United Nations has repeatedly called for civilians to be protected.",
    ];

    private static readonly string[] Footers =
    [
        "Copyright {0}. All rights reserved. This material may not be published, broadcast or redistributed.",
        "Follow {0} for more news from the region. Subscribe to our newsletter for daily updates.",
        "Share this story: Facebook Twitter WhatsApp Email",
        "Have a news tip? Contact the newsroom of {0}.",
    ];

    private static readonly (string From, string To)[] Rewordings =
    [
        ("said", "stated"), ("residents", "locals"), ("wounded", "injured"), ("several", "a number of"), ("officials", "authorities"),
        ("attackers", "assailants"), ("people", "persons"), ("after", "following"), ("fled", "escaped"), ("nearby", "neighbouring"),
    ];

    /// <summary>Counts and days a wire template changes when it is re-used for another incident.</summary>
    private static readonly (string From, string To)[] TemplateChanges =
    [
        ("two", "four"), ("three", "six"), ("four", "seven"), ("five", "eight"), ("six", "nine"), ("seven", "eleven"), ("eight", "twelve"),
        ("nine", "fifteen"), ("ten", "fourteen"), ("eleven", "seventeen"), ("twelve", "nineteen"), ("fourteen", "twenty"), ("sixteen", "twenty-five"),
        ("twenty", "thirty"), ("thirty", "forty"), ("Monday", "Thursday"), ("Tuesday", "Friday"), ("Wednesday", "Saturday"), ("Thursday", "Sunday"),
        ("Friday", "Monday"), ("Saturday", "Tuesday"), ("Sunday", "Wednesday"),
    ];

    /// <summary>
    /// The written reports, and for half of them (numbers 1 and 2 of every 4) that name a weekday a template sibling
    /// (id t + its number): the same words with other figures and another day, as a wire service re-uses a story for
    /// the next incident. These are the hardest pages that must not merge.
    /// </summary>
    public static IReadOnlyList<WrittenReport> Read(string path)
    {
        var written = File.ReadLines(path).Where(line => line.Trim().Length > 0).Select(line => JsonSerializer.Deserialize<WrittenReport>(line, JsonOptions)!).ToList();
        var templates = written
            .Where(r => r.SiblingOf is null && int.Parse(r.Id[1..], System.Globalization.CultureInfo.InvariantCulture) % 4 < 2)
            .Select(r => r with { Id = "t" + r.Id[1..], SiblingOf = r.Id, Headline = Retemplate(r.Headline), Paragraphs = [.. r.Paragraphs.Select(Retemplate)] })
            .Where(t => Weekday().IsMatch(string.Join(" ", t.Paragraphs)) && !t.Paragraphs.SequenceEqual(written.Single(r => r.Id == t.SiblingOf).Paragraphs))
            .ToList();
        return [.. written, .. templates];
    }

    private static string Retemplate(string text) =>
        NumberOrDay().Replace(text, match =>
        {
            var to = TemplateChanges.FirstOrDefault(change => string.Equals(change.From, match.Value, StringComparison.OrdinalIgnoreCase)).To;
            return to is null ? match.Value : char.IsUpper(match.Value[0]) ? char.ToUpperInvariant(to[0]) + to[1..] : to;
        });

    [GeneratedRegex(@"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex NumberOrDay();

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<FixturePage> Make(IReadOnlyList<WrittenReport> reports, int seed)
    {
        var random = new Random(seed);
        var pages = new List<FixturePage>();
        var start = new DateOnly(2026, 3, 1);
        var dayOf = new Dictionary<string, int>();
        for (var r = 0; r < reports.Count; r++)
        {
            var report = reports[r];
            // A sibling is published the same day as the report it imitates: the hardest case for the matcher.
            var day = report.SiblingOf is { } of && dayOf.TryGetValue(of, out var ofDay) ? ofDay : r % 28;
            dayOf[report.Id] = day;
            var outlets = Outlets.OrderBy(_ => random.Next()).ToList();
            foreach (var (kind, k) in Kinds.Select((kind, k) => (kind, k)))
            {
                var outlet = outlets[k];
                var published = start.AddDays(day + (k >= 3 ? 1 : 0)).ToString("yyyy-MM-dd");
                var paragraphs = report.Paragraphs.ToList();
                var title = report.Headline;
                switch (kind)
                {
                    case "republished":
                        paragraphs.Add(Pick(random, AddedSentences));
                        break;
                    case "boilerplate":
                        paragraphs.Insert(0, $"By staff writers | {outlet}");
                        paragraphs.Add(string.Format(Pick(random, Footers), outlet));
                        paragraphs.Add(string.Format(Pick(random, Footers), outlet));
                        break;
                    case "syndicated":
                        title = $"UPDATE 1-{report.Headline}";
                        paragraphs[0] = $"({outlet}) - {paragraphs[0]}";
                        paragraphs.RemoveAt(paragraphs.Count - 1);
                        paragraphs.Add($"Related: {reports[random.Next(reports.Count)].Headline}");
                        break;
                    case "rewritten":
                        (paragraphs[1], paragraphs[2]) = (paragraphs[2], paragraphs[1]);
                        paragraphs.Insert(2, Pick(random, AddedSentences));
                        paragraphs = [.. paragraphs.Select(Reword)];
                        title = Reword(report.Headline);
                        break;
                    case "reworked":
                        paragraphs.RemoveAt(2);
                        paragraphs.Add(Pick(random, AddedSentences));
                        paragraphs.Insert(1, Pick(random, AddedSentences));
                        paragraphs = [.. paragraphs.Select(Reword)];
                        title = $"{Reword(report.Headline)}: what we know";
                        break;
                }

                pages.Add(new FixturePage(report.Id, kind, $"https://{outlet}/news/{report.Id}-{kind}", title, published, string.Join("\n\n", paragraphs)));
            }
        }

        // Interleaved, as copies arrive over days among other news, not one report's copies in a row.
        return [.. pages.OrderBy(page => page.Published, StringComparer.Ordinal).ThenBy(_ => random.Next())];
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Reword(string text)
    {
        foreach (var (from, to) in Rewordings)
        {
            text = Regex.Replace(text, $@"\b{from}\b", to);
        }

        return WhiteSpace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex WhiteSpace();
}
