using System.Globalization;
using Vigil.Events;

namespace Vigil.Storage;

/// <summary>
/// The figures of /api/stats: counts by period and type (<see cref="ByDay"/>, each period named by its first day, at
/// <see cref="Grain"/>; events without a date are in no period), by type and by country.
/// </summary>
public sealed record EventStatistics(
    int Events, IReadOnlyList<(string Day, string EventType, int Count)> ByDay, IReadOnlyList<(string Key, int Count)> ByType,
    IReadOnlyList<(string Key, int Count)> ByCountry, TimeGrain Grain);

/// <summary>How many events match a query: exact, or (<paramref name="More"/>) the cap of a count that stopped there.</summary>
public readonly record struct EventTotal(int Count, bool More);

/// <summary>One cell of the map's grid: how many located events fall in it, where their centre is, and how many they killed.</summary>
public sealed record MapCell(double Latitude, double Longitude, int Count, long Killed, string CommonestType);

/// <summary>
/// Reads that stay fast on a store of millions of events: the database filters, sorts, counts, pages and aggregates,
/// and only the events of one page (or of one batch of an export) are read whole.
/// </summary>
public abstract partial class SqlEventStore
{
    /// <summary>The sort orders of <see cref="SearchPage"/>: by date, fatalities or confidence, "-" for descending; ties by id.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["date", "-date", "killed", "-killed", "confidence", "-confidence"];

    /// <summary>How many events match.</summary>
    public int CountEvents(EventQuery query) => CountEventsUpTo(query, int.MaxValue - 1).Count;

    /// <summary>
    /// How many events match, counted no further than <paramref name="cap"/>: a filter the kept counts answer is
    /// always exact; any other stops counting rows after the cap (<see cref="EventTotal.More"/>), so a list of half a
    /// million events costs what one of ten thousand does.
    /// </summary>
    public EventTotal CountEventsUpTo(EventQuery query, int cap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        if (KeptCounts(query, Grain.Total) is var (table, keptWhere, keptParameters))
        {
            // Filters of dates, country and type are summed from the kept counts (a few thousand rows at most).
            return new EventTotal(Convert.ToInt32(Scalar($"SELECT COALESCE(SUM(events), 0) FROM {table} {keptWhere}", [.. keptParameters]), CultureInfo.InvariantCulture), false);
        }

        string sql;
        List<(string, object?)> values;
        if (!string.IsNullOrWhiteSpace(query.Text) && CommonTextCount is { } commonCount && IsCommonText(FullTextQuery(query.Text)))
        {
            // A word in a large share of the reports: its matches are read from the full-text index until the cap.
            (var others, values) = Conditions(query with { Text = null });
            values.Add(("@query", FullTextQuery(query.Text)));
            sql = commonCount(others.Length == 0 ? "" : $"AND EXISTS (SELECT 1 FROM events {others} AND events.id = c.event_id)");
        }
        else
        {
            (var conditions, values) = Conditions(query);
            sql = $"SELECT COUNT(*) FROM (SELECT 1 AS one FROM events {conditions} LIMIT @cap) capped";
        }

        values.Add(("@cap", (long)cap + 1));
        var count = Convert.ToInt64(Scalar(sql, [.. values]), CultureInfo.InvariantCulture);
        return count > cap ? new EventTotal(cap, true) : new EventTotal((int)count, false);
    }

    /// <summary>One page of the matching events in the given order (see <see cref="Sorts"/>).</summary>
    public IReadOnlyList<StoredEvent> SearchPage(EventQuery query, string sort, int offset, int limit)
    {
        var (where, parameters) = Conditions(query, oneEventAtATime: true);
        parameters.AddRange([("@limit", limit), ("@offset", offset)]);
        return Read(Strings($"SELECT id FROM events {where} ORDER BY {OrderBy(sort)} LIMIT @limit OFFSET @offset", [.. parameters]));
    }

    /// <summary>
    /// One page of the matching events (<see cref="SearchPage"/>) and their total counted up to <paramref name="cap"/>
    /// (<see cref="CountEventsUpTo"/>). A rare word's events (<see cref="IsRareText"/>) are gathered once for both: the
    /// page's statement counts every match it sorts (a few thousand, at most tens of thousands), where the count and the
    /// page apart gathered them twice.
    /// </summary>
    public (EventTotal Total, IReadOnlyList<StoredEvent> Page) SearchPageAndTotal(EventQuery query, string sort, int offset, int limit, int cap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        if (string.IsNullOrWhiteSpace(query.Text) || !IsRareText(FullTextQuery(query.Text)))
        {
            return (CountEventsUpTo(query, cap), SearchPage(query, sort, offset, limit));
        }

        var (where, parameters) = Conditions(query, oneEventAtATime: true);
        parameters.AddRange([("@limit", limit), ("@offset", offset)]);
        var ids = new List<string>();
        long? matches = null;
        using (var command = Command($"SELECT id, COUNT(*) OVER () FROM events {where} ORDER BY {OrderBy(sort)} LIMIT @limit OFFSET @offset", [.. parameters]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
                matches = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        // A page past the last match has no row to carry the count.
        var total = matches is { } count ? (count > cap ? new EventTotal(cap, true) : new EventTotal((int)count, false))
            : offset == 0 ? new EventTotal(0, false) : CountEventsUpTo(query, cap);
        return (total, Read(ids));
    }

    /// <summary>
    /// Every matching event in the given order, read a batch at a time as the caller enumerates, so an export of a
    /// hundred thousand events holds their ids and one batch, not every event. Only the ids are read up front: the
    /// batches that follow see the events as they are when read.
    /// </summary>
    public IEnumerable<StoredEvent> StreamEvents(EventQuery query, string sort, int batchSize = 500)
    {
        var (where, parameters) = Conditions(query);
        var ids = Strings($"SELECT id FROM events {where} ORDER BY {OrderBy(sort)}", [.. parameters]);
        return ids.Chunk(batchSize).SelectMany(batch => Read(batch));
    }

    /// <summary>
    /// Counts by period and type, by type and by country, computed by the database (from the kept counts where they
    /// answer). The periods are of <paramref name="grain"/>, or, when none is given, of the grain that suits the range
    /// (<see cref="TimeGrains.ForSpan"/>): the query's dates, an end it leaves open being the first or last day of the
    /// matching events.
    /// </summary>
    public EventStatistics Statistics(EventQuery query, TimeGrain? grain = null)
    {
        var (where, parameters) = Conditions(query);
        var kept = KeptCounts(query, Grain.Day);
        if (grain is null && query.From is { } from && query.To is { } to)
        {
            grain = TimeGrains.ForSpan(from, to);
        }
        else if (grain is null && kept is var (keptTable, keptWhere, keptParameters))
        {
            // The kept counts give the first and last matching day from their keys. Asked apart, each is one seek at
            // an end of the key on SQLite too (asked together, SQLite read the 22,000 rows of a decade by day and type).
            var firstAndLast = $"SELECT (SELECT MIN(event_date) FROM {keptTable} {keptWhere} AND event_date <> ''), (SELECT MAX(event_date) FROM {keptTable} {keptWhere} AND event_date <> '')";
            using var command = Command(firstAndLast, [.. keptParameters]);
            using var reader = command.ExecuteReader();
            grain = reader.Read() && !reader.IsDBNull(0) ? GrainOfRange(query, reader.GetString(0), reader.GetString(1)) : TimeGrain.Day;
        }

        // By month, the kept counts by month answer (their rows are dated by the month's first day, which the period
        // below leaves as it is); by day or week, those by day.
        var (dayTable, dayWhere, dayParameters) = (grain == TimeGrain.Month ? KeptCounts(query, Grain.Month) : kept) ?? ("events", where, parameters);

        // Other filters (text, box, confidence) would read their events twice for the first and last day: their
        // counts are read by day, and gathered into longer periods below when their span calls for it.
        var period = PeriodStart("event_date", grain ?? TimeGrain.Day);
        var byPeriod = new Dictionary<(string Day, string EventType), int>();
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        var countExpression = dayTable == "events" ? "COUNT(*)" : "SUM(events)";
        using (var command = Command($"SELECT {period} AS period, event_type, {countExpression} FROM {dayTable} {dayWhere} GROUP BY period, event_type", [.. dayParameters]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var count = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
                var type = reader.GetString(1);
                if (count == 0)
                {
                    continue;
                }

                byType[type] = byType.GetValueOrDefault(type) + count;
                if (!reader.IsDBNull(0) && reader.GetString(0).Length > 0)
                {
                    byPeriod[(reader.GetString(0), type)] = count;
                }
            }
        }

        if (grain is null)
        {
            var days = byPeriod.Keys.Select(k => k.Day).ToList();
            grain = days.Count == 0 ? TimeGrain.Day : GrainOfRange(query, days.Min(StringComparer.Ordinal)!, days.Max(StringComparer.Ordinal)!);
            if (grain != TimeGrain.Day)
            {
                byPeriod = byPeriod.GroupBy(pair => (Day: Iso(grain.Value.PeriodOf(ParseDay(pair.Key.Day))), pair.Key.EventType))
                    .ToDictionary(g => g.Key, g => g.Sum(pair => pair.Value));
            }
        }

        var byCountry = new List<(string Key, int Count)>();
        var (countryTable, countryWhere, countryParameters) = KeptCounts(query, Grain.Country) ?? ("events", where, parameters);
        countExpression = countryTable == "events" ? "COUNT(*)" : "SUM(events)";
        using (var command = Command($"SELECT country, {countExpression} FROM {countryTable} {countryWhere} GROUP BY country", [.. countryParameters]))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                if (count > 0)
                {
                    byCountry.Add((reader.IsDBNull(0) || reader.GetString(0).Length == 0 ? "unknown" : reader.GetString(0), count));
                }
            }
        }

        return new EventStatistics(
            byType.Values.Sum(),
            [.. byPeriod.Select(pair => (pair.Key.Day, pair.Key.EventType, pair.Value)).OrderBy(d => d.Day, StringComparer.Ordinal).ThenBy(d => d.EventType, StringComparer.Ordinal)],
            [.. byType.Select(pair => (pair.Key, pair.Value)).OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal)],
            [.. byCountry.OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal)],
            grain.Value);
    }

    /// <summary>The grain of the query's range, its open ends being the first and last matching days given (yyyy-mm-dd).</summary>
    private static TimeGrain GrainOfRange(EventQuery query, string firstDay, string lastDay) =>
        TimeGrains.ForSpan(query.From ?? ParseDay(firstDay), query.To ?? ParseDay(lastDay));

    private static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// SQL for the first day (yyyy-mm-dd) of the period at <paramref name="grain"/> that the date column
    /// <paramref name="day"/> falls in; a missing day ('' in the kept counts, NULL in the events) stays as it is.
    /// </summary>
    private string PeriodStart(string day, TimeGrain grain) => grain switch
    {
        TimeGrain.Week => $"CASE WHEN {day} <> '' THEN {WeekStart(day)} ELSE {day} END",
        TimeGrain.Month => $"CASE WHEN {day} <> '' THEN substr({day}, 1, 7) || '-01' ELSE {day} END",
        _ => day,
    };

    /// <summary>SQL for the Monday (yyyy-mm-dd) of the week of a date column that holds yyyy-mm-dd.</summary>
    protected abstract string WeekStart(string day);

    private const string DayCounts = "event_day_counts";

    private const string CountryCounts = "event_country_counts";

    private const string CountryDayCounts = "event_country_day_counts";

    private const string MonthCounts = "event_month_counts";

    private const string CountryMonthCounts = "event_country_month_counts";

    /// <summary>Migration: the counts of events by day and type and by country and type (a missing date or country is ''), filled from the events.</summary>
    protected const string CountTables = """
        CREATE TABLE event_day_counts (event_date TEXT NOT NULL, event_type TEXT NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (event_date, event_type));
        CREATE TABLE event_country_counts (country TEXT NOT NULL, event_type TEXT NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (country, event_type));
        INSERT INTO event_day_counts (event_date, event_type, events)
          SELECT COALESCE(event_date, ''), event_type, COUNT(*) FROM events GROUP BY COALESCE(event_date, ''), event_type;
        INSERT INTO event_country_counts (country, event_type, events)
          SELECT COALESCE(country, ''), event_type, COUNT(*) FROM events GROUP BY COALESCE(country, ''), event_type;
        """;

    /// <summary>
    /// Migration: the counts of events by month and type and by country, month and type (a month is named by its first
    /// day, yyyy-mm-01; a missing date or country is ''), filled from the events, with an index by month for a date
    /// range's counts by country. Ten years are 120 months: a type's timeline, or a country's, sums 120 rows, where by
    /// day it summed 3,650. <paramref name="tableOptions"/>: SQLite's WITHOUT ROWID (the key is the table).
    /// </summary>
    protected static string MonthCountsTables(string tableOptions) => $"""
        CREATE TABLE event_month_counts (
          event_month TEXT NOT NULL, event_type TEXT NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (event_month, event_type)){tableOptions};
        CREATE TABLE event_country_month_counts (
          country TEXT NOT NULL, event_month TEXT NOT NULL, event_type TEXT NOT NULL, events INTEGER NOT NULL,
          PRIMARY KEY (country, event_month, event_type)){tableOptions};
        INSERT INTO event_month_counts (event_month, event_type, events)
          SELECT {MonthOf("event_date")}, event_type, COUNT(*) FROM events GROUP BY {MonthOf("event_date")}, event_type;
        INSERT INTO event_country_month_counts (country, event_month, event_type, events)
          SELECT COALESCE(country, ''), {MonthOf("event_date")}, event_type, COUNT(*) FROM events
          GROUP BY COALESCE(country, ''), {MonthOf("event_date")}, event_type;
        CREATE INDEX event_country_month_counts_by_month ON event_country_month_counts (event_month, country, event_type, events);
        """;

    /// <summary>SQL for the month (its first day, yyyy-mm-01) of a date column that holds yyyy-mm-dd; '' when it is NULL.</summary>
    protected static string MonthOf(string day) => $"COALESCE(substr({day}, 1, 7) || '-01', '')";

    /// <summary>
    /// Migration: the counts of events by country, day and type, filled from the events, with an index by day for
    /// a date range's counts by country. <paramref name="tableOptions"/>: SQLite's WITHOUT ROWID (the key is the table).
    /// </summary>
    protected static string CountryDayCountsTable(string tableOptions) => $"""
        CREATE TABLE event_country_day_counts (
          country TEXT NOT NULL, event_date TEXT NOT NULL, event_type TEXT NOT NULL, events INTEGER NOT NULL,
          PRIMARY KEY (country, event_date, event_type)){tableOptions};
        INSERT INTO event_country_day_counts (country, event_date, event_type, events)
          SELECT COALESCE(country, ''), COALESCE(event_date, ''), event_type, COUNT(*) FROM events
          GROUP BY COALESCE(country, ''), COALESCE(event_date, ''), event_type;
        CREATE INDEX event_country_day_counts_by_day ON event_country_day_counts (event_date, country, event_type, events);
        """;

    /// <summary>SQL that undoes the read migration (its indexes and kept counts), for measuring and testing the store without it.</summary>
    public abstract IReadOnlyList<string> UndoReadSchema { get; }

    /// <summary>How many of the last migrations <see cref="UndoReadSchema"/> undoes, with the confidence column of the first of them.</summary>
    public abstract int ReadSchemaMigrations { get; }

    /// <summary>SQL that undoes the last migrations, those that only add kept tables (for testing an upgrade across them).</summary>
    public abstract IReadOnlyList<string> UndoSchemaOnlyMigrations { get; }

    /// <summary>How many of the last migrations <see cref="UndoSchemaOnlyMigrations"/> undoes.</summary>
    public abstract int SchemaOnlyMigrations { get; }

    private readonly Dictionary<string, bool> keptTables = new(StringComparer.Ordinal);

    /// <summary>What a statistic is grouped by: nothing (a total), the day and type, the month and type, or the country.</summary>
    private enum Grain
    {
        Total,
        Day,
        Month,
        Country,
    }

    /// <summary>
    /// The kept counts that answer the query at the grain, as a table (or a derived table) and its WHERE clause: the
    /// smallest that holds every column the query filters or groups on (dates, country, type). A date range's total or
    /// counts by country, and counts by month, read the range's whole months from the month counts
    /// (<see cref="KeptMonths"/>). Null when the query filters on anything else (text, box, sub-type, confidence,
    /// review), or the store has none of them.
    /// </summary>
    private (string Table, string Where, List<(string, object?)> Parameters)? KeptCounts(EventQuery query, Grain grain)
    {
        var typeOnly = query.EventType is not { } type || (EventTaxonomy.SubTypes.ContainsKey(type) && EventTaxonomy.TypeOf(type) is null);
        if (!typeOnly || !string.IsNullOrWhiteSpace(query.Text) || query.BoundingBox is not null || query.SubEventType is not null
            || query.MinConfidence is > 0 || query.Review is not null)
        {
            return null;
        }

        var dated = query.From is not null || query.To is not null;
        var byCountry = query.Country is not null || grain == Grain.Country;
        var conditions = new List<string> { "events > 0" };
        var parameters = new List<(string, object?)>();
        if (query.EventType is not null)
        {
            conditions.Add("event_type = @type");
            parameters.Add(("@type", query.EventType));
        }

        if (query.Country is { } country)
        {
            conditions.Add("country = @country");
            parameters.Add(("@country", country.ToUpperInvariant()));
        }

        if (grain != Grain.Day && (dated || grain == Grain.Month) && KeptMonths(query, byCountry, conditions, parameters) is { } months)
        {
            return months;
        }

        var byDay = dated || grain is Grain.Day or Grain.Month;
        var table = (byCountry, byDay) switch
        {
            (true, true) => CountryDayCounts,
            (false, true) => DayCounts,
            _ => CountryCounts,
        };
        if (!IsKept(table))
        {
            return null;
        }

        if (dated)
        {
            // Undated events are kept under '', which no date range holds.
            conditions.Add("event_date <> ''");
            AddDateRange(query, conditions, parameters);
        }

        return (table, "WHERE " + string.Join(" AND ", conditions), parameters);
    }

    private bool IsKept(string table)
    {
        if (!keptTables.TryGetValue(table, out var kept))
        {
            keptTables[table] = kept = Scalar(TableExistsSql, ("@table", table)) is not null;
        }

        return kept;
    }

    /// <summary>
    /// The kept counts of the query's range as one derived table of <c>event_date</c>, <c>country</c> (with
    /// <paramref name="byCountry"/>), <c>event_type</c> and <c>events</c>: the months the range holds whole from the
    /// month counts, each row dated by its month's first day, and the days at either end that fill no whole month from
    /// the day counts, each by its day. Summed by month, by country or in all, the rows give what the day counts
    /// would, from about 120 rows a type and country for ten years instead of 3,650. Null when the store has no month counts.
    /// </summary>
    private (string Table, string Where, List<(string, object?)> Parameters)? KeptMonths(
        EventQuery query, bool byCountry, List<string> conditions, List<(string, object?)> parameters)
    {
        var (monthTable, dayTable) = byCountry ? (CountryMonthCounts, CountryDayCounts) : (MonthCounts, DayCounts);
        if (!IsKept(monthTable) || !IsKept(dayTable))
        {
            return null;
        }

        parameters = [.. parameters];
        var columns = byCountry ? "country, event_type, events" : "event_type, events";
        var keys = string.Join(" AND ", conditions);

        // The whole months run from wholeStart (inclusive) to wholeEnd (exclusive), each a month's first day; null is an
        // open end. A range that holds no whole month is read by day alone.
        var from = query.From;
        var to = query.To;
        var wholeStart = from is not { } first ? null : first.Day == 1 ? first : MonthAfter(first);
        var wholeEnd = to is not { } last ? null : last.Day == DateTime.DaysInMonth(last.Year, last.Month) ? MonthAfter(last) : new DateOnly(last.Year, last.Month, 1);
        var anyWholeMonth = (from is null || wholeStart is not null) && !(wholeStart is { } startDay && wholeEnd is { } endDay && startDay >= endDay);
        var arms = new List<string>();
        var monthConditions = new List<string> { keys };
        if (from is not null || to is not null)
        {
            // Undated events are kept under '', which no date range holds.
            monthConditions.Add("event_month <> ''");
        }

        if (anyWholeMonth)
        {
            if (wholeStart is { } start)
            {
                monthConditions.Add("event_month >= @wholestart");
                parameters.Add(("@wholestart", Iso(start)));
            }

            if (wholeEnd is { } end)
            {
                monthConditions.Add("event_month < @wholeend");
                parameters.Add(("@wholeend", Iso(end)));
            }

            arms.Add($"SELECT event_month AS event_date, {columns} FROM {monthTable} WHERE {string.Join(" AND ", monthConditions)}");
        }

        var dayConditions = $"{keys} AND event_date <> ''";
        var usesTo = false;
        if (from is { } since && (!anyWholeMonth || wholeStart != since))
        {
            // The days before the first whole month (or, with none, the whole range).
            parameters.Add(("@from", Iso(since)));
            var until = anyWholeMonth ? "AND event_date < @wholestart" : to is not null ? "AND event_date <= @to" : "";
            usesTo = !anyWholeMonth && to is not null;
            arms.Add($"SELECT event_date, {columns} FROM {dayTable} WHERE {dayConditions} AND event_date >= @from {until}");
        }

        if (to is { } through && anyWholeMonth && wholeEnd is not null && wholeEnd != MonthAfter(through))
        {
            // The days after the last whole month.
            usesTo = true;
            arms.Add($"SELECT event_date, {columns} FROM {dayTable} WHERE {dayConditions} AND event_date >= @wholeend AND event_date <= @to");
        }

        if (usesTo)
        {
            parameters.Add(("@to", Iso(to!.Value)));
        }

        return ($"({string.Join(" UNION ALL ", arms)}) kept", "", parameters);
    }

    /// <summary>The first day of the month after the day's, or null past the last month a date can name.</summary>
    private static DateOnly? MonthAfter(DateOnly day) => day.Year == DateOnly.MaxValue.Year && day.Month == 12 ? null : new DateOnly(day.Year, day.Month, 1).AddMonths(1);

    /// <summary>A query that returns a row when the table named by @table exists.</summary>
    protected abstract string TableExistsSql { get; }

    /// <summary>
    /// The matching located events gathered into cells of a grid <paramref name="cellDegrees"/> wide, so a map of a
    /// million events draws a few hundred circles: each cell's count, centre (mean position), fatalities and commonest type.
    /// </summary>
    public IReadOnlyList<MapCell> MapCells(EventQuery query, double cellDegrees)
    {
        if (cellDegrees is not (> 0 and <= 360))
        {
            throw new ArgumentOutOfRangeException(nameof(cellDegrees), cellDegrees, "a cell is more than 0 and at most 360 degrees wide");
        }

        var (where, parameters) = Conditions(query);
        where = (where.Length == 0 ? "WHERE " : where + " AND ") + "latitude IS NOT NULL AND longitude IS NOT NULL";
        parameters.Add(("@cell", cellDegrees));
        var column = $"{FloorToInteger("(longitude + 180) / @cell")}";
        var row = $"{FloorToInteger("(latitude + 90) / @cell")}";
        var cells = new SortedDictionary<(long, long), CellSums>();
        using var command = Command(
            $"""
            SELECT {column} AS gx, {row} AS gy, event_type, COUNT(*), SUM(latitude), SUM(longitude), SUM(COALESCE(killed_best, 0))
            FROM events {where} GROUP BY gx, gy, event_type
            """,
            [.. parameters]);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            if (!cells.TryGetValue(key, out var cell))
            {
                cells[key] = cell = new CellSums();
            }

            var count = Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
            cell.Types[reader.GetString(2)] = count;
            cell.Count += count;
            cell.Latitude += Convert.ToDouble(reader.GetValue(4), CultureInfo.InvariantCulture);
            cell.Longitude += Convert.ToDouble(reader.GetValue(5), CultureInfo.InvariantCulture);
            cell.Killed += Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture);
        }

        return [.. cells.Values.Select(c => new MapCell(
            c.Latitude / c.Count, c.Longitude / c.Count, c.Count, c.Killed,
            c.Types.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key))];
    }

    private sealed class CellSums
    {
        public Dictionary<string, int> Types { get; } = new(StringComparer.Ordinal);

        public int Count { get; set; }

        public double Latitude { get; set; }

        public double Longitude { get; set; }

        public long Killed { get; set; }
    }

    /// <summary>The WHERE clause of a query over the events table (empty for no filter) and its parameters.</summary>
    /// <remarks>
    /// <paramref name="oneEventAtATime"/>: the query reads only the first rows in an order (a page), so a common word is
    /// better checked event by event (<see cref="CommonTextMatch"/>); what reads every match (statistics, the map, an
    /// export) joins the matches instead.
    /// </remarks>
    private (string Where, List<(string, object?)> Parameters) Conditions(EventQuery query, bool oneEventAtATime = false)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = FullTextQuery(query.Text);
            conditions.Add(IsRareText(text) ? RareTextMatch : oneEventAtATime && IsCommonText(text) ? CommonTextMatch : TextMatch);
            parameters.Add(("@query", text));
        }

        AddDateRange(query, conditions, parameters);
        if (query.EventType is { } type)
        {
            // A name that is only a type, or only a sub-type, is looked up in its own (indexed) column.
            var isType = EventTaxonomy.SubTypes.ContainsKey(type);
            var isSubType = EventTaxonomy.TypeOf(type) is not null;
            conditions.Add(isType == isSubType ? "(event_type = @type OR sub_event_type = @type)" : isType ? "event_type = @type" : "sub_event_type = @type");
            parameters.Add(("@type", type));
        }

        if (query.SubEventType is { } subType)
        {
            conditions.Add("sub_event_type = @subtype");
            parameters.Add(("@subtype", subType));
        }

        if (query.Country is { } country)
        {
            conditions.Add("country = @country");
            parameters.Add(("@country", country.ToUpperInvariant()));
        }

        if (query.BoundingBox is { } box)
        {
            conditions.Add("longitude >= @minlon AND longitude <= @maxlon AND latitude >= @minlat AND latitude <= @maxlat");
            parameters.AddRange([("@minlon", box.MinLongitude), ("@maxlon", box.MaxLongitude), ("@minlat", box.MinLatitude), ("@maxlat", box.MaxLatitude)]);
        }

        if (query.MinConfidence is > 0 and var minimum)
        {
            conditions.Add("confidence >= @minconfidence");
            parameters.Add(("@minconfidence", minimum));
        }

        if (query.Review is { } review)
        {
            // The latest confirm or reject decides, as in ReviewStatuses.
            const string Latest = "(SELECT r.action FROM reviews r WHERE r.event_id = events.id AND r.action IN ('confirm', 'reject') ORDER BY r.id DESC LIMIT 1)";
            conditions.Add(review switch
            {
                "confirmed" => $"{Latest} = 'confirm'",
                "rejected" => $"{Latest} = 'reject'",
                Unreviewed => $"{Latest} IS NULL",
                _ => throw new ArgumentException($"unknown review status '{review}' (use {Unreviewed}, confirmed or rejected)", nameof(query)),
            });
        }

        return (conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : "", parameters);
    }

    /// <summary>
    /// The ORDER BY of a sort, as the API always sorted in memory: events without a date (or count) after the dated
    /// ones when descending, before them when ascending; ties by id, compared as bytes.
    /// </summary>
    private string OrderBy(string sort)
    {
        var id = OrdinalText("id");
        return sort switch
        {
            "date" => $"event_date ASC NULLS FIRST, {id}",
            "-date" => $"event_date DESC NULLS LAST, {id}",
            "killed" => $"COALESCE(killed_best, 0), {id}",
            "-killed" => $"COALESCE(killed_best, 0) DESC, {id}",
            "confidence" => $"confidence, {id}",
            "-confidence" => $"confidence DESC, {id}",
            _ => throw new ArgumentException($"unknown sort '{sort}' (use {string.Join(", ", Sorts)})", nameof(sort)),
        };
    }

    /// <summary>The last word counted, its threshold and its answer, one object so that a request on another thread reads all or none.</summary>
    private sealed record WordCount(string Query, int Threshold, bool Over);

    private volatile WordCount? lastWordCount;

    /// <summary>
    /// Whether a full-text query matches more than <paramref name="threshold"/> articles, by the engine's
    /// <paramref name="cappedCount"/> (which counts at most @limit matches of @query), so asking costs milliseconds.
    /// The last word's answer is kept: a page and its total ask about the same word.
    /// </summary>
    protected bool MatchesMoreThan(string fullTextQuery, int threshold, string cappedCount)
    {
        var last = lastWordCount;
        if (last is null || last.Query != fullTextQuery || last.Threshold != threshold)
        {
            var matches = Convert.ToInt64(Scalar(cappedCount, ("@query", fullTextQuery), ("@limit", (long)threshold + 1)), System.Globalization.CultureInfo.InvariantCulture);
            lastWordCount = last = new WordCount(fullTextQuery, threshold, matches > threshold);
        }

        return last.Over;
    }

    /// <summary>
    /// True when the full-text @query matches so large a share of the articles that walking the events in the page's
    /// order and checking each is cheaper than joining every match (<see cref="CommonTextMatch"/>); engines whose
    /// planner weighs that itself say false.
    /// </summary>
    protected virtual bool IsCommonText(string fullTextQuery) => false;

    /// <summary>
    /// True when the full-text @query matches so few articles that gathering their events first, then sorting or
    /// counting those, is cheaper than anything the planner would weigh against it (<see cref="RareTextMatch"/>).
    /// </summary>
    protected virtual bool IsRareText(string fullTextQuery) => false;

    /// <summary>The condition of <see cref="TextMatch"/> for a rare word: its events gathered once, then looked up by id.</summary>
    protected virtual string RareTextMatch => TextMatch;

    /// <summary>The condition of <see cref="TextMatch"/> for a common word: checked event by event.</summary>
    protected virtual string CommonTextMatch => TextMatch;

    /// <summary>
    /// For a common word, SQL counting the distinct events (<c>c.event_id</c> of the claims) of its matching articles up
    /// to @cap, read from the full-text index in its own order, with a condition on those events; null to count rows.
    /// </summary>
    protected virtual Func<string, string>? CommonTextCount => null;

    /// <summary>The condition on an events row that one of its reports' articles matches the full-text @query.</summary>
    protected virtual string TextMatch => $"id IN (SELECT event_id FROM claims WHERE article_id IN ({FullTextArticleIds}))";

    /// <summary>A text column compared byte by byte, as C#'s ordinal comparison does, whatever the database's collation.</summary>
    protected virtual string OrdinalText(string column) => column;

    /// <summary>SQL for the largest whole number not above a non-negative real expression.</summary>
    protected virtual string FloorToInteger(string expression) => $"CAST({expression} AS INTEGER)";

    /// <summary>The event's confidence: that of its surest report.</summary>
    /// <summary>The conditions on <c>event_date</c> (an ISO day, '' when undated) for the query's date range.</summary>
    private static void AddDateRange(EventQuery query, List<string> conditions, List<(string, object?)> parameters)
    {
        if (query.From is { } from)
        {
            conditions.Add("event_date >= @from");
            parameters.Add(("@from", Iso(from)));
        }

        if (query.To is { } to)
        {
            conditions.Add("event_date <= @to");
            parameters.Add(("@to", Iso(to)));
        }
    }

    internal static double Confidence(StoredEvent stored) => stored.Claims.Count == 0 ? 0 : stored.Claims.Max(c => c.Event.Confidence);

    /// <summary>Migration: each event's confidence in its row (so it can be filtered and sorted on), filled from its claims.</summary>
    protected static string EventConfidenceSchema(string real) => $"""
        ALTER TABLE events ADD COLUMN confidence {real};
        UPDATE events SET confidence = (SELECT MAX(c.confidence) FROM claims c WHERE c.event_id = events.id);
        """;
}
