using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Vigil.Events;
using Vigil.Places;
using Vigil.Storage;

namespace Vigil.Exports;

public enum ExportFormat
{
    AcledCsv,
    UcdpCsv,
    GeoJson,
    JsonLines,
    PloverJson,
}

/// <summary>What an export wrote, and how many events it left out and why (UCDP GED does not code protests; GeoJSON needs coordinates).</summary>
public sealed record ExportSummary(int Written, int LeftOut, string? Reason)
{
    /// <summary>One line for the user, or null when nothing was left out: "ucdp-csv: left out 3 of 12 events that ...".</summary>
    public string? Message(string format) =>
        LeftOut == 0 ? null : $"{format}: left out {LeftOut.ToString(CultureInfo.InvariantCulture)} of {(Written + LeftOut).ToString(CultureInfo.InvariantCulture)} events {Reason}";
}

/// <summary>
/// Writes stored events in the formats analysts load into their tools. Unknown values are empty cells or JSON nulls,
/// never a default that looks like data (no 0 fatalities for "not reported", no 0,0 coordinates).
/// </summary>
public static class EventExporter
{
    public static ExportFormat ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "acled-csv" => ExportFormat.AcledCsv,
        "ucdp-csv" => ExportFormat.UcdpCsv,
        "geojson" => ExportFormat.GeoJson,
        "jsonl" => ExportFormat.JsonLines,
        "plover-json" => ExportFormat.PloverJson,
        _ => throw new ArgumentException($"unknown format \"{name}\" (use acled-csv, ucdp-csv, geojson, jsonl or plover-json)"),
    };

    /// <summary>
    /// Writes the events in the format; UCDP CSV and GeoJSON leave out what they cannot hold, and the summary says how
    /// many. ACLED CSV and JSON lines are written as the events are enumerated, so a lazy sequence streams.
    /// </summary>
    public static ExportSummary Write(IEnumerable<StoredEvent> events, ExportFormat format, TextWriter output)
    {
        switch (format)
        {
            case ExportFormat.AcledCsv:
                return new ExportSummary(WriteAcled(events, output), 0, null);
            case ExportFormat.JsonLines:
                var written = 0;
                foreach (var stored in events)
                {
                    output.WriteLine(VigilJson.Serialize(stored));
                    written++;
                }

                return new ExportSummary(written, 0, null);
        }

        var list = events as IReadOnlyCollection<StoredEvent> ?? [.. events];
        switch (format)
        {
            case ExportFormat.UcdpCsv:
                return WriteUcdp(list, output);
            case ExportFormat.GeoJson:
                return WriteGeoJson(list, output);
            default:
                WritePlover(list, output);
                return new ExportSummary(list.Count, 0, null);
        }
    }

    /// <summary>The high figure both CSV exports give: the count's high, or its figure where it gives no upper bound ("at least 7" is 7).</summary>
    private static int? High(CasualtyCount? count) => count is null ? null : count.High ?? count.Best;

    /// <summary>
    /// OWASP's defence against CSV (formula) injection: a text cell that begins with =, +, -, @, tab or carriage return
    /// would run as a formula in a spreadsheet, so it gets a leading apostrophe. Numbers ("-1.28") are left as they are.
    /// </summary>
    internal static string?[] Neutralised(string?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] is { Length: > 0 } cell && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
                && !double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            {
                row[i] = "'" + cell;
            }
        }

        return row;
    }

    /// <summary>ACLED's column names and codes, then ours: every source URL, the number of claims, the count range and how it was derived.</summary>
    public static readonly string[] AcledColumns =
    [
        "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
        "assoc_actor_2", "inter2", "interaction", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "source_urls", "claims_count", "fatalities_low", "fatalities_high", "fatalities_derivation",
    ];

    /// <summary>ACLED's name for a country ("Democratic Republic of Congo"); the code itself when the table has none.</summary>
    private static string? AcledCountry(string? code) => Countries.ByCode(code)?.AcledName ?? code;

    private static int WriteAcled(IEnumerable<StoredEvent> events, TextWriter output)
    {
        var written = 0;
        // CsvHelper's defaults are RFC 4180: CRLF records, fields quoted when they need it, inner quotes doubled.
        using var csv = CsvWriter.Create(output, null, true);
        csv.WriteRecord(AcledColumns);
        foreach (var e in events)
        {
            string? Acled(Actor? actor) => ActorNames.Acled(actor, e.Location?.Country);
            var sides = e.Sides;
            var inter1 = (int?)sides.Inter1;
            var inter2 = (int?)sides.Inter2;
            // ACLED's interaction: the two inter codes, smaller first; one actor alone is its code followed by 0.
            var interaction = inter1 is { } a && inter2 is { } b ? Math.Min(a, b) * 10 + Math.Max(a, b) : inter1 is { } only ? only * 10 : (int?)null;
            string?[] row =
            [
                e.Id, Date(e.Date), e.Date is null ? null : Text(TimePrecision(e.Date.Precision)), e.EventType, e.SubEventType,
                sides.Actor1, string.Join("; ", e.Perpetrators.Skip(1).Select(Acled).Where(name => name != sides.Actor1 && name != sides.Actor2)), Text(inter1),
                sides.Actor2, string.Join("; ", e.Targets.Skip(1).Select(Acled).Where(name => name != sides.Actor1 && name != sides.Actor2)), Text(inter2), Text(interaction),
                AcledCountry(e.Location?.Country), e.Location?.Admin1, null, null, e.Location?.Name, Coordinate(e.Location?.Latitude),
                Coordinate(e.Location?.Longitude), Text(e.Location?.Precision?.AcledGeoPrecision), SourceNames(e), null, Notes(e),
                Text(e.Killed?.Best), string.Join(" ", SourceUrls(e)), Text(e.Claims.Count), Text(e.Killed?.Low), Text(High(e.Killed)),
                e.CasualtyExplanation,
            ];
            csv.WriteRecord(Neutralised(row)!);
            written++;
        }

        return written;
    }

    /// <summary>
    /// UCDP GED's column names (codebook 23.1+). Conflict, dyad and actor ids are UCDP's own registers, which we do not
    /// have, so they stay empty; type_of_violence is filled only where the actors make it certain.
    /// </summary>
    public static readonly string[] UcdpColumns =
    [
        "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id", "conflict_name",
        "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
        "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
        "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id",
        "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
        "high", "low", "gwnoa", "gwnob",
    ];

    /// <summary>
    /// Why UCDP GED would not code the event, or null when it would. GED holds organised violence (battles, remote
    /// violence, violence against civilians) that killed at least one person; protests, riots and strategic
    /// developments, and violence with no reported death, are not in it.
    /// </summary>
    public static string? UcdpLeavesOut(StoredEvent e) =>
        e.EventType is not (EventTaxonomy.Battles or EventTaxonomy.ExplosionsRemoteViolence or EventTaxonomy.ViolenceAgainstCivilians)
            ? "not organised violence (protests, riots, strategic developments)"
            : (High(e.Killed) ?? 0) < 1 ? "no reported death" : null;

    private static ExportSummary WriteUcdp(IReadOnlyCollection<StoredEvent> events, TextWriter output)
    {
        using var csv = CsvWriter.Create(output, null, true);
        csv.WriteRecord(UcdpColumns);
        var leftOut = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (UcdpLeavesOut(e) is { } why)
            {
                leftOut[why] = leftOut.GetValueOrDefault(why) + 1;
                continue;
            }

            var sides = e.Sides;
            var values = new Dictionary<string, string?>
            {
                ["id"] = e.Id,
                ["relid"] = e.Id,
                ["year"] = e.Date is null ? null : Text(e.Date.Value.Year),
                ["type_of_violence"] = Text(TypeOfViolence(e)),
                ["side_a"] = sides.Actor1,
                ["side_b"] = sides.Actor2,
                ["number_of_sources"] = Text(e.Claims.Count),
                ["source_article"] = string.Join("; ", e.Claims.Select(c => string.Join(", ", new[] { c.Outlet, c.Published, c.Headline }.Where(s => !string.IsNullOrWhiteSpace(s))))),
                ["source_office"] = string.Join("; ", e.Claims.Select(c => c.Outlet).Where(o => o is not null).Distinct()),
                ["source_date"] = string.Join("; ", e.Claims.Select(c => c.Published).Where(p => p is not null).Distinct()),
                ["source_headline"] = string.Join("; ", e.Claims.Select(c => c.Headline).Where(h => h is not null).Distinct()),
                ["source_original"] = string.Join("; ", e.Sources.Select(s => s.Name)),
                ["where_prec"] = Text(e.Location?.Precision?.UcdpWherePrecision),
                ["where_coordinates"] = e.Location?.Name,
                ["where_description"] = e.Location?.Name,
                ["adm_1"] = e.Location?.Admin1,
                ["latitude"] = Coordinate(e.Location?.Latitude),
                ["longitude"] = Coordinate(e.Location?.Longitude),
                ["geom_wkt"] = e.Location is { Latitude: { } lat, Longitude: { } lon } ? $"POINT ({Coordinate(lon)} {Coordinate(lat)})" : null,
                ["country"] = Countries.ByCode(e.Location?.Country) is { } country ? country.UcdpName ?? country.Name : e.Location?.Country,
                ["country_id"] = Text(Countries.ByCode(e.Location?.Country)?.GwNumber),
                ["region"] = Countries.ByCode(e.Location?.Country)?.UcdpRegion,
                ["date_prec"] = e.Date is null ? null : Text(UcdpDatePrecision(e.Date.Precision)),
                ["date_start"] = e.Date is null ? null : DateOnlyText(e.Date.FirstDay),
                ["date_end"] = e.Date is null ? null : DateOnlyText(e.Date.LastDay),
                ["deaths_civilians"] = e.EventType == EventTaxonomy.ViolenceAgainstCivilians ? Text(e.Killed?.Best) : null,
                ["deaths_unknown"] = e.EventType == EventTaxonomy.ViolenceAgainstCivilians ? null : Text(e.Killed?.Best),
                ["best"] = Text(e.Killed?.Best),
                ["high"] = Text(High(e.Killed)),
                ["low"] = Text(e.Killed?.Low),
            };
            csv.WriteRecord(Neutralised([.. UcdpColumns.Select(column => values.GetValueOrDefault(column) ?? "")])!);
        }

        var total = leftOut.Values.Sum();
        return new ExportSummary(
            events.Count - total, total,
            total == 0 ? null : "that UCDP GED does not code: " + string.Join(", ", leftOut.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value.ToString(CultureInfo.InvariantCulture)} {p.Key}")));
    }

    /// <summary>1 state-based, 2 non-state, 3 one-sided violence; null unless the event's type and actors decide it.</summary>
    private static int? TypeOfViolence(StoredEvent e)
    {
        var perpetratorKinds = e.Perpetrators.Select(p => p.Kind).ToList();
        var targetKinds = e.Targets.Select(t => t.Kind).ToList();
        if (e.EventType == EventTaxonomy.ViolenceAgainstCivilians && perpetratorKinds.Count > 0 && perpetratorKinds.All(k => k is not null and not ActorKind.Civilians))
        {
            return 3;
        }

        if (e.EventType == EventTaxonomy.Battles && perpetratorKinds.Count > 0 && targetKinds.Count > 0 && perpetratorKinds.Concat(targetKinds).All(k => k is not null))
        {
            return perpetratorKinds.Concat(targetKinds).Any(k => k is ActorKind.StateForces) ? 1 : 2;
        }

        return null;
    }

    private static int TimePrecision(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => 1,
        DatePrecision.Week or DatePrecision.Reported => 2,
        _ => 3,
    };

    /// <summary>UCDP date_prec: 1 exact day, 2 2–6 days, 3 a week, 4 a month, 5 longer.</summary>
    private static int UcdpDatePrecision(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => 1,
        DatePrecision.Week or DatePrecision.Reported => 3,
        DatePrecision.Month => 4,
        _ => 5,
    };

    /// <summary>RFC 7946 points, longitude first. An event without coordinates is left out (a null geometry breaks common tools) and counted.</summary>
    private static ExportSummary WriteGeoJson(IReadOnlyCollection<StoredEvent> events, TextWriter output)
    {
        var features = new JsonArray();
        var leftOut = 0;
        foreach (var e in events)
        {
            if (e.Location is not { Latitude: { } lat, Longitude: { } lon })
            {
                leftOut++;
                continue;
            }

            var properties = JsonSerializer.SerializeToNode(e, VigilJson.Options)!.AsObject();
            properties.Remove("claims");
            properties["claimsCount"] = e.Claims.Count;
            properties["sourceUrls"] = new JsonArray([.. SourceUrls(e).Select(url => (JsonNode?)url)]);
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = e.Id,
                ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) },
                ["properties"] = properties,
            });
        }

        output.WriteLine(new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(VigilJson.Options));
        return new ExportSummary(events.Count - leftOut, leftOut, leftOut == 0 ? null : "that have no coordinates");
    }

    /// <summary>
    /// PLOVER's event record: event type and mode, actor and recipient, date, location and the source reports. The
    /// context field is not coded by the pipeline, so it is empty.
    /// </summary>
    private static void WritePlover(IEnumerable<StoredEvent> events, TextWriter output)
    {
        var records = new JsonArray();
        foreach (var e in events)
        {
            records.Add(new JsonObject
            {
                ["id"] = e.Id,
                ["event_date"] = Date(e.Date),
                ["event_type"] = e.Plover?.Type,
                ["mode"] = e.Plover?.Mode,
                ["context"] = new JsonArray(),
                ["actor"] = e.Perpetrators.FirstOrDefault()?.Name,
                ["actor_type"] = EnumText(e.Perpetrators.FirstOrDefault()?.Kind),
                ["recipient"] = e.Targets.FirstOrDefault()?.Name,
                ["recipient_type"] = EnumText(e.Targets.FirstOrDefault()?.Kind),
                ["country"] = e.Location?.Country,
                ["admin1"] = e.Location?.Admin1,
                ["location"] = e.Location?.Name,
                ["latitude"] = e.Location?.Latitude,
                ["longitude"] = e.Location?.Longitude,
                ["fatalities"] = e.Killed?.Best,
                ["injuries"] = e.Injured?.Best,
                ["acled_event_type"] = e.EventType,
                ["acled_sub_event_type"] = e.SubEventType,
                ["sources"] = new JsonArray([.. SourceUrls(e).Select(url => (JsonNode?)url)]),
            });
        }

        output.WriteLine(records.ToJsonString(VigilJson.Options));
    }

    private static string? EnumText(ActorKind? kind) => kind is null ? null : JsonSerializer.Serialize(kind.Value, VigilJson.Options).Trim('"');

    private static IEnumerable<string> SourceUrls(StoredEvent e) => e.Claims.Select(c => c.ArticleUrl).Where(u => u is not null).Distinct()!;

    private static string SourceNames(StoredEvent e) =>
        string.Join("; ", e.Claims.Select(c => c.Outlet).Concat(e.Sources.Select(s => s.Name)).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>What the reports themselves say, by headline; we write no prose of our own into a coder's field.</summary>
    private static string? Notes(StoredEvent e)
    {
        var headlines = e.Claims.Select(c => c.Headline).Where(h => !string.IsNullOrWhiteSpace(h)).Distinct().ToList();
        return headlines.Count == 0 ? null : string.Join(" | ", headlines);
    }

    private static string? Date(EventDate? date) => date is null ? null : DateOnlyText(date.Value);

    private static string DateOnlyText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Coordinate(double? value) => value?.ToString("0.#####", CultureInfo.InvariantCulture);

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
