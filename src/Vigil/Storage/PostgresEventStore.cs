using Npgsql;

namespace Vigil.Storage;

/// <summary>The team store: PostgreSQL, with a generated tsvector column and a GIN index for full-text search.</summary>
public sealed class PostgresEventStore : SqlEventStore
{
    /// <summary>Any fixed number: the advisory lock every writer (and migration) takes, so that concurrent ingests take turns.</summary>
    public const long WriterLock = 0x5649_4749_4c;

    private PostgresEventStore(NpgsqlConnection connection, IIncidentMatcher? matcher)
        : base(connection, matcher)
    {
    }

    public static PostgresEventStore Open(string connectionString, IIncidentMatcher? matcher = null)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var store = new PostgresEventStore(connection, matcher);
        try
        {
            // A store serves many small reads at once (the API's readers, the workers): a parallel plan hands one of
            // them to extra processes that then compete with the other requests for the same cores. At a million events
            // under 20 readers, search p99 fell from 1.3 s to 0.7 s without them (BENCHMARKS.md, session 16).
            store.Execute("SET max_parallel_workers_per_gather = 0");
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>A setting of this store's session, as PostgreSQL shows it.</summary>
    internal string? Setting(string name) => Scalar("SELECT current_setting(@name)", ("@name", name)) as string;

    protected override IReadOnlyList<Migration> Migrations { get; } =
    [
        CoreSchema("BIGINT", "DOUBLE PRECISION", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
        """
        ALTER TABLE articles ADD COLUMN search tsvector
          GENERATED ALWAYS AS (to_tsvector('english', COALESCE(headline, '') || ' ' || text)) STORED;
        CREATE INDEX articles_search ON articles USING GIN (search);
        """,
        $"""
        ALTER TABLE claims ADD COLUMN date_min TEXT, ADD COLUMN date_max TEXT;
        UPDATE claims SET date_min = to_char(event_date::date - ({WideningSql}), 'YYYY-MM-DD'), date_max = to_char(event_date::date + ({WideningSql}), 'YYYY-MM-DD')
          WHERE event_date IS NOT NULL;
        CREATE INDEX claims_date_range ON claims (date_min, date_max);
        """,
        ReviewSchema("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
        // The versions of the event model and cue lexicon that coded each claim, so a re-coding can be told apart.
        "ALTER TABLE claims ADD COLUMN coder TEXT;",
        // The licence and attribution line the input gave for an article's text (JSONL `licence`, `attribution`).
        "ALTER TABLE articles ADD COLUMN licence TEXT, ADD COLUMN attribution TEXT;",
        // The event each review was made on, kept when a merge moves the review, so the split that undoes it takes it back.
        ReviewOriginSchema,
        // The work queue many workers share (issue 17).
        WorkQueueSchema("BIGINT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
        // The sources `vigil watch` follows, with their schedules and health (issue 17).
        SourcesSchema("BIGINT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
        // Each article's MinHash signature, so a re-published copy of a stored report joins that report's events; and
        // the key of each page read, so a rerun skips stored pages before parsing them.
        TextSignatureSchema("BIGINT") + PageKeySchema,
        // Saved searches that notify a webhook or a file when a new or updated event matches, the outbox of changes
        // they look at, and each delivery with its attempts (issue 17).
        AlertsSchema("BIGINT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"),
        // Each event's confidence in its row, so the API filters and sorts on it in SQL (issue 17: a million events).
        EventConfidenceSchema("DOUBLE PRECISION"),
        // The indexes the API's reads need at a million events (bench/scale, BENCHMARKS.md "Store at a million events").
        string.Join("\n", ReadIndexes),
        // The counts of events by country, day and type, so a country's statistics by day and a date range's by
        // country are summed, not counted (BENCHMARKS.md "Store at a million events", session 11).
        SchemaOnly(string.Join("\n", KeptCounts)),
        // A box of one type, answered from the index (BENCHMARKS.md "Store at a million events", session 13).
        SchemaOnly(TypePlaceIndex),
        // The counts of events by month and type and by country, month and type, so statistics by month and a date
        // range's totals sum 120 rows a type for ten years (BENCHMARKS.md "Store at a million events", session 14).
        SchemaOnly(string.Join("\n", MonthCounts)),
        // A word's events read from the index alone: PostgreSQL fetched each matching report's wide claims row for its
        // event id (BENCHMARKS.md "Store at a million events", session 16).
        SchemaOnly(ClaimsByArticle),
    ];

    /// <summary>Claims by article with their event, replacing the index by article alone, so a search reads no claims row.</summary>
    public const string ClaimsByArticle = "CREATE INDEX IF NOT EXISTS claims_article_event ON claims (article_id, event_id); DROP INDEX IF EXISTS claims_article;";

    private const string UndoClaimsByArticle = "CREATE INDEX IF NOT EXISTS claims_article ON claims (article_id); DROP INDEX IF EXISTS claims_article_event";

    /// <summary>
    /// The counts of events by month and type and by country, month and type (<see cref="SqlEventStore.MonthCountsTables"/>),
    /// kept by a trigger on <c>events</c> in the transaction that writes the event, as <see cref="KeptCounts"/> are.
    /// </summary>
    public static IReadOnlyList<string> MonthCounts { get; } =
    [
        MonthCountsTables(""),
        $"""
        CREATE FUNCTION count_events_by_month() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE event_month_counts SET events = events - 1 WHERE event_month = {MonthOf("OLD.event_date")} AND event_type = OLD.event_type;
            UPDATE event_country_month_counts SET events = events - 1
              WHERE country = COALESCE(OLD.country, '') AND event_month = {MonthOf("OLD.event_date")} AND event_type = OLD.event_type;
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO event_month_counts VALUES ({MonthOf("NEW.event_date")}, NEW.event_type, 1)
              ON CONFLICT (event_month, event_type) DO UPDATE SET events = event_month_counts.events + 1;
            INSERT INTO event_country_month_counts VALUES (COALESCE(NEW.country, ''), {MonthOf("NEW.event_date")}, NEW.event_type, 1)
              ON CONFLICT (country, event_month, event_type) DO UPDATE SET events = event_country_month_counts.events + 1;
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER events_month_counted AFTER INSERT OR DELETE OR UPDATE OF event_date, event_type, country ON events
          FOR EACH ROW EXECUTE FUNCTION count_events_by_month();
        """,
    ];

    /// <summary>Undoes <see cref="MonthCounts"/>.</summary>
    public static IReadOnlyList<string> UndoMonthCounts { get; } =
    [
        "DROP TRIGGER IF EXISTS events_month_counted ON events", "DROP FUNCTION IF EXISTS count_events_by_month()",
        "DROP TABLE IF EXISTS event_month_counts", "DROP TABLE IF EXISTS event_country_month_counts",
    ];

    /// <summary>
    /// Events of one type within a box, from the index alone: with the box index (<c>events_place</c>) each event in
    /// the box's longitude band was read from the table for its type.
    /// </summary>
    public const string TypePlaceIndex = "CREATE INDEX IF NOT EXISTS events_type_place ON events (event_type, longitude, latitude, event_date, id COLLATE \"C\");";

    /// <summary>
    /// The counts of events by country, day and type (a missing date or country is ''), kept by a trigger on
    /// <c>events</c> in the transaction that writes the event, as the two tables of <see cref="ReadIndexes"/> are.
    /// </summary>
    public static IReadOnlyList<string> KeptCounts { get; } =
    [
        CountryDayCountsTable(""),
        """
        CREATE FUNCTION count_events_by_country_day() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE event_country_day_counts SET events = events - 1
              WHERE country = COALESCE(OLD.country, '') AND event_date = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type;
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO event_country_day_counts VALUES (COALESCE(NEW.country, ''), COALESCE(NEW.event_date, ''), NEW.event_type, 1)
              ON CONFLICT (country, event_date, event_type) DO UPDATE SET events = event_country_day_counts.events + 1;
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER events_country_day_counted AFTER INSERT OR DELETE OR UPDATE OF event_date, event_type, country ON events
          FOR EACH ROW EXECUTE FUNCTION count_events_by_country_day();
        """,
    ];

    /// <summary>
    /// What the API's reads need at a million events: indexes for the newest events first (the default list), oldest
    /// first (exports), within a country or a type, within a box, by fatalities and by confidence; and the counts of events by day and type and by
    /// country and type, kept by a trigger, so that statistics and totals need not count a million rows. Ids sort byte
    /// by byte ("C"), as the API's ordinal tie-break does. Public so the benchmark can measure the store without them
    /// (<see cref="UndoReadSchema"/>).
    /// </summary>
    public static IReadOnlyList<string> ReadIndexes { get; } =
    [
        "CREATE INDEX events_recent ON events (event_date DESC NULLS LAST, id COLLATE \"C\");",
        "CREATE INDEX events_oldest ON events (event_date ASC NULLS FIRST, id COLLATE \"C\");",
        "CREATE INDEX events_country_recent ON events (country, event_date DESC NULLS LAST, id COLLATE \"C\", event_type);",
        "CREATE INDEX events_type_recent ON events (event_type, event_date DESC NULLS LAST, id COLLATE \"C\");",
        "CREATE INDEX events_place ON events (longitude, latitude, event_date, id COLLATE \"C\");",
        "CREATE INDEX events_killed ON events (COALESCE(killed_best, 0) DESC, id COLLATE \"C\");",
        "CREATE INDEX events_confidence ON events (confidence);",
        CountTables,
        """
        CREATE FUNCTION count_events() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            UPDATE event_day_counts SET events = events - 1 WHERE event_date = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type;
            UPDATE event_country_counts SET events = events - 1 WHERE country = COALESCE(OLD.country, '') AND event_type = OLD.event_type;
          END IF;
          IF TG_OP IN ('UPDATE', 'INSERT') THEN
            INSERT INTO event_day_counts VALUES (COALESCE(NEW.event_date, ''), NEW.event_type, 1)
              ON CONFLICT (event_date, event_type) DO UPDATE SET events = event_day_counts.events + 1;
            INSERT INTO event_country_counts VALUES (COALESCE(NEW.country, ''), NEW.event_type, 1)
              ON CONFLICT (country, event_type) DO UPDATE SET events = event_country_counts.events + 1;
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER events_counted AFTER INSERT OR DELETE OR UPDATE OF event_date, event_type, country ON events
          FOR EACH ROW EXECUTE FUNCTION count_events();
        """,
    ];

    /// <summary>Undoes <see cref="KeptCounts"/> alone.</summary>
    public static IReadOnlyList<string> UndoKeptCounts { get; } =
    [
        "DROP TRIGGER IF EXISTS events_country_day_counted ON events", "DROP FUNCTION IF EXISTS count_events_by_country_day()",
        "DROP TABLE IF EXISTS event_country_day_counts",
    ];

    /// <summary>
    /// Undoes <see cref="ReadIndexes"/>, <see cref="KeptCounts"/>, <see cref="TypePlaceIndex"/>, <see cref="MonthCounts"/> and <see cref="ClaimsByArticle"/>:
    /// the store as the migrations before them left it.
    /// </summary>
    public static IReadOnlyList<string> UndoReadIndexes { get; } =
    [
        UndoClaimsByArticle,
        .. UndoMonthCounts,
        UndoTypePlaceIndex,
        .. UndoKeptCounts,
        "DROP INDEX IF EXISTS events_recent", "DROP INDEX IF EXISTS events_oldest", "DROP INDEX IF EXISTS events_country_recent",
        "DROP INDEX IF EXISTS events_type_recent", "DROP INDEX IF EXISTS events_place", "DROP INDEX IF EXISTS events_killed",
        "DROP INDEX IF EXISTS events_confidence", "DROP TRIGGER IF EXISTS events_counted ON events",
        "DROP FUNCTION IF EXISTS count_events()", "DROP TABLE IF EXISTS event_day_counts", "DROP TABLE IF EXISTS event_country_counts",
    ];

    public override IReadOnlyList<string> UndoReadSchema => UndoReadIndexes;

    public override int ReadSchemaMigrations => 6;

    public override IReadOnlyList<string> UndoSchemaOnlyMigrations => [UndoClaimsByArticle, .. UndoMonthCounts, UndoTypePlaceIndex, .. UndoKeptCounts];

    private const string UndoTypePlaceIndex = "DROP INDEX IF EXISTS events_type_place";

    public override int SchemaOnlyMigrations => 4;

    protected override string TableExistsSql => "SELECT 1 WHERE to_regclass(@table) IS NOT NULL";

    protected override string OrdinalText(string column) => $"{column} COLLATE \"C\"";

    protected override string FloorToInteger(string expression) => $"CAST(floor({expression}) AS INTEGER)";

    protected override string WeekStart(string day) => $"to_char(date_trunc('week', CAST({day} AS date)), 'YYYY-MM-DD')";

    protected override string ClaimLock => " FOR UPDATE SKIP LOCKED";

    protected override string NowSql => "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

    protected override string FullTextArticleIds => "SELECT id FROM articles WHERE search @@ plainto_tsquery('english', @query)";

    protected override string FullTextQuery(string text) => text;

    // Written as EXISTS, the planner chooses by the word: a rare one is looked up in the GIN index and joined to its
    // few events; a common one (in half the reports) walks the events in the page's order, checking each event's
    // reports, and stops when the page (or the capped count) is full, instead of joining 600,000 matches first.
    protected override string TextMatch =>
        "EXISTS (SELECT 1 FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.event_id = events.id AND a.search @@ plainto_tsquery('english', @query))";

    /// <summary>
    /// At most this many matching articles and a word is rare (<see cref="IsRareText"/>): gathering a word's events
    /// costs about as much per match as walking the events costs per event checked, and a page of 50 walks about 50
    /// million / matches events at a million (BENCHMARKS.md "Store at a million events", session 13).
    /// </summary>
    public int RareWordArticles { get; set; } = 5_000;

    // Counting stops past the threshold and reads the index and the matches' rows (8 ms for a word in half the reports
    // at a million events).
    protected override bool IsRareText(string fullTextQuery) => !MatchesMoreThan(fullTextQuery, RareWordArticles,
        "SELECT COUNT(*) FROM (SELECT 1 FROM articles WHERE search @@ plainto_tsquery('english', @query) LIMIT @limit) capped");

    // The word's events as one array, made once: left to choose, the planner walks the events newest first and checks
    // each one's reports, which for a word in 4,000 of 1.2 million reports reads 30,000 events to fill a page.
    protected override string RareTextMatch =>
        "events.id = ANY (ARRAY(SELECT c.event_id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.search @@ plainto_tsquery('english', @query)))";

    protected override void IndexArticleText(string articleId, string? headline, string text)
    {
        // The generated column indexes the text by itself.
    }

    // A session lock taken before BEGIN, not a transaction lock inside it: a serializable transaction's snapshot is taken
    // by its first statement, so a writer that waited for the lock inside the transaction would read what was there
    // before the last writer committed, and fail with 40001 (or, migrating, with 42P07 "relation already exists").
    protected override void BeginWriting() => Execute("SELECT pg_advisory_lock(@lock)", ("@lock", WriterLock));

    protected override void EndWriting()
    {
        if (Connection.State == System.Data.ConnectionState.Open)
        {
            Execute("SELECT pg_advisory_unlock(@lock)", ("@lock", WriterLock));
        }
    }

    protected override bool IsTransient(Exception failure) =>
        failure is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };
}
