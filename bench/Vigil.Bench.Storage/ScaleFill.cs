using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Vigil.Events;
using Vigil.Places;
using Vigil.Storage;

namespace Vigil.Bench.Storage;

/// <summary>
/// bench/scale: fills a SQLite or PostgreSQL store with synthetic events spread over ten years and the hundred largest
/// countries, each with one report (a fifth with two), each report its own article, as `vigil ingest` would have
/// stored them: the store's own migrations make the schema, then rows go in by bulk (prepared statements in one
/// transaction on SQLite; on PostgreSQL binary COPY into bare tables, their keys, indexes and kept counts built after)
/// instead of through the pipeline. The same seed gives the same rows in both engines.
/// </summary>
public static class ScaleFill
{
    private static readonly DateOnly FirstDay = new(2016, 1, 1);
    private const int Days = 3653;

    private static readonly (string Type, double Weight)[] TypeWeights =
    [
        (EventTaxonomy.Battles, 0.30), (EventTaxonomy.ExplosionsRemoteViolence, 0.20), (EventTaxonomy.ViolenceAgainstCivilians, 0.20),
        (EventTaxonomy.Protests, 0.18), (EventTaxonomy.Riots, 0.07), (EventTaxonomy.StrategicDevelopments, 0.05),
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "tu", "be", "sa", "no", "di", "ga", "fe", "ho", "ji", "ku", "ma", "ne", "pa", "ri", "so", "ta",
        "wa", "ye", "zu", "bo", "da", "el", "fa", "gu", "hi", "ko", "lu", "mo", "na", "or", "pe", "qu", "ru", "si", "te", "vu",
    ];

    private static readonly string[] Filler =
    [
        "Residents said the area had been tense for weeks.", "Local officials called for calm.", "Humanitarian groups warned of displacement.",
        "Markets in the town were closed the following day.", "The road to the regional capital was blocked.", "Schools remained shut.",
        "Witnesses described hearing gunfire through the night.", "Aid workers said access was limited.", "Security was increased around the district.",
        "Community leaders met to discuss the situation.", "Several families fled to nearby villages.", "The authorities promised an investigation.",
    ];

    public sealed record Country(string Code, string Name, double Latitude, double Longitude, double SpreadDegrees, double Weight);

    /// <summary>One synthetic report: its article's row values and the event it codes.</summary>
    public sealed record Report(string ArticleId, string Url, string Headline, string Outlet, string Published, string Text, ConflictEvent Event);

    /// <summary>The hundred largest countries of the country table (areas from GeoNames, CC BY 4.0), with Zipf-like weights: a few see most events.</summary>
    public static IReadOnlyList<Country> Countries()
    {
        var rows = Vigil.Places.Countries.All.Where(c => c.AreaKm2 is not null)
            .Select(c => (c.Code, c.Name, Lat: c.Latitude, Lon: c.Longitude, Area: c.AreaKm2!.Value))
            .Where(c => c.Code != "AQ") // no one lives in Antarctica to report on
            .OrderByDescending(c => c.Area).ThenBy(c => c.Code, StringComparer.Ordinal).Take(100).ToList();
        var random = new Random(17);
        return [.. rows.Select((c, i) => new Country(c.Code, c.Name, c.Lat, c.Lon, Math.Clamp(Math.Sqrt(c.Area) / 111 / 3, 0.3, 8), 1 / Math.Pow(i + 1, 0.9)))
            .OrderBy(_ => random.Next())];
    }

    /// <summary>The reports of the store, event by event (one or two reports each), the same for the same seed.</summary>
    public static IEnumerable<IReadOnlyList<Report>> Events(IReadOnlyList<Country> countries, int count, int seed)
    {
        var random = new Random(seed);
        var cumulative = new double[countries.Count];
        var total = 0.0;
        for (var i = 0; i < countries.Count; i++)
        {
            cumulative[i] = total += countries[i].Weight;
        }

        var groups = Enumerable.Range(0, 300).Select(i => $"{Name(i * 7919 + 3, 2)} {(i % 3 == 0 ? "Brigade" : i % 3 == 1 ? "Front" : "Movement")}").ToArray();
        var outlets = Enumerable.Range(0, 50).Select(i => $"The {Name(i * 104729 + 11, 2)} Times").ToArray();
        for (var i = 0; i < count; i++)
        {
            var country = countries[Math.Min(countries.Count - 1, Array.BinarySearch(cumulative, random.NextDouble() * total) is var at && at < 0 ? ~at : at)];
            var roll = random.NextDouble();
            var type = TypeWeights.First(t => (roll -= t.Weight) < 0 || t.Type == TypeWeights[^1].Type).Type;
            var subTypes = EventTaxonomy.SubTypes[type];
            var subType = subTypes[random.Next(subTypes.Length)];
            var date = FirstDay.AddDays(random.Next(Days));
            var latitude = Math.Clamp(country.Latitude + Gaussian(random) * country.SpreadDegrees, -89.5, 89.5);
            var longitude = Math.Clamp(country.Longitude + Gaussian(random) * country.SpreadDegrees, -179.9, 179.9);
            var village = Name(random.Next(64_000), 3);
            var admin1 = $"{Name((country.Code[0] * 64) + country.Code[1], 2)} Region {random.Next(12) + 1}";
            var perpetrator = groups[random.Next(groups.Length)];
            var target = random.Next(2) == 0 ? groups[random.Next(groups.Length)] : "civilians";
            int? killed = random.NextDouble() < 0.45 ? null : (int)Math.Min(500, -Math.Log(1 - random.NextDouble()) * 5);
            int? injured = random.NextDouble() < 0.7 ? null : random.Next(40);
            var reports = random.NextDouble() < 0.2 ? 2 : 1;
            var list = new List<Report>(reports);
            for (var r = 0; r < reports; r++)
            {
                var reportKilled = r == 0 || killed is null ? killed : Math.Max(0, killed.Value + random.Next(-2, 3));
                var outlet = outlets[random.Next(outlets.Length)];
                var source = random.Next(3) switch { 0 => "police", 1 => "local officials", _ => "witnesses" };
                var headline = $"{subType} near {village}, {country.Name}";
                var text = new StringBuilder()
                    .Append(CultureInfo.InvariantCulture, $"{Sentence(type, perpetrator, target, village, admin1, country.Name)} on {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. ")
                    .Append(reportKilled is { } k ? $"{k} people were killed" : "There was no word on casualties")
                    .Append(injured is { } n ? $" and {n} were injured" : "")
                    .Append(CultureInfo.InvariantCulture, $", {source} said. ")
                    .Append(Filler[random.Next(Filler.Length)]).Append(' ').Append(Filler[random.Next(Filler.Length)])
                    .Append(CultureInfo.InvariantCulture, $" (report {i}-{r})").ToString();
                var articleId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
                var incident = new ConflictEvent(
                    type, subType, null, new EventDate(date, DatePrecision.Day),
                    new EventLocation(village, Math.Round(latitude, 5), Math.Round(longitude, 5), country.Code, admin1, PlacePrecision.Town),
                    [new Actor(perpetrator, ActorKind.RebelGroup, perpetrator)], target == "civilians" ? [new Actor("civilians", ActorKind.Civilians, null)] : [new Actor(target, ActorKind.RebelGroup, target)],
                    [], reportKilled is { } best ? new CasualtyCount(best, best, best) : null, injured is { } hurt ? new CasualtyCount(hurt, hurt, hurt) : null, null, null,
                    [new SourceClaim(source, source == "witnesses" ? SourceKind.Witness : SourceKind.Government, "said", false)],
                    Math.Round(0.3 + random.NextDouble() * 0.65, 3), [])
                {
                    Coder = "bench-scale",
                };
                list.Add(new Report(articleId, $"https://{outlet.Replace(' ', '-').ToLowerInvariant()}.example/{i}-{r}", headline, outlet,
                    date.AddDays(r).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text, incident));
            }

            yield return list;
        }
    }

    private static string Sentence(string type, string perpetrator, string target, string village, string admin1, string country) => type switch
    {
        EventTaxonomy.Battles => $"Fighting broke out between the {perpetrator} and {(target == "civilians" ? "soldiers" : "the " + target)} near {village} in {admin1}, {country},",
        EventTaxonomy.ExplosionsRemoteViolence => $"An explosion attributed to the {perpetrator} struck {village} in {admin1}, {country},",
        EventTaxonomy.ViolenceAgainstCivilians => $"Gunmen of the {perpetrator} attacked {target} in {village}, {admin1}, {country},",
        EventTaxonomy.Protests => $"Hundreds of people protested in {village}, {admin1}, {country},",
        EventTaxonomy.Riots => $"Rioters clashed with police in {village}, {admin1}, {country},",
        _ => $"The {perpetrator} announced changes in {village}, {admin1}, {country},",
    };

    private static string Name(int number, int syllables)
    {
        var name = new StringBuilder();
        for (var s = 0; s < syllables; s++)
        {
            name.Append(Syllables[number % Syllables.Length]);
            number /= Syllables.Length;
        }

        return char.ToUpperInvariant(name[0]) + name.ToString(1, name.Length - 1);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) / 2;

    private const string ArticleColumns = "id, canonical_url, seq, source, url, headline, published, outlet, language, text";
    private const string EventColumns = "id, seq, event_type, sub_event_type, event_date, date_precision, location_name, latitude, longitude, country, admin1, "
        + "geo_precision, where_prec, killed_low, killed_best, killed_high, injured_low, injured_best, injured_high, casualty_explanation, claims_count, confidence";
    private const string ClaimColumns = "id, event_id, article_id, event_index, seq, event_type, sub_event_type, event_date, date_precision, location_name, "
        + "latitude, longitude, country, admin1, killed_low, killed_best, killed_high, injured_low, injured_best, injured_high, confidence, event_json, date_min, date_max, coder";

    private static object?[] ArticleRow(Report report, long seq) =>
        [report.ArticleId, ContentIdentity.CanonicalUrl(report.Url), seq, report.Url, report.Url, report.Headline, report.Published, report.Outlet, "en", report.Text];

    private static object?[] EventRow(StoredEvent e, long seq) =>
    [
        e.Id, seq, e.EventType, e.SubEventType, e.Date?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (long?)e.Date?.Precision, e.Location?.Name,
        e.Location?.Latitude, e.Location?.Longitude, e.Location?.Country, e.Location?.Admin1, (long?)e.Location?.Precision?.AcledGeoPrecision,
        (long?)e.Location?.Precision?.UcdpWherePrecision, (long?)e.Killed?.Low, (long?)e.Killed?.Best, (long?)e.Killed?.High, (long?)e.Injured?.Low,
        (long?)e.Injured?.Best, (long?)e.Injured?.High, e.CasualtyExplanation, (long)e.Claims.Count, e.Claims.Max(c => c.Event.Confidence),
    ];

    private static object?[] ClaimRow(StoredClaim claim, long seq)
    {
        var e = claim.Event;
        var day = e.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var widening = IncidentMatcher.Widening(e.Date.Precision);
        return
        [
            claim.Id, claim.EventId, claim.ArticleId, (long)claim.EventIndex, seq, e.EventType, e.SubEventType, day, (long)e.Date.Precision, e.Location?.Name,
            e.Location?.Latitude, e.Location?.Longitude, e.Location?.Country, e.Location?.Admin1, (long?)e.Killed?.Low, (long?)e.Killed?.Best,
            (long?)e.Killed?.High, (long?)e.Injured?.Low, (long?)e.Injured?.Best, (long?)e.Injured?.High, e.Confidence,
            JsonSerializer.Serialize(e, VigilJson.Options), e.Date.Value.AddDays(-widening).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Date.Value.AddDays(widening).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Coder,
        ];
    }

    /// <summary>The rows of one event: its articles, the event (aggregated from its claims as the store does) and its claims.</summary>
    private static (List<object?[]> Articles, object?[] Event, List<object?[]> Claims) Rows(IReadOnlyList<Report> reports, ref long articleSeq, ref long eventSeq, ref long claimSeq)
    {
        var eventId = SqlEventStore.ClaimId(reports[0].ArticleId, 0);
        var claims = reports.Select(r => new StoredClaim(SqlEventStore.ClaimId(r.ArticleId, 0), eventId, r.ArticleId, 0, r.Url, r.Url, r.Outlet, r.Headline, r.Published, r.Event)).ToList();
        var articles = new List<object?[]>(reports.Count);
        var claimRows = new List<object?[]>(reports.Count);
        foreach (var report in reports)
        {
            articles.Add(ArticleRow(report, ++articleSeq));
        }

        foreach (var claim in claims)
        {
            claimRows.Add(ClaimRow(claim, ++claimSeq));
        }

        return (articles, EventRow(ClaimAggregation.Aggregate(eventId, claims), ++eventSeq), claimRows);
    }

    public static void Run(string engine, string target, int count, int seed = 17)
    {
        var countries = Countries();
        var clock = Stopwatch.StartNew();
        var progress = new Progress(count, clock);
        switch (engine)
        {
            case "sqlite":
                FillSqlite(target, Events(countries, count, seed), progress);
                break;
            case "postgres":
                FillPostgres(target, Events(countries, count, seed), progress);
                break;
            default:
                throw new ArgumentException($"unknown store '{engine}' (use sqlite or postgres)");
        }

        Console.Error.WriteLine($"scale: {count.ToString("N0", CultureInfo.InvariantCulture)} events into {engine} in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static void FillSqlite(string path, IEnumerable<IReadOnlyList<Report>> events, Progress progress)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        SqliteEventStore.Open(path).Dispose();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -400000;";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        var articles = Insert(connection, transaction, "articles", ArticleColumns);
        var fts = Insert(connection, transaction, "article_fts", "article_id, headline, text");
        var eventsInsert = Insert(connection, transaction, "events", EventColumns);
        var claims = Insert(connection, transaction, "claims", ClaimColumns);
        long articleSeq = 0, eventSeq = 0, claimSeq = 0;
        foreach (var reports in events)
        {
            var rows = Rows(reports, ref articleSeq, ref eventSeq, ref claimSeq);
            foreach (var row in rows.Articles)
            {
                Run(articles, row);
                Run(fts, [row[0], row[5], row[9]]);
            }

            Run(eventsInsert, rows.Event);
            foreach (var row in rows.Claims)
            {
                Run(claims, row);
            }

            progress.Step();
        }

        // The full-text rows' articles (article_fts_keys), which a search reads, are made from the index by the store's
        // own migration, as on a store upgraded to them: the migration ran on the empty store, before these rows.
        using (var keys = connection.CreateCommand())
        {
            keys.Transaction = transaction;
            keys.CommandText = "DROP TABLE article_fts_keys;" + SqliteEventStore.FullTextKeys;
            keys.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        analyze.ExecuteNonQuery();
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, string columns)
    {
        var names = columns.Split(", ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < names.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            command.Parameters[i].Value = row[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    /// <summary>The tables the fill writes; their indexes and keys are built after the rows are in.</summary>
    private static readonly string[] FilledTables = ["articles", "events", "claims"];

    private static void FillPostgres(string connectionString, IEnumerable<IReadOnlyList<Report>> events, Progress progress)
    {
        PostgresEventStore.Open(connectionString).Dispose();
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        // Index builds sort in memory up to this much instead of spilling to disk (the server's default is 64 MB).
        Execute(connection, "SET maintenance_work_mem = '512MB'");
        using var transaction = connection.BeginTransaction();
        var clock = Stopwatch.StartNew();
        // Rows go into bare tables, and every index, key and kept count is built once over all of them after: keeping
        // a dozen indexes (one of them full-text, keys that are random hashes) and the kept-count triggers up to date
        // row by row is what took the fill over half an hour at a million events. The read indexes and kept counts
        // are undone and made again by the store's own statements (as `indexes create` does); the other keys and
        // indexes as the migrations left them in the catalog, so the schema stays the store's.
        foreach (var statement in PostgresEventStore.UndoReadIndexes)
        {
            Execute(connection, statement);
        }

        var (drop, create) = KeysAndIndexes(connection);
        foreach (var statement in drop)
        {
            Execute(connection, statement);
        }

        // The next chunk of rows is made while the last one is copied, so the generator and the server work at once.
        using var chunks = new BlockingCollection<List<(List<object?[]> Articles, object?[] Event, List<object?[]> Claims)>>(boundedCapacity: 2);
        var producer = Task.Run(() =>
        {
            try
            {
                long articleSeq = 0, eventSeq = 0, claimSeq = 0;
                foreach (var chunk in events.Chunk(20_000))
                {
                    chunks.Add(chunk.Select(reports => Rows(reports, ref articleSeq, ref eventSeq, ref claimSeq)).ToList());
                }
            }
            finally
            {
                chunks.CompleteAdding();
            }
        });
        foreach (var rows in chunks.GetConsumingEnumerable())
        {
            Copy(connection, "articles", ArticleColumns, rows.SelectMany(r => r.Articles));
            Copy(connection, "events", EventColumns, rows.Select(r => r.Event));
            Copy(connection, "claims", ClaimColumns, rows.SelectMany(r => r.Claims));
            foreach (var _ in rows)
            {
                progress.Step();
            }
        }

        producer.GetAwaiter().GetResult();
        var copied = clock.Elapsed.TotalSeconds;
        foreach (var statement in create.Concat(PostgresEventStore.ReadIndexes).Concat(PostgresEventStore.KeptCounts).Append(PostgresEventStore.TypePlaceIndex)
            .Concat(PostgresEventStore.MonthCounts))
        {
            Execute(connection, statement);
        }

        transaction.Commit();
        var indexed = clock.Elapsed.TotalSeconds;
        Execute(connection, "ANALYZE articles; ANALYZE events; ANALYZE claims;");
        Console.Error.WriteLine($"scale: rows copied in {copied:0} s, keys, indexes and kept counts built in {indexed - copied:0} s, analyzed in {clock.Elapsed.TotalSeconds - indexed:0} s");
    }

    /// <summary>
    /// The statements that drop, and then make again, the keys and indexes of the filled tables as the catalog holds
    /// them (foreign keys first to drop, last to make; the indexes that back no key by themselves).
    /// </summary>
    private static (List<string> Drop, List<string> Create) KeysAndIndexes(NpgsqlConnection connection)
    {
        var tables = string.Join(", ", FilledTables.Select(t => $"'{t}'::regclass"));
        var constraints = new List<(string Table, string Name, char Type, string Definition)>();
        using (var command = new NpgsqlCommand(
            $"SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE contype IN ('p', 'u', 'f') "
            + $"AND (conrelid IN ({tables}) OR confrelid IN ({tables})) ORDER BY conname", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                constraints.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<char>(2), reader.GetString(3)));
            }
        }

        var indexes = new List<(string Name, string Definition)>();
        using (var command = new NpgsqlCommand(
            $"SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid IN ({tables}) "
            + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u')) ORDER BY 1", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var foreign = constraints.Where(c => c.Type == 'f').ToList();
        var keys = constraints.Where(c => c.Type != 'f').ToList();
        List<string> drop =
        [
            .. foreign.Concat(keys).Select(c => $"ALTER TABLE {c.Table} DROP CONSTRAINT {c.Name}"),
            .. indexes.Select(i => $"DROP INDEX {i.Name}"),
        ];
        List<string> create =
        [
            .. keys.Concat(foreign).Select(c => $"ALTER TABLE {c.Table} ADD CONSTRAINT {c.Name} {c.Definition}"),
            .. indexes.Select(i => i.Definition),
        ];
        return (drop, create);
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private static void Copy(NpgsqlConnection connection, string table, string columns, IEnumerable<object?[]> rows)
    {
        using var writer = connection.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            writer.StartRow();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        writer.WriteNull();
                        break;
                    case string text:
                        writer.Write(text, NpgsqlDbType.Text);
                        break;
                    case long number:
                        writer.Write(number, NpgsqlDbType.Bigint);
                        break;
                    case double real:
                        writer.Write(real, NpgsqlDbType.Double);
                        break;
                    default:
                        throw new InvalidOperationException($"no COPY type for {value.GetType()}");
                }
            }
        }

        writer.Complete();
    }

    /// <summary>Count, rate and time left on a terminal, every two seconds; nothing when stderr is piped.</summary>
    private sealed class Progress(int total, Stopwatch clock)
    {
        private int done;
        private double shown;

        public void Step()
        {
            done++;
            if (Console.IsErrorRedirected || clock.Elapsed.TotalSeconds - shown < 2)
            {
                return;
            }

            shown = clock.Elapsed.TotalSeconds;
            var rate = done / shown;
            Console.Error.Write($"\rscale: {done.ToString("N0", CultureInfo.InvariantCulture)} / {total.ToString("N0", CultureInfo.InvariantCulture)} events, {rate:0}/s, {(total - done) / rate:0} s left   ");
        }
    }
}
