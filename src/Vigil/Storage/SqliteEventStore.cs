using Microsoft.Data.Sqlite;

namespace Vigil.Storage;

/// <summary>The default store: one SQLite file, with an FTS5 index over article headlines and text.</summary>
public sealed class SqliteEventStore : SqlEventStore
{
    private SqliteEventStore(SqliteConnection connection, IIncidentMatcher? matcher)
        : base(connection, matcher)
    {
    }

    public static SqliteEventStore Open(string path, IIncidentMatcher? matcher = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // No pooling: a closed store must release the file (tests delete it, users move it).
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ToString());
        connection.Open();
        var store = new SqliteEventStore(connection, matcher);
        try
        {
            // WAL with synchronous=NORMAL loses no committed transaction when the process is killed (only on power loss),
            // and lets readers (search, export) run while an ingest writes.
            store.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000; PRAGMA foreign_keys = ON;");
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    protected override IReadOnlyList<Migration> Migrations { get; } =
    [
        CoreSchema("INTEGER", "REAL", "INTEGER PRIMARY KEY AUTOINCREMENT"),
        "CREATE VIRTUAL TABLE article_fts USING fts5 (article_id UNINDEXED, headline, text, tokenize = 'porter unicode61 remove_diacritics 2');",
        $"""
        ALTER TABLE claims ADD COLUMN date_min TEXT;
        ALTER TABLE claims ADD COLUMN date_max TEXT;
        UPDATE claims SET date_min = date(event_date, '-' || ({WideningSql}) || ' days'), date_max = date(event_date, '+' || ({WideningSql}) || ' days')
          WHERE event_date IS NOT NULL;
        CREATE INDEX claims_date_range ON claims (date_min, date_max);
        """,
        ReviewSchema("INTEGER PRIMARY KEY AUTOINCREMENT"),
        // The versions of the event model and cue lexicon that coded each claim, so a re-coding can be told apart.
        "ALTER TABLE claims ADD COLUMN coder TEXT;",
        // The licence and attribution line the input gave for an article's text (JSONL `licence`, `attribution`).
        "ALTER TABLE articles ADD COLUMN licence TEXT; ALTER TABLE articles ADD COLUMN attribution TEXT;",
        // The event each review was made on, kept when a merge moves the review, so the split that undoes it takes it back.
        ReviewOriginSchema,
        // The work queue: several worker processes on one machine share it (issue 17).
        WorkQueueSchema("INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT"),
        // The sources `vigil watch` follows, with their schedules and health (issue 17).
        SourcesSchema("INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT"),
        // Each article's MinHash signature, so a re-published copy of a stored report joins that report's events; and
        // the key of each page read, so a rerun skips stored pages before parsing them.
        TextSignatureSchema("INTEGER") + PageKeySchema,
        // Saved searches that notify a webhook or a file when a new or updated event matches, the outbox of changes
        // they look at, and each delivery with its attempts (issue 17).
        AlertsSchema("INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT"),
        // Each event's confidence in its row, so the API filters and sorts on it in SQL (issue 17: a million events).
        EventConfidenceSchema("REAL"),
        // The indexes the API's reads need at a million events (bench/scale, BENCHMARKS.md "Store at a million events").
        string.Join("\n", ReadIndexes),
        // The counts of events by country, day and type, so a country's statistics by day and a date range's by
        // country are summed, not counted (BENCHMARKS.md "Store at a million events", session 11).
        SchemaOnly(string.Join("\n", KeptCounts)),
        // Which article each full-text row indexes, by the row's number: a search reads the matching row numbers from
        // the index alone, where reading the article id stored in the index read each matching row's whole text
        // (a word in half the reports: 660,000 texts, about a minute at a million events).
        SchemaOnly(FullTextKeys),
        // A box of one type, answered from the index (BENCHMARKS.md "Store at a million events", session 13).
        SchemaOnly(TypePlaceIndex),
        // The counts of events by month and type and by country, month and type, so statistics by month and a date
        // range's totals sum 120 rows a type for ten years (BENCHMARKS.md "Store at a million events", session 14).
        SchemaOnly(string.Join("\n", MonthCounts)),
    ];

    /// <summary>
    /// The counts of events by month and type and by country, month and type (<see cref="SqlEventStore.MonthCountsTables"/>),
    /// kept by triggers on <c>events</c> in the transaction that writes the event, as <see cref="KeptCounts"/> are.
    /// </summary>
    public static IReadOnlyList<string> MonthCounts { get; } =
    [
        MonthCountsTables(" WITHOUT ROWID"),
        $"""
        CREATE TRIGGER events_month_counted AFTER INSERT ON events BEGIN
          INSERT INTO event_month_counts VALUES ({MonthOf("NEW.event_date")}, NEW.event_type, 1)
            ON CONFLICT (event_month, event_type) DO UPDATE SET events = events + 1;
          INSERT INTO event_country_month_counts VALUES (COALESCE(NEW.country, ''), {MonthOf("NEW.event_date")}, NEW.event_type, 1)
            ON CONFLICT (country, event_month, event_type) DO UPDATE SET events = events + 1;
        END;
        CREATE TRIGGER events_month_uncounted AFTER DELETE ON events BEGIN
          UPDATE event_month_counts SET events = events - 1 WHERE event_month = {MonthOf("OLD.event_date")} AND event_type = OLD.event_type;
          UPDATE event_country_month_counts SET events = events - 1
            WHERE country = COALESCE(OLD.country, '') AND event_month = {MonthOf("OLD.event_date")} AND event_type = OLD.event_type;
        END;
        CREATE TRIGGER events_month_recounted AFTER UPDATE OF event_date, event_type, country ON events BEGIN
          UPDATE event_month_counts SET events = events - 1 WHERE event_month = {MonthOf("OLD.event_date")} AND event_type = OLD.event_type;
          UPDATE event_country_month_counts SET events = events - 1
            WHERE country = COALESCE(OLD.country, '') AND event_month = {MonthOf("OLD.event_date")} AND event_type = OLD.event_type;
          INSERT INTO event_month_counts VALUES ({MonthOf("NEW.event_date")}, NEW.event_type, 1)
            ON CONFLICT (event_month, event_type) DO UPDATE SET events = events + 1;
          INSERT INTO event_country_month_counts VALUES (COALESCE(NEW.country, ''), {MonthOf("NEW.event_date")}, NEW.event_type, 1)
            ON CONFLICT (country, event_month, event_type) DO UPDATE SET events = events + 1;
        END;
        """,
    ];

    /// <summary>Undoes <see cref="MonthCounts"/>.</summary>
    public static IReadOnlyList<string> UndoMonthCounts { get; } =
    [
        "DROP TRIGGER IF EXISTS events_month_counted", "DROP TRIGGER IF EXISTS events_month_uncounted", "DROP TRIGGER IF EXISTS events_month_recounted",
        "DROP TABLE IF EXISTS event_month_counts", "DROP TABLE IF EXISTS event_country_month_counts",
    ];

    /// <summary>
    /// Events of one type within a box, from the index alone: with the box index (<c>events_place</c>) each event in
    /// the box's longitude band was read from the table for its type.
    /// </summary>
    public const string TypePlaceIndex = "CREATE INDEX IF NOT EXISTS events_type_place ON events (event_type, longitude, latitude, event_date, id);";

    /// <summary>The table of each full-text row's article (<see cref="FullTextArticleIds"/>), filled from the index.</summary>
    public const string FullTextKeys = """
        CREATE TABLE article_fts_keys (fts_row INTEGER PRIMARY KEY, article_id TEXT NOT NULL);
        INSERT INTO article_fts_keys (fts_row, article_id) SELECT rowid, article_id FROM article_fts;
        CREATE INDEX article_fts_keys_article ON article_fts_keys (article_id);
        """;

    /// <summary>
    /// The counts of events by country, day and type (a missing date or country is ''), kept by triggers on
    /// <c>events</c> in the transaction that writes the event, as the two tables of <see cref="ReadIndexes"/> are.
    /// </summary>
    public static IReadOnlyList<string> KeptCounts { get; } =
    [
        CountryDayCountsTable(" WITHOUT ROWID"),
        """
        CREATE TRIGGER events_country_day_counted AFTER INSERT ON events BEGIN
          INSERT INTO event_country_day_counts VALUES (COALESCE(NEW.country, ''), COALESCE(NEW.event_date, ''), NEW.event_type, 1)
            ON CONFLICT (country, event_date, event_type) DO UPDATE SET events = events + 1;
        END;
        CREATE TRIGGER events_country_day_uncounted AFTER DELETE ON events BEGIN
          UPDATE event_country_day_counts SET events = events - 1
            WHERE country = COALESCE(OLD.country, '') AND event_date = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type;
        END;
        CREATE TRIGGER events_country_day_recounted AFTER UPDATE OF event_date, event_type, country ON events BEGIN
          UPDATE event_country_day_counts SET events = events - 1
            WHERE country = COALESCE(OLD.country, '') AND event_date = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type;
          INSERT INTO event_country_day_counts VALUES (COALESCE(NEW.country, ''), COALESCE(NEW.event_date, ''), NEW.event_type, 1)
            ON CONFLICT (country, event_date, event_type) DO UPDATE SET events = events + 1;
        END;
        """,
    ];

    /// <summary>
    /// What the API's reads need at a million events: indexes for the newest events first (the default list), oldest
    /// first (exports), within a country or a type, within a box, by fatalities and by confidence; and the counts of events by day and type and by
    /// country and type, kept by triggers, so that statistics and totals need not count a million rows. Public so the
    /// benchmark can measure the store without them (<see cref="UndoReadSchema"/>).
    /// </summary>
    public static IReadOnlyList<string> ReadIndexes { get; } =
    [
        "CREATE INDEX events_recent ON events (event_date DESC, id);",
        "CREATE INDEX events_oldest ON events (event_date, id);",
        "CREATE INDEX events_country_recent ON events (country, event_date DESC, id, event_type);",
        "CREATE INDEX events_type_recent ON events (event_type, event_date DESC, id);",
        "CREATE INDEX events_place ON events (longitude, latitude, event_date, id);",
        "CREATE INDEX events_killed ON events (COALESCE(killed_best, 0) DESC, id);",
        "CREATE INDEX events_confidence ON events (confidence);",
        CountTables,
        """
        CREATE TRIGGER events_counted AFTER INSERT ON events BEGIN
          INSERT INTO event_day_counts VALUES (COALESCE(NEW.event_date, ''), NEW.event_type, 1) ON CONFLICT (event_date, event_type) DO UPDATE SET events = events + 1;
          INSERT INTO event_country_counts VALUES (COALESCE(NEW.country, ''), NEW.event_type, 1) ON CONFLICT (country, event_type) DO UPDATE SET events = events + 1;
        END;
        CREATE TRIGGER events_uncounted AFTER DELETE ON events BEGIN
          UPDATE event_day_counts SET events = events - 1 WHERE event_date = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type;
          UPDATE event_country_counts SET events = events - 1 WHERE country = COALESCE(OLD.country, '') AND event_type = OLD.event_type;
        END;
        CREATE TRIGGER events_recounted AFTER UPDATE OF event_date, event_type, country ON events BEGIN
          UPDATE event_day_counts SET events = events - 1 WHERE event_date = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type;
          UPDATE event_country_counts SET events = events - 1 WHERE country = COALESCE(OLD.country, '') AND event_type = OLD.event_type;
          INSERT INTO event_day_counts VALUES (COALESCE(NEW.event_date, ''), NEW.event_type, 1) ON CONFLICT (event_date, event_type) DO UPDATE SET events = events + 1;
          INSERT INTO event_country_counts VALUES (COALESCE(NEW.country, ''), NEW.event_type, 1) ON CONFLICT (country, event_type) DO UPDATE SET events = events + 1;
        END;
        """,
    ];

    /// <summary>Undoes <see cref="KeptCounts"/> alone.</summary>
    public static IReadOnlyList<string> UndoKeptCounts { get; } =
    [
        "DROP TRIGGER IF EXISTS events_country_day_counted", "DROP TRIGGER IF EXISTS events_country_day_uncounted",
        "DROP TRIGGER IF EXISTS events_country_day_recounted", "DROP TABLE IF EXISTS event_country_day_counts",
    ];

    /// <summary>
    /// Undoes <see cref="ReadIndexes"/>, <see cref="KeptCounts"/>, <see cref="FullTextKeys"/>, <see cref="TypePlaceIndex"/>
    /// and <see cref="MonthCounts"/>: the store as the migrations before them left it.
    /// </summary>
    public static IReadOnlyList<string> UndoReadIndexes { get; } =
    [
        .. UndoMonthCounts,
        UndoTypePlaceIndex,
        UndoFullTextKeys,
        .. UndoKeptCounts,
        "DROP INDEX IF EXISTS events_recent", "DROP INDEX IF EXISTS events_oldest", "DROP INDEX IF EXISTS events_country_recent",
        "DROP INDEX IF EXISTS events_type_recent", "DROP INDEX IF EXISTS events_place", "DROP INDEX IF EXISTS events_killed",
        "DROP INDEX IF EXISTS events_confidence", "DROP TRIGGER IF EXISTS events_counted",
        "DROP TRIGGER IF EXISTS events_uncounted", "DROP TRIGGER IF EXISTS events_recounted", "DROP TABLE IF EXISTS event_day_counts",
        "DROP TABLE IF EXISTS event_country_counts",
    ];

    // SQLite's planner compares indexes by their statistics (ANALYZE), and takes an index without any to select about
    // ten rows: in a store analyzed before an upgrade, a new index then wins every query on its first column
    // (events_type_place took `type=Battles` from events_type_recent, and sorted 300,000 events to show 50). So a
    // store that has statistics gets them for the indexes the migrations added; a store without any keeps none.
    protected override void AfterMigrations()
    {
        if (Scalar("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'") is null)
        {
            return;
        }

        foreach (var index in Strings("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL) ORDER BY name"))
        {
            Execute($"ANALYZE \"{index}\"");
        }
    }

    public override IReadOnlyList<string> UndoReadSchema => UndoReadIndexes;

    public override int ReadSchemaMigrations => 6;

    public override IReadOnlyList<string> UndoSchemaOnlyMigrations => [.. UndoMonthCounts, UndoTypePlaceIndex, UndoFullTextKeys, .. UndoKeptCounts];

    private const string UndoFullTextKeys = "DROP TABLE IF EXISTS article_fts_keys";

    private const string UndoTypePlaceIndex = "DROP INDEX IF EXISTS events_type_place";

    public override int SchemaOnlyMigrations => 4;

    protected override string TableExistsSql => "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = @table";

    // 'weekday 0' moves forward to the Sunday that ends the week (a Sunday stays), six days back is its Monday.
    protected override string WeekStart(string day) => $"date({day}, 'weekday 0', '-6 days')";

    protected override string NowSql => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    protected override string FullTextArticleIds =>
        "SELECT article_id FROM article_fts_keys WHERE fts_row IN (SELECT rowid FROM article_fts WHERE article_fts MATCH @query)";

    /// <summary>More matching articles than this and a word is common (<see cref="IsCommonText"/>): 1.7% of a million-event store's.</summary>
    public int CommonWordArticles { get; set; } = 20_000;

    // Counting the matches stops at the threshold and reads only the index's row numbers.
    protected override bool IsCommonText(string fullTextQuery) => MatchesMoreThan(fullTextQuery, CommonWordArticles,
        "SELECT COUNT(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH @query LIMIT @limit)");

    // Any word not common is gathered first (TextMatch: its matches' row numbers, their articles, their events, a few
    // thousand at most), so a page and its capped total are read by one statement (SearchPageAndTotal), where the count
    // and the page apart gathered the word's events twice.
    protected override bool IsRareText(string fullTextQuery) => !IsCommonText(fullTextQuery);

    // Each event's reports are looked up in the index by row number, which FTS5 answers by seeking, not scanning. CROSS
    // JOIN keeps SQLite's order (claims, keys, index): left to choose, it scans the word's matches for every event.
    protected override string CommonTextMatch =>
        """
        EXISTS (SELECT 1 FROM claims c CROSS JOIN article_fts_keys k CROSS JOIN article_fts f
          WHERE c.event_id = events.id AND k.article_id = c.article_id AND f.rowid = k.fts_row AND f.article_fts MATCH @query)
        """;

    protected override Func<string, string>? CommonTextCount => eventCondition => $"""
        SELECT COUNT(*) FROM (
          SELECT DISTINCT c.event_id FROM article_fts f JOIN article_fts_keys k ON k.fts_row = f.rowid JOIN claims c ON c.article_id = k.article_id
          WHERE f.article_fts MATCH @query {eventCondition} LIMIT @cap) capped
        """;

    /// <summary>Each word quoted, so FTS5 operators and punctuation in the user's text are taken literally; words are ANDed.</summary>
    protected override string FullTextQuery(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        return string.Join(' ', words);
    }

    protected override void IndexArticleText(string articleId, string? headline, string text)
    {
        Execute("INSERT INTO article_fts (article_id, headline, text) VALUES (@id, @headline, @text)", ("@id", articleId), ("@headline", headline), ("@text", text));
        Execute("INSERT INTO article_fts_keys (fts_row, article_id) VALUES (last_insert_rowid(), @id)", ("@id", articleId));
    }
}
