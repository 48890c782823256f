using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Vigil.Events;
using Vigil.Ingest;

namespace Vigil.Storage;

/// <summary>
/// One step of a store's schema. <paramref name="ReadsEventsAgain"/>: the build that added it may read stored events
/// differently, so an upgraded store re-reads its merged and corrected events and signs unsigned articles; false for a
/// step that only adds indexes or kept tables (<see cref="SqlEventStore.SchemaOnly"/>).
/// </summary>
public sealed record Migration(string Sql, bool ReadsEventsAgain = true)
{
    public static implicit operator Migration(string sql) => FromSql(sql);

    public static Migration FromSql(string sql) => new(sql);
}

/// <summary>
/// The store over plain ADO.NET, shared by SQLite and PostgreSQL: the SQL here is the common subset both speak
/// (ON CONFLICT, named parameters, TEXT dates in ISO order), and the subclasses supply only what differs: column
/// types, full-text search, and how writers are serialized.
/// </summary>
public abstract partial class SqlEventStore : IVigilStore
{
    private readonly IIncidentMatcher matcher;
    private DbTransaction? transaction;

    protected SqlEventStore(DbConnection connection, IIncidentMatcher? matcher)
    {
        Connection = connection;
        this.matcher = matcher ?? IncidentMatcher.Default;
    }

    protected DbConnection Connection { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>A migration that only adds indexes or kept tables: upgrading across it reads no event again.</summary>
    protected static Migration SchemaOnly(string sql) => new(sql, ReadsEventsAgain: false);

    /// <summary>The version a store reaches once every migration of this build has run.</summary>
    public int LatestSchemaVersion => Migrations.Count;

    /// <summary>Column types and full-text set-up in this dialect; migration N is <c>Migrations[N - 1]</c>. Never edit one that shipped: add another.</summary>
    protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>A subquery selecting the ids of articles whose text matches the parameter @query.</summary>
    protected abstract string FullTextArticleIds { get; }

    /// <summary>The user's words in the form the full-text engine expects for the @query parameter.</summary>
    protected abstract string FullTextQuery(string text);

    /// <summary>Adds an article to the full-text index, for engines that do not index a column by themselves.</summary>
    protected abstract void IndexArticleText(string articleId, string? headline, string text);

    /// <summary>
    /// Called before a write transaction begins (and before migrating), so that two processes writing one database take
    /// turns; a lock taken here is held before the transaction's snapshot is, so the writer sees what the last one wrote.
    /// </summary>
    protected virtual void BeginWriting()
    {
    }

    /// <summary>Releases what <see cref="BeginWriting"/> took, after the transaction has ended.</summary>
    protected virtual void EndWriting()
    {
    }

    /// <summary>True for a failure that says only "another transaction got in the way; try again" (serialization failure, deadlock).</summary>
    protected virtual bool IsTransient(Exception failure) => false;

    /// <summary>How write transactions that failed transiently are retried.</summary>
    public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

    protected void Migrate()
    {
        // Two processes opening a fresh database at once must not both create the tables: the lock makes them take turns.
        // Waiting for it can itself be a deadlock the database breaks (40P01, a worker holding rows while it waits), which
        // is retried like any write.
        TransientRetry.Run(
            () =>
            {
                BeginWriting();
                try
                {
                    MigrateLocked();
                }
                finally
                {
                    EndWriting();
                }

                return true;
            },
            IsTransient,
            Retry);
    }

    /// <summary>Runs in the migrations' transaction when any ran: what an engine must do about the objects they added.</summary>
    protected virtual void AfterMigrations()
    {
    }

    private void MigrateLocked()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        InTransaction(() =>
        {
            var current = Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
            for (var version = current + 1; version <= Migrations.Count; version++)
            {
                Execute(Migrations[version - 1].Sql);
                Execute("INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)", ("@version", version), ("@at", Now()));
            }

            if (current < Migrations.Count)
            {
                AfterMigrations();
            }

            // Migrations that only add indexes or kept tables leave what a stored row means as it was: upgrading a store
            // of millions across them must not re-read every merged event and sign every article (minutes to hours).
            var readsAgain = Migrations.Skip(current).Any(migration => migration.ReadsEventsAgain);
            if (current < Migrations.Count && readsAgain)
            {
                SignUnsignedArticles();
            }

            if (current > 0 && current < Migrations.Count && readsAgain)
            {
                // A newer version may read events differently (corrections on top, the count rule of merged reports):
                // the stored rows that depend on it are read again, so the indexed filters agree with every view.
                foreach (var id in Strings("SELECT id FROM events WHERE claims_count > 1 OR id IN (SELECT event_id FROM reviews WHERE action = 'correct') ORDER BY seq"))
                {
                    RefreshEvent(id);
                }
            }
        });
        SchemaVersion = Convert.ToInt32(Scalar("SELECT MAX(version) FROM schema_version"), CultureInfo.InvariantCulture);
    }

    public bool ContainsUrl(string url) =>
        ContentIdentity.CanonicalUrl(url) is { } canonical && Scalar("SELECT 1 FROM articles WHERE canonical_url = @url", ("@url", canonical)) is not null;

    public StoreResult StorePage(ProcessedPage page)
    {
        var article = page.Article;
        var articleId = ContentIdentity.ContentHash(article.Text);
        var canonicalUrl = ContentIdentity.CanonicalUrl(article.Url);
        var signature = TextSignature.Of(article.Text);
        return InTransaction(() =>
        {
            var existing = Scalar("SELECT id FROM articles WHERE id = @id OR canonical_url = @url", ("@id", articleId), ("@url", canonicalUrl));
            if (existing is string existingId)
            {
                RememberPage(page.PageKey, existingId);
                return new StoreResult(StoreStatus.Duplicate, existingId, [], 0, 0);
            }

            Execute(
                """
                INSERT INTO articles (id, canonical_url, seq, source, url, headline, standfirst, byline, published, outlet, language, text, licence, attribution)
                VALUES (@id, @canonical, (SELECT COALESCE(MAX(seq), 0) + 1 FROM articles), @source, @url, @headline, @standfirst, @byline, @published, @outlet, @language, @text,
                  @licence, @attribution)
                """,
                ("@id", articleId), ("@canonical", canonicalUrl), ("@source", article.Source), ("@url", article.Url), ("@headline", article.Headline),
                ("@standfirst", article.Standfirst), ("@byline", article.Byline), ("@published", article.Published), ("@outlet", article.Outlet),
                ("@language", article.Language), ("@text", article.Text), ("@licence", article.Licence), ("@attribution", article.Attribution));
            IndexArticleText(articleId, article.Headline, article.Text);
            var twins = SignAndFindTwins(articleId, signature);
            RememberPage(page.PageKey, articleId);

            var eventIds = new List<string>();
            int newEvents = 0, merged = 0;
            for (var index = 0; index < page.Events.Count; index++)
            {
                var claimEvent = page.Events[index];
                var claim = new StoredClaim(ClaimId(articleId, index), "", articleId, index, article.Source, article.Url, article.Outlet, article.Headline, article.Published, claimEvent)
                {
                    Licence = article.Licence,
                    Attribution = article.Attribution,
                };
                var match = SameReportEvent(twins, claim) ?? FindSameIncident(claim);
                string eventId;
                if (match is { } found)
                {
                    eventId = found.EventId;
                    InsertClaim(claim with { EventId = eventId });
                    RefreshEvent(eventId);
                    Audit("auto-merge", eventId, null, [claim.Id], found.Reason);
                    RecordChange(eventId, ChangeUpdated);
                    merged++;
                }
                else
                {
                    eventId = claim.Id;
                    InsertEvent(ClaimAggregation.Aggregate(eventId, [claim with { EventId = eventId }]));
                    InsertClaim(claim with { EventId = eventId });
                    RecordChange(eventId, ChangeNew);
                    newEvents++;
                }

                eventIds.Add(eventId);
            }

            return new StoreResult(StoreStatus.Added, articleId, eventIds, newEvents, merged);
        });
    }

    /// <summary>Stable across runs and databases: derived from the article's content, not from insertion order.</summary>
    public static string ClaimId(string articleId, int eventIndex) => $"{articleId[..16]}-{eventIndex}";

    private (string EventId, string Reason)? FindSameIncident(StoredClaim claim)
    {
        var incident = claim.Event;
        if (incident.Date is null || incident.Location is null || IncidentMatcher.Family(incident.EventType) is not { } family)
        {
            return null;
        }

        // Candidates: events with a claim of the same family whose date range (date ± its precision) comes within the
        // window of this one's, in the same country when both say. Indexed, so the cost does not grow with the database.
        var reach = matcher.DayWindow + IncidentMatcher.Widening(incident.Date.Precision);
        var types = EventTaxonomy.SubTypes.Keys.Where(type => IncidentMatcher.Family(type) == family).ToList();
        var parameters = new List<(string, object?)>
        {
            ("@from", Iso(incident.Date.Value.AddDays(-reach))),
            ("@to", Iso(incident.Date.Value.AddDays(reach))),
        };
        parameters.AddRange(types.Select((type, i) => ($"@type{i}", (object?)type)));
        var countryCondition = "";
        if (incident.Location?.Country is { } country)
        {
            countryCondition = " AND (c.country = @country OR c.country IS NULL)";
            parameters.Add(("@country", country.ToUpperInvariant()));
        }

        var candidateIds = Strings(
            $"""
            SELECT id FROM events WHERE id IN (
              SELECT c.event_id FROM claims c
              WHERE c.event_type IN ({string.Join(", ", types.Select((_, i) => $"@type{i}"))}) AND c.date_min <= @to AND c.date_max >= @from{countryCondition})
            ORDER BY seq
            """,
            [.. parameters]);
        if (candidateIds.Count == 0)
        {
            return null;
        }

        (string EventId, double Score, int Claims)? best = null;
        foreach (var (eventId, claims) in ClaimsOf(candidateIds))
        {
            // Two incidents in one article are two incidents: its author already told them apart.
            if (claims.Any(other => other.ArticleId == claim.ArticleId))
            {
                continue;
            }

            var distances = claims.Select(other => matcher.Distance(incident, other.Event)).ToList();
            if (distances.Any(d => d is null))
            {
                continue;
            }

            var score = distances.Max(d => d!.Value);
            if (best is null || score < best.Value.Score)
            {
                best = (eventId, score, claims.Count);
            }
        }

        return best is { } chosen
            ? (chosen.EventId, $"same incident as {chosen.Claims} earlier report(s): same type family, date and place within the window, compatible actors and counts (distance {chosen.Score.ToString("0.0", CultureInfo.InvariantCulture)})")
            : null;
    }

    /// <summary>The event as every view and export reads it: its claims, then the analysts' corrections on top.</summary>
    public StoredEvent? GetEvent(string id) => Read([id]).SingleOrDefault();

    public IReadOnlyList<StoredEvent> Search(EventQuery query)
    {
        var (where, parameters) = Conditions(query);
        return Read(Strings($"SELECT id FROM events {where} ORDER BY event_date, seq", [.. parameters]));
    }

    public void MergeEvents(string keepId, string otherId, string reason)
    {
        if (keepId == otherId)
        {
            throw new StoreException($"cannot merge event {keepId} with itself");
        }

        InTransaction(() =>
        {
            RequireEvent(keepId);
            RequireEvent(otherId);
            var moved = Strings("SELECT id FROM claims WHERE event_id = @id ORDER BY seq", ("@id", otherId));
            Execute("UPDATE claims SET event_id = @keep WHERE event_id = @other", ("@keep", keepId), ("@other", otherId));
            // The analysts' decisions follow the reports: nothing reviewed is lost with the event that ends. Each keeps
            // the event it was made on (reviewed_event_id), so the split that undoes this merge takes it back.
            Execute("UPDATE reviews SET event_id = @keep WHERE event_id = @other", ("@keep", keepId), ("@other", otherId));
            Execute("DELETE FROM events WHERE id = @other", ("@other", otherId));
            RefreshEvent(keepId);
            Audit("merge", keepId, otherId, moved, reason);
            RecordChange(keepId, ChangeUpdated);
            return 0;
        });
    }

    public string SplitClaim(string eventId, string claimId, string reason) => InTransaction(() =>
    {
        RequireEvent(eventId);
        var claimIds = Strings("SELECT id FROM claims WHERE event_id = @id ORDER BY seq", ("@id", eventId));
        if (!claimIds.Contains(claimId))
        {
            throw new StoreException($"claim {claimId} is not in event {eventId}");
        }

        if (claimIds.Count == 1)
        {
            throw new StoreException($"event {eventId} has only one claim; there is nothing to split");
        }

        // The split-off event is named after its claim, as it would have been had it never been merged.
        var newId = claimId;
        for (var n = 2; Scalar("SELECT 1 FROM events WHERE id = @id", ("@id", newId)) is not null; n++)
        {
            newId = $"{claimId}~{n}";
        }

        var claim = ClaimsOf([eventId])[eventId].Single(c => c.Id == claimId);
        InsertEvent(ClaimAggregation.Aggregate(newId, [claim with { EventId = newId }]));
        Execute("UPDATE claims SET event_id = @new WHERE id = @claim", ("@new", newId), ("@claim", claimId));
        // Decisions made on the event this report once was (before a merge brought it here) go back with it; those
        // made on the merged event stay.
        Execute("UPDATE reviews SET event_id = @new WHERE event_id = @event AND reviewed_event_id = @new", ("@new", newId), ("@event", eventId));
        RefreshEvent(eventId);
        RefreshEvent(newId);
        Audit("split", eventId, newId, [claimId], reason);
        RecordChange(eventId, ChangeUpdated);
        RecordChange(newId, ChangeNew);
        return newId;
    });

    public IReadOnlyList<AuditEntry> AuditLog()
    {
        var entries = new List<AuditEntry>();
        using var command = Command("SELECT id, at, action, event_id, other_event_id, claim_ids, reason FROM audit_log ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [], reader.GetString(6)));
        }

        return entries;
    }

    public StoreCounts Counts() => new(
        Convert.ToInt32(Scalar("SELECT COUNT(*) FROM articles"), CultureInfo.InvariantCulture),
        Convert.ToInt32(Scalar("SELECT COUNT(*) FROM events"), CultureInfo.InvariantCulture),
        Convert.ToInt32(Scalar("SELECT COUNT(*) FROM claims"), CultureInfo.InvariantCulture));

    /// <summary>Every row of the named tables in a fixed order, as text; for comparing two databases.</summary>
    public IReadOnlyList<string> Dump(params string[] tables)
    {
        var lines = new List<string>();
        foreach (var table in tables)
        {
            using var command = Command($"SELECT * FROM {table} ORDER BY 1, 2");
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // Derived full-text columns are engine-specific; the data itself must be the same in every engine.
                var values = Enumerable.Range(0, reader.FieldCount)
                    .Where(i => reader.GetName(i) != "search")
                    .Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                lines.Add($"{table}: {string.Join(" | ", values)}");
            }
        }

        return lines;
    }

    private void RequireEvent(string id)
    {
        if (Scalar("SELECT 1 FROM events WHERE id = @id", ("@id", id)) is null)
        {
            throw new StoreException($"no event {id}");
        }
    }

    /// <summary>Writes the event's reading (claims, then corrections) into its row, which the indexed filters search.</summary>
    private void RefreshEvent(string eventId)
    {
        var aggregate = Read([eventId]).Single();
        Execute(
            """
            UPDATE events SET event_type = @type, sub_event_type = @subtype, plover_type = @plover, plover_mode = @mode, event_date = @date,
              date_precision = @precision, location_name = @place, latitude = @lat, longitude = @lon, country = @country, admin1 = @admin1,
              geo_precision = @geo, where_prec = @where, killed_low = @klow, killed_best = @kbest, killed_high = @khigh, injured_low = @ilow,
              injured_best = @ibest, injured_high = @ihigh, casualty_explanation = @explanation, claims_count = @claims, confidence = @confidence
            WHERE id = @id
            """,
            [.. EventColumns(aggregate)]);
    }

    private void InsertEvent(StoredEvent aggregate) =>
        Execute(
            """
            INSERT INTO events (id, seq, event_type, sub_event_type, plover_type, plover_mode, event_date, date_precision, location_name, latitude,
              longitude, country, admin1, geo_precision, where_prec, killed_low, killed_best, killed_high, injured_low, injured_best, injured_high,
              casualty_explanation, claims_count, confidence)
            VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events), @type, @subtype, @plover, @mode, @date, @precision, @place, @lat, @lon,
              @country, @admin1, @geo, @where, @klow, @kbest, @khigh, @ilow, @ibest, @ihigh, @explanation, @claims, @confidence)
            """,
            [.. EventColumns(aggregate)]);

    private static IEnumerable<(string, object?)> EventColumns(StoredEvent e) =>
    [
        ("@id", e.Id), ("@type", e.EventType), ("@subtype", e.SubEventType), ("@plover", e.Plover?.Type), ("@mode", e.Plover?.Mode),
        ("@date", e.Date is null ? null : Iso(e.Date.Value)), ("@precision", (int?)e.Date?.Precision), ("@place", e.Location?.Name),
        ("@lat", e.Location?.Latitude), ("@lon", e.Location?.Longitude), ("@country", e.Location?.Country?.ToUpperInvariant()),
        ("@admin1", e.Location?.Admin1), ("@geo", e.Location?.Precision?.AcledGeoPrecision), ("@where", e.Location?.Precision?.UcdpWherePrecision),
        ("@klow", e.Killed?.Low), ("@kbest", e.Killed?.Best), ("@khigh", e.Killed?.High), ("@ilow", e.Injured?.Low), ("@ibest", e.Injured?.Best),
        ("@ihigh", e.Injured?.High), ("@explanation", e.CasualtyExplanation), ("@claims", e.Claims.Count), ("@confidence", Confidence(e)),
    ];

    private void InsertClaim(StoredClaim claim)
    {
        var e = claim.Event;
        Execute(
            """
            INSERT INTO claims (id, event_id, article_id, event_index, seq, event_type, sub_event_type, event_date, date_precision, location_name,
              latitude, longitude, country, admin1, killed_low, killed_best, killed_high, injured_low, injured_best, injured_high, weapon, reason,
              confidence, event_json, date_min, date_max, coder)
            VALUES (@id, @event, @article, @index, (SELECT COALESCE(MAX(seq), 0) + 1 FROM claims), @type, @subtype, @date, @precision, @place,
              @lat, @lon, @country, @admin1, @klow, @kbest, @khigh, @ilow, @ibest, @ihigh, @weapon, @reason, @confidence, @json, @datemin, @datemax, @coder)
            """,
            ("@coder", e.Coder),
            ("@datemin", e.Date is null ? null : Iso(e.Date.Value.AddDays(-IncidentMatcher.Widening(e.Date.Precision)))),
            ("@datemax", e.Date is null ? null : Iso(e.Date.Value.AddDays(IncidentMatcher.Widening(e.Date.Precision)))),
            ("@id", claim.Id), ("@event", claim.EventId), ("@article", claim.ArticleId), ("@index", claim.EventIndex), ("@type", e.EventType),
            ("@subtype", e.SubEventType), ("@date", e.Date is null ? null : Iso(e.Date.Value)), ("@precision", (int?)e.Date?.Precision),
            ("@place", e.Location?.Name), ("@lat", e.Location?.Latitude), ("@lon", e.Location?.Longitude), ("@country", e.Location?.Country?.ToUpperInvariant()),
            ("@admin1", e.Location?.Admin1), ("@klow", e.Killed?.Low), ("@kbest", e.Killed?.Best), ("@khigh", e.Killed?.High), ("@ilow", e.Injured?.Low),
            ("@ibest", e.Injured?.Best), ("@ihigh", e.Injured?.High), ("@weapon", e.Weapon), ("@reason", e.Reason), ("@confidence", e.Confidence),
            ("@json", JsonSerializer.Serialize(e, VigilJson.Options)));

        var actors = e.Perpetrators.Select(a => ("perpetrator", a)).Concat(e.Targets.Select(a => ("target", a))).ToList();
        for (var i = 0; i < actors.Count; i++)
        {
            var (role, actor) = actors[i];
            Execute(
                "INSERT INTO claim_actors (claim_id, position, role, name, kind, actor_group) VALUES (@claim, @position, @role, @name, @kind, @group)",
                ("@claim", claim.Id), ("@position", i), ("@role", role), ("@name", actor.Name), ("@kind", EnumName(actor.Kind)), ("@group", actor.Group));
        }

        for (var i = 0; i < e.Victims.Count; i++)
        {
            var victim = e.Victims[i];
            Execute(
                """
                INSERT INTO claim_victims (claim_id, position, name, age, gender, relation, relative_of, outcome)
                VALUES (@claim, @position, @name, @age, @gender, @relation, @relative, @outcome)
                """,
                ("@claim", claim.Id), ("@position", i), ("@name", victim.Name), ("@age", victim.Age), ("@gender", EnumName(victim.Gender)),
                ("@relation", victim.Relation), ("@relative", victim.RelativeOf), ("@outcome", EnumName<VictimOutcome>(victim.Outcome)));
        }

        for (var i = 0; i < e.Sources.Count; i++)
        {
            var source = e.Sources[i];
            Execute(
                "INSERT INTO claim_sources (claim_id, position, name, kind, verb, hedged) VALUES (@claim, @position, @name, @kind, @verb, @hedged)",
                ("@claim", claim.Id), ("@position", i), ("@name", source.Name), ("@kind", EnumName<SourceKind>(source.Kind)), ("@verb", source.Verb), ("@hedged", source.Hedged ? 1 : 0));
        }

        for (var i = 0; i < e.Evidence.Count; i++)
        {
            var evidence = e.Evidence[i];
            Execute(
                "INSERT INTO evidence (claim_id, position, field, start_offset, end_offset, text) VALUES (@claim, @position, @field, @start, @end, @text)",
                ("@claim", claim.Id), ("@position", i), ("@field", evidence.Field), ("@start", evidence.Start), ("@end", evidence.End), ("@text", evidence.Text));
        }
    }

    private Dictionary<string, List<StoredClaim>> ClaimsOf(IReadOnlyList<string> eventIds)
    {
        var result = new Dictionary<string, List<StoredClaim>>();
        // Chunks keep the parameter count under every engine's limit.
        foreach (var chunk in eventIds.Distinct().Chunk(500))
        {
            var names = chunk.Select((_, i) => $"@e{i}").ToList();
            using var command = Command(
                $"""
                SELECT c.id, c.event_id, c.article_id, c.event_index, a.source, a.url, a.outlet, a.headline, a.published, c.event_json, a.licence, a.attribution
                FROM claims c JOIN articles a ON a.id = c.article_id
                WHERE c.event_id IN ({string.Join(", ", names)}) ORDER BY c.seq
                """,
                [.. chunk.Select((id, i) => (names[i], (object?)id))]);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                var claim = new StoredClaim(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
                    reader.GetString(4), Text(5), Text(6), Text(7), Text(8),
                    JsonSerializer.Deserialize<ConflictEvent>(reader.GetString(9), VigilJson.Options)
                        ?? throw new InvalidDataException($"claim {reader.GetString(0)} has no event"))
                {
                    Licence = Text(10),
                    Attribution = Text(11),
                };
                if (!result.TryGetValue(claim.EventId, out var list))
                {
                    result[claim.EventId] = list = [];
                }

                list.Add(claim);
            }
        }

        return result;
    }

    private void Audit(string action, string eventId, string? otherEventId, IReadOnlyList<string> claimIds, string reason) =>
        Execute(
            "INSERT INTO audit_log (at, action, event_id, other_event_id, claim_ids, reason) VALUES (@at, @action, @event, @other, @claims, @reason)",
            ("@at", Now()), ("@action", action), ("@event", eventId), ("@other", otherEventId), ("@claims", JsonSerializer.Serialize(claimIds)), ("@reason", reason));

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? EnumName<T>(T? value) where T : struct, Enum =>
        value is null ? null : JsonSerializer.Serialize(value.Value, VigilJson.Options).Trim('"');

    /// <summary>Runs the work in one serializable transaction, again from the start when the database aborts it transiently.</summary>
    protected T InTransaction<T>(Func<T> work) => TransientRetry.Run(() => InTransactionOnce(work), IsTransient, Retry);

    private T InTransactionOnce<T>(Func<T> work)
    {
        BeginWriting();
        try
        {
            transaction = Connection.BeginTransaction(IsolationLevel.Serializable);
            try
            {
                var result = work();
                transaction.Commit();
                return result;
            }
            catch
            {
                RollBackQuietly(transaction);
                throw;
            }
            finally
            {
                transaction.Dispose();
                transaction = null;
            }
        }
        finally
        {
            EndWriting();
        }
    }

    /// <summary>A failed commit may have ended the transaction already; the first failure is the one to report.</summary>
    private static void RollBackQuietly(DbTransaction failed)
    {
        try
        {
            failed.Rollback();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
        }
    }

    private void InTransaction(Action work) => InTransaction(() =>
    {
        work();
        return 0;
    });

    protected DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    protected object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    protected List<string> Strings(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>The schema both dialects share, with the column types named by <paramref name="integer"/>, <paramref name="real"/> and <paramref name="identity"/>.</summary>
    protected static string CoreSchema(string integer, string real, string identity) =>
        $"""
        CREATE TABLE articles (
          id TEXT PRIMARY KEY, canonical_url TEXT UNIQUE, seq {integer} NOT NULL UNIQUE, source TEXT NOT NULL, url TEXT, headline TEXT,
          standfirst TEXT, byline TEXT, published TEXT, outlet TEXT, language TEXT, text TEXT NOT NULL);
        CREATE TABLE events (
          id TEXT PRIMARY KEY, seq {integer} NOT NULL UNIQUE, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, plover_type TEXT, plover_mode TEXT,
          event_date TEXT, date_precision {integer}, location_name TEXT, latitude {real}, longitude {real}, country TEXT, admin1 TEXT,
          geo_precision {integer}, where_prec {integer}, killed_low {integer}, killed_best {integer}, killed_high {integer}, injured_low {integer},
          injured_best {integer}, injured_high {integer}, casualty_explanation TEXT NOT NULL, claims_count {integer} NOT NULL);
        CREATE INDEX events_type_date ON events (event_type, event_date);
        CREATE INDEX events_date ON events (event_date);
        CREATE TABLE claims (
          id TEXT PRIMARY KEY, event_id TEXT NOT NULL REFERENCES events (id), article_id TEXT NOT NULL REFERENCES articles (id),
          event_index {integer} NOT NULL, seq {integer} NOT NULL UNIQUE, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, event_date TEXT,
          date_precision {integer}, location_name TEXT, latitude {real}, longitude {real}, country TEXT, admin1 TEXT, killed_low {integer},
          killed_best {integer}, killed_high {integer}, injured_low {integer}, injured_best {integer}, injured_high {integer}, weapon TEXT,
          reason TEXT, confidence {real} NOT NULL, event_json TEXT NOT NULL);
        CREATE INDEX claims_event ON claims (event_id);
        CREATE INDEX claims_article ON claims (article_id);
        CREATE TABLE claim_actors (
          claim_id TEXT NOT NULL REFERENCES claims (id), position {integer} NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, kind TEXT,
          actor_group TEXT, PRIMARY KEY (claim_id, position));
        CREATE TABLE claim_victims (
          claim_id TEXT NOT NULL REFERENCES claims (id), position {integer} NOT NULL, name TEXT, age {integer}, gender TEXT, relation TEXT,
          relative_of TEXT, outcome TEXT NOT NULL, PRIMARY KEY (claim_id, position));
        CREATE TABLE claim_sources (
          claim_id TEXT NOT NULL REFERENCES claims (id), position {integer} NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, verb TEXT NOT NULL,
          hedged {integer} NOT NULL, PRIMARY KEY (claim_id, position));
        CREATE TABLE evidence (
          claim_id TEXT NOT NULL REFERENCES claims (id), position {integer} NOT NULL, field TEXT NOT NULL, start_offset {integer} NOT NULL,
          end_offset {integer} NOT NULL, text TEXT NOT NULL, PRIMARY KEY (claim_id, position));
        CREATE TABLE audit_log (
          id {identity}, at TEXT NOT NULL, action TEXT NOT NULL, event_id TEXT NOT NULL, other_event_id TEXT, claim_ids TEXT NOT NULL,
          reason TEXT NOT NULL);
        """;

    /// <summary>SQL for the days a claim's date may be off by, from its date_precision column (as <see cref="IncidentMatcher.Widening"/>).</summary>
    protected static string WideningSql =>
        $"CASE date_precision {string.Join(" ", Enum.GetValues<DatePrecision>().Select(p => $"WHEN {(int)p} THEN {IncidentMatcher.Widening(p)}"))} ELSE {IncidentMatcher.Widening(DatePrecision.Year)} END";

    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }
}
