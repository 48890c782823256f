using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vigil.Exports;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>The JSON API: events (list, one, review, merge, split), articles with annotations, statistics and exports.</summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app, Func<Document, Document>? annotate)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/events", (HttpRequest request, StoreGate gate) =>
        {
            var filter = EventFilter.Parse(request.Query, out var error);
            if (error is not null)
            {
                return Results.BadRequest(new ApiError(error));
            }

            return Results.Ok(gate.Read(store =>
            {
                var statuses = store.ReviewStatuses();
                if (filter.InStore)
                {
                    // At a million events only one page is read whole; the database counts, sorts and pages. A list
                    // needs no exact total past a few hundred pages: counting rows stops at the cap ("10,000+").
                    var (total, events) = store.SearchPageAndTotal(filter.Query, filter.Sort, (filter.Page - 1) * filter.PageSize, filter.PageSize, TotalCap);
                    var items = events.Select(e => EventViews.Summary(e, Status(statuses, e.Id))).ToList();
                    return new EventPage(total.Count, filter.Page, filter.PageSize, items) { TotalIsAtLeast = total.More };
                }

                var matching = Filtered(store, filter, statuses);
                var page = EventViews.Sorted(matching, filter.Sort).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
                    .Select(e => EventViews.Summary(e, Status(statuses, e.Id))).ToList();
                return new EventPage(matching.Count, filter.Page, filter.PageSize, page);
            }));
        }).WithSummary("Events matching the filters: from, to (yyyy-mm-dd), type, subType, country (ISO alpha-2), bbox (minLon,minLat,maxLon,maxLat), actor, q (text), minConfidence, review (unreviewed|confirmed|rejected), sort, page, pageSize");

        api.MapGet("/map", (HttpRequest request, StoreGate gate) =>
        {
            var filter = EventFilter.Parse(request.Query, out var error);
            var zoomText = request.Query["zoom"].ToString();
            var zoom = DefaultMapZoom;
            if (zoomText.Length > 0 && !(int.TryParse(zoomText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out zoom) && zoom <= MaxMapZoom))
            {
                error ??= $"'zoom' must be a whole number from 0 to {MaxMapZoom}, not '{zoomText}'";
            }

            if (error is not null)
            {
                return Results.BadRequest(new ApiError(error));
            }

            if (!filter.InStore)
            {
                return Results.BadRequest(new ApiError("the map's cells cannot filter by actor; use /api/events for that"));
            }

            // Zoom 0 is a whole-world grid of 45-degree cells; each step halves them, as map tiles do.
            var cell = 360.0 / (8 << zoom);
            return Results.Ok(new MapCells(cell, gate.Read(store => store.MapCells(filter.Query, cell))));
        }).WithSummary($"Located events gathered into grid cells (zoom 0 to {MaxMapZoom}: cells of 45 degrees halved per step, default {DefaultMapZoom}), with each cell's count, centre, fatalities and commonest type; same filters as /api/events");

        api.MapGet("/events/{id}", (string id, StoreGate gate) => gate.Read(store =>
        {
            var stored = store.GetEvent(id);
            if (stored is null)
            {
                return Results.NotFound(new ApiError($"no event {id}"));
            }

            // The store's reading already carries the analysts' corrections, as every other view and export does.
            return Results.Ok(EventViews.Detail(stored, Status(store.ReviewStatuses(), id), store.Reviews(id)));
        })).WithSummary("One event with every claim, source, victim, evidence span and review")
            .WithDescription("location.runnersUp lists the other readings of the place name (name, coordinates, admin1, precision, score), best first, when the gazetteer had several, so that a reviewer can pick one. Absent when the name had one reading.")
            .Produces<EventDetail>(StatusCodes.Status200OK).Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/events/{id}/history", (string id, StoreGate gate) => gate.Read(store =>
            store.GetEvent(id) is null ? Results.NotFound(new ApiError($"no event {id}")) : Results.Ok(store.History(id))))
            .WithSummary("The audit entries of an event and of every event merged into it: reviews, merges and splits, oldest first");

        api.MapGet("/articles/{id}", (string id, StoreGate gate) => gate.Read(store =>
        {
            var article = store.GetArticle(id);
            if (article is null)
            {
                return Results.NotFound(new ApiError($"no article {id}"));
            }

            var annotations = store.EvidenceOfArticle(id)
                .Select(x => new ArticleAnnotation(x.Evidence.Start, x.Evidence.End, "evidence", x.Evidence.Field, x.EventId)).ToList();
            if (annotate is not null)
            {
                var document = annotate(new Document(article.Text, article.Id));
                annotations.AddRange(document.Entities.Select(e => new ArticleAnnotation(e.Span.Start, e.Span.End, "entity", e.Label, null)));
            }

            return Results.Ok(new ArticleView(
                article.Id, article.Url, article.Headline, article.Standfirst, article.Byline, article.Published, article.Outlet, article.Language,
                article.Licence, article.Attribution, article.Text, [.. annotations.OrderBy(a => a.Start).ThenByDescending(a => a.End)]));
        })).WithSummary("An article's text with its annotations (entities, event evidence) as character offsets");

        api.MapGet("/stats", (HttpRequest request, StoreGate gate) =>
        {
            var filter = EventFilter.Parse(request.Query, out var error);
            var grainText = request.Query["grain"].ToString();
            TimeGrain? grain = null;
            if (grainText.Length > 0)
            {
                if (TimeGrains.TryParse(grainText, out var named))
                {
                    grain = named;
                }
                else
                {
                    error ??= $"'grain' must be {string.Join(", ", TimeGrains.Names)}, not '{grainText}'";
                }
            }

            if (error is not null)
            {
                return Results.BadRequest(new ApiError(error));
            }

            return Results.Ok(gate.Read(store =>
            {
                if (filter.InStore)
                {
                    var figures = store.Statistics(filter.Query, grain);
                    return new Stats(
                        figures.Events, figures.Grain.Name(), [.. figures.ByDay.Select(d => new DayCount(d.Day, d.EventType, d.Count))],
                        [.. figures.ByType.Select(k => new KeyCount(k.Key, k.Count))], [.. figures.ByCountry.Select(k => new KeyCount(k.Key, k.Count))]);
                }

                var events = Filtered(store, filter, store.ReviewStatuses());
                var days = events.Where(e => e.Date is not null).Select(e => e.Date!.Value).ToList();
                var chosen = grain ?? (days.Count == 0
                    ? TimeGrain.Day
                    : TimeGrains.ForSpan(filter.Query.From ?? days.Min(), filter.Query.To ?? days.Max()));
                var byDay = events.Where(e => e.Date is not null)
                    .GroupBy(e => (Day: chosen.PeriodOf(e.Date!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.EventType))
                    .Select(g => new DayCount(g.Key.Day, g.Key.EventType, g.Count())).OrderBy(d => d.Day, StringComparer.Ordinal).ThenBy(d => d.EventType, StringComparer.Ordinal).ToList();
                var byType = events.GroupBy(e => e.EventType).Select(g => new KeyCount(g.Key, g.Count())).OrderByDescending(k => k.Count).ToList();
                var byCountry = events.GroupBy(e => e.Location?.Country ?? "unknown").Select(g => new KeyCount(g.Key, g.Count())).OrderByDescending(k => k.Count).ToList();
                return new Stats(events.Count, chosen.Name(), byDay, byType, byCountry);
            }));
        }).WithSummary("Counts by period and type (grain: day, week or month, chosen from the range's length unless given), by type and by country, under the same filters as /api/events");

        api.MapPost("/events/{id}/review", (string id, ReviewRequest review, StoreGate gate) => gate.Use(store =>
        {
            if (string.IsNullOrWhiteSpace(review.Action))
            {
                return Results.BadRequest(new ApiError("the review needs an 'action': confirm, reject or correct"));
            }

            if (review.Note is { Length: > MaxNoteChars })
            {
                return Results.Json(new ApiError($"the review's note is over the limit of 64 KB ({MaxNoteChars} characters)"), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            var entry = store.Review(id, review.Action, review.Field, review.Value, review.Note, string.IsNullOrWhiteSpace(review.Who) ? "analyst" : review.Who);
            return Results.Ok(new ReviewResult(id, Status(store.ReviewStatuses(), id), entry));
        })).WithSummary("Confirm, reject or correct a field of an event, with a note; recorded in the audit log");

        api.MapPost("/events/merge", (MergeRequest merge, StoreGate gate) => gate.Use(store =>
        {
            if (string.IsNullOrWhiteSpace(merge.Keep) || string.IsNullOrWhiteSpace(merge.Other) || string.IsNullOrWhiteSpace(merge.Reason))
            {
                return Results.BadRequest(new ApiError("a merge needs 'keep', 'other' and a 'reason'"));
            }

            store.MergeEvents(merge.Keep, merge.Other, merge.Reason);
            return Results.Ok(EventViews.Summary(store.GetEvent(merge.Keep)!, Status(store.ReviewStatuses(), merge.Keep)));
        })).WithSummary("Merge one event into another (all its claims move), with a reason");

        api.MapPost("/events/{id}/split", (string id, SplitRequest split, StoreGate gate) => gate.Use(store =>
        {
            if (string.IsNullOrWhiteSpace(split.ClaimId) || string.IsNullOrWhiteSpace(split.Reason))
            {
                return Results.BadRequest(new ApiError("a split needs 'claimId' and a 'reason'"));
            }

            var newId = store.SplitClaim(id, split.ClaimId, split.Reason);
            return Results.Ok(EventViews.Summary(store.GetEvent(newId)!, ReviewStates.Unreviewed));
        })).WithSummary("Take one claim out of an event into a new event, with a reason");

        api.MapGet("/export", (HttpRequest request, HttpResponse response, StoreGate gate) =>
        {
            var filter = EventFilter.Parse(request.Query, out var error);
            ExportFormat format;
            try
            {
                format = EventExporter.ParseFormat(request.Query["format"].ToString() is { Length: > 0 } name ? name : "jsonl");
            }
            catch (ArgumentException e)
            {
                error ??= e.Message;
                format = ExportFormat.JsonLines;
            }

            if (error is not null)
            {
                return Results.BadRequest(new ApiError(error));
            }

            var (contentType, extension) = format switch
            {
                ExportFormat.AcledCsv or ExportFormat.UcdpCsv => ("text/csv", "csv"),
                ExportFormat.GeoJson => ("application/geo+json", "geojson"),
                ExportFormat.JsonLines => ("application/x-ndjson", "jsonl"),
                _ => ("application/json", "json"),
            };
            if (filter.InStore && format is ExportFormat.AcledCsv or ExportFormat.JsonLines)
            {
                // Streamed as the events are read, a batch at a time: memory stays bounded however many there are. The
                // formats that count what they leave out (UCDP, GeoJSON) say so in a header, so they are written first.
                return Results.Stream(
                    body =>
                    {
                        // The exporters write through a TextWriter; the writes block a pooled thread, not the server.
                        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } control)
                        {
                            control.AllowSynchronousIO = true;
                        }

                        gate.Read(store =>
                        {
                            using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
                            return EventExporter.Write(store.StreamEvents(filter.Query, "date"), format, writer);
                        });
                        return Task.CompletedTask;
                    },
                    contentType,
                    $"vigil-events.{extension}");
            }

            var (text, summary) = gate.Read(store =>
            {
                var writer = new StringWriter();
                var written = EventExporter.Write(EventViews.Sorted(Filtered(store, filter, store.ReviewStatuses()), "date"), format, writer);
                return (writer.ToString(), written);
            });
            if (summary.LeftOut > 0)
            {
                // What the format cannot hold (UCDP: what GED does not code; GeoJSON: events without coordinates) is counted.
                response.Headers["X-Vigil-Left-Out"] = summary.LeftOut.ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["X-Vigil-Left-Out-Reason"] = summary.Reason;
            }

            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), contentType, $"vigil-events.{extension}");
        }).WithSummary("The filtered events as acled-csv, ucdp-csv, geojson, jsonl or plover-json (format=...), same filters as /api/events");

        api.MapGet("/audit", (HttpRequest request, HttpResponse response, StoreGate gate) =>
        {
            if (!PagingParameter(request, "limit", DefaultAuditLimit, 1, MaxAuditLimit, out var limit, out var error)
                || !PagingParameter(request, "offset", 0, 0, int.MaxValue, out var offset, out error))
            {
                return Results.BadRequest(new ApiError(error!));
            }

            var (total, page) = gate.Read(store =>
            {
                var log = store.AuditLog();
                return (log.Count, log.Skip(offset).Take(limit).ToList());
            });
            response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(page);
        }).WithSummary($"Merges, splits and reviews, oldest first, a page at a time: limit (1 to {MaxAuditLimit}, default {DefaultAuditLimit}) and offset; X-Total-Count gives the number of entries");
    }

    /// <summary>The longest review note accepted: 64 KB of characters.</summary>
    public const int MaxNoteChars = 64 * 1024;

    public const int DefaultAuditLimit = 100;

    /// <summary>How far the event list counts rows a filter matches before it says "at least" (400 pages of 25).</summary>
    public const int TotalCap = 10_000;

    public const int DefaultMapZoom = 2;

    public const int MaxMapZoom = 12;

    public const int MaxAuditLimit = 1000;

    private static bool PagingParameter(HttpRequest request, string name, int fallback, int min, int max, out int value, out string? error)
    {
        error = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return true;
        }

        error = $"'{name}' must be a whole number from {min} to {max}, not '{text}'";
        return false;
    }

    private static List<StoredEvent> Filtered(IEventStore store, EventFilter filter, IReadOnlyDictionary<string, string> statuses) =>
        store.Search(filter.Query).Where(e => EventViews.Matches(filter, e, Status(statuses, e.Id))).ToList();

    private static string Status(IReadOnlyDictionary<string, string> statuses, string id) =>
        statuses.TryGetValue(id, out var status) ? status : ReviewStates.Unreviewed;
}
