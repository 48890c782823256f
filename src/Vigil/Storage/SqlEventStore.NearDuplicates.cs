using System.Globalization;
using Vigil.Events;

namespace Vigil.Storage;

/// <summary>
/// Re-published reports: a page whose text is a near-duplicate of a stored article (a syndicated copy, the same report
/// under another URL with a sentence added or its boilerplate changed) reports what that article reported, so its
/// events join that article's events as second claims, even when neither names a date or a place for the matcher.
/// </summary>
public abstract partial class SqlEventStore
{
    /// <summary>
    /// The estimated shingle similarity (Jaccard, 0–1) from which a text is the same report as a stored one; null turns
    /// the comparison off. Chosen on half of the bench fixture (bench/storage/republished.sh, BENCHMARKS.md).
    /// </summary>
    public double? NearDuplicateSimilarity { get; set; } = DefaultNearDuplicateSimilarity;

    public const double DefaultNearDuplicateSimilarity = 0.4;

    /// <summary>Migration: each article's MinHash signature, and its band keys indexed to find candidate twins.</summary>
    protected static string TextSignatureSchema(string integer) => $"""
        CREATE TABLE article_signatures (article_id TEXT PRIMARY KEY REFERENCES articles (id), shingles {integer} NOT NULL, signature TEXT NOT NULL);
        CREATE TABLE article_bands (band_key {integer} NOT NULL, article_id TEXT NOT NULL REFERENCES articles (id));
        CREATE INDEX article_bands_key ON article_bands (band_key);
        """;

    /// <summary>Migration: the key (<see cref="RawPage.ContentKey"/>) of every page read, and the article it gave.</summary>
    protected const string PageKeySchema = """
        CREATE TABLE page_keys (page_key TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles (id));
        """;

    public IReadOnlySet<string> StoredPageKeys() => Strings("SELECT page_key FROM page_keys").ToHashSet(StringComparer.Ordinal);

    private void RememberPage(string? pageKey, string articleId)
    {
        if (pageKey is not null)
        {
            Execute("INSERT INTO page_keys (page_key, article_id) VALUES (@key, @article) ON CONFLICT (page_key) DO NOTHING", ("@key", pageKey), ("@article", articleId));
        }
    }

    /// <summary>Signs the articles stored before signatures were kept (or by a build that did not keep them).</summary>
    protected void SignUnsignedArticles()
    {
        var unsigned = new List<(string Id, string Text)>();
        using (var command = Command("SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures) ORDER BY seq"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                unsigned.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (id, text) in unsigned)
        {
            SaveSignature(id, TextSignature.Of(text));
        }
    }

    /// <summary>Keeps the article's signature, and returns the stored articles it is a near-duplicate of, the most similar first.</summary>
    private List<(string ArticleId, double Similarity)> SignAndFindTwins(string articleId, TextSignature signature)
    {
        var twins = new List<(string ArticleId, double Similarity)>();
        if (NearDuplicateSimilarity is { } threshold && signature.IsComparable)
        {
            var keys = signature.BandKeys();
            var names = keys.Select((_, i) => $"@k{i}").ToList();
            var candidates = new List<(string Id, string Signature)>();
            using (var command = Command(
                $"""
                SELECT s.article_id, s.signature FROM article_signatures s
                WHERE s.article_id IN (SELECT article_id FROM article_bands WHERE band_key IN ({string.Join(", ", names)}))
                ORDER BY s.article_id
                """,
                [.. keys.Select((key, i) => (names[i], (object?)key))]))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    candidates.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (id, encoded) in candidates)
            {
                var other = TextSignature.Decode(encoded);
                var similarity = signature.Similarity(other);
                if (other.IsComparable && similarity >= threshold)
                {
                    twins.Add((id, similarity));
                }
            }
        }

        SaveSignature(articleId, signature);
        return [.. twins.OrderByDescending(twin => twin.Similarity).ThenBy(twin => twin.ArticleId, StringComparer.Ordinal)];
    }

    private void SaveSignature(string articleId, TextSignature signature)
    {
        Execute(
            "INSERT INTO article_signatures (article_id, shingles, signature) VALUES (@id, @shingles, @signature)",
            ("@id", articleId), ("@shingles", signature.Shingles), ("@signature", signature.Encode()));
        if (!signature.IsComparable)
        {
            return;
        }

        // One statement for the 32 bands, not one each: every statement is a round trip, taken while the writers' lock
        // is held, and 32 of them were most of the time another worker waited for it.
        var keys = signature.BandKeys().Distinct().ToList();
        Execute(
            "INSERT INTO article_bands (band_key, article_id) VALUES " + string.Join(", ", keys.Select((_, i) => $"(@key{i}, @id)")),
            [.. keys.Select((key, i) => ($"@key{i}", (object?)key)), ("@id", articleId)]);
    }

    /// <summary>
    /// Whether two codings can be of one report: nothing the matcher calls a contradiction, and, stricter than the
    /// matcher (which allows for revised tolls across outlets), counts whose ranges overlap and day dates at most a day
    /// apart. A wire story re-issued for another incident keeps the words and changes the figures and the day.
    /// </summary>
    private bool SameReportFits(ConflictEvent a, ConflictEvent b) =>
        !matcher.Contradicts(a, b) && RangesOverlap(a.Killed, b.Killed) && RangesOverlap(a.Injured, b.Injured)
        && (a.Date is not { Precision: DatePrecision.Day } dateA || b.Date is not { Precision: DatePrecision.Day } dateB
            || Math.Abs(dateA.Value.DayNumber - dateB.Value.DayNumber) <= 1);

    private static bool RangesOverlap(CasualtyCount? a, CasualtyCount? b) =>
        a is null || b is null || (a.Low <= (b.High ?? int.MaxValue) && b.Low <= (a.High ?? int.MaxValue));

    /// <summary>The event of the most similar twin article that this claim fits (see the overload for one twin).</summary>
    private (string EventId, string Reason)? SameReportEvent(List<(string ArticleId, double Similarity)> twins, StoredClaim claim) =>
        twins.Select(twin => SameReportEvent(twin, claim)).FirstOrDefault(match => match is not null);

    /// <summary>
    /// The event of the twin article that this claim reports again: the twin's event of the same type family, the one at
    /// the same position in the article first, that no claim of it contradicts (another date, another place, counts
    /// too far apart) and that this article has no claim in yet. Null when none fits: the matcher then decides.
    /// </summary>
    private (string EventId, string Reason)? SameReportEvent((string ArticleId, double Similarity) twin, StoredClaim claim)
    {
        var family = IncidentMatcher.Family(claim.Event.EventType);
        if (family is null)
        {
            return null;
        }

        var twinClaims = new List<(string EventId, int Index)>();
        using (var command = Command("SELECT event_id, event_index FROM claims WHERE article_id = @article ORDER BY event_index", ("@article", twin.ArticleId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                twinClaims.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }
        }

        if (twinClaims.Count == 0)
        {
            return null;
        }

        var events = ClaimsOf([.. twinClaims.Select(c => c.EventId)]);
        foreach (var (eventId, _) in twinClaims.OrderBy(c => c.Index == claim.EventIndex ? 0 : 1).ThenBy(c => c.Index))
        {
            var claims = events[eventId];
            if (claims.Any(other => other.ArticleId == claim.ArticleId)
                || claims.Any(other => IncidentMatcher.Family(other.Event.EventType) != family || !SameReportFits(claim.Event, other.Event)))
            {
                continue;
            }

            var similarity = twin.Similarity.ToString("0.00", CultureInfo.InvariantCulture);
            return (eventId, $"same report as article {twin.ArticleId[..16]} (text similarity {similarity}): re-published or syndicated copy");
        }

        return null;
    }
}
