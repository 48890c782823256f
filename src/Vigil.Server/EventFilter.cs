using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vigil.Events;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>
/// The filters of GET /api/events, read and checked from the query string. The store answers all but the actor's
/// name (<see cref="InStore"/>); that one is applied to its answer.
/// </summary>
public sealed record EventFilter(
    EventQuery Query, string? SubEventType, string? Actor, double MinConfidence, string? Review, string Sort, int Page, int PageSize)
{
    private static readonly IReadOnlyList<string> Sorts = SqlEventStore.Sorts;

    /// <summary>True when the store can answer the whole filter (all but an actor's name), so it can count, sort and page.</summary>
    public bool InStore => Actor is null;

    /// <summary>Reads the filters, or returns a message saying which parameter is wrong and why.</summary>
    public static EventFilter Parse(IQueryCollection query, out string? error)
    {
        error = null;
        string? Text(string name) => query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;

        DateOnly? Date(string name, ref string? problem)
        {
            var value = Text(name);
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problem ??= $"'{name}' must be a date written yyyy-mm-dd, not '{value}'";
            return null;
        }

        int Number(string name, int fallback, int min, int max, ref string? problem)
        {
            var value = Text(name);
            if (value is null)
            {
                return fallback;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            problem ??= $"'{name}' must be a whole number from {min} to {max}, not '{value}'";
            return fallback;
        }

        var from = Date("from", ref error);
        var to = Date("to", ref error);
        if (from > to)
        {
            error ??= "'from' is after 'to'";
        }

        var type = Text("type");
        if (type is not null && !EventTaxonomy.SubTypes.ContainsKey(type))
        {
            error ??= $"'type' must be one of ACLED's event types ({string.Join(", ", EventTaxonomy.SubTypes.Keys)}), not '{type}'";
        }

        var subType = Text("subType");
        if (subType is not null && EventTaxonomy.TypeOf(subType) is null)
        {
            error ??= $"'subType' is not an ACLED sub-event type: '{subType}'";
        }

        var country = Text("country");
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            error ??= $"'country' must be an ISO 3166-1 alpha-2 code such as SY, not '{country}'";
        }

        (double, double, double, double)? box = null;
        if (Text("bbox") is { } bboxText)
        {
            var parts = bboxText.Split(',');
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (numbers.Length != 4 || numbers.Any(double.IsNaN) || numbers[0] > numbers[2] || numbers[1] > numbers[3]
                || numbers[1] < -90 || numbers[3] > 90 || numbers[0] < -180 || numbers[2] > 180)
            {
                error ??= $"'bbox' must be minLon,minLat,maxLon,maxLat in degrees, not '{bboxText}'";
            }
            else
            {
                box = (numbers[0], numbers[1], numbers[2], numbers[3]);
            }
        }

        var minConfidence = 0.0;
        if (Text("minConfidence") is { } confidenceText
            && (!double.TryParse(confidenceText, NumberStyles.Float, CultureInfo.InvariantCulture, out minConfidence) || minConfidence is < 0 or > 1))
        {
            error ??= $"'minConfidence' must be a number from 0 to 1, not '{confidenceText}'";
        }

        var review = Text("review");
        if (review is not null && review is not (ReviewStates.Unreviewed or "confirmed" or "rejected"))
        {
            error ??= $"'review' must be unreviewed, confirmed or rejected, not '{review}'";
        }

        var sort = Text("sort") ?? "-date";
        if (!Sorts.Contains(sort))
        {
            error ??= $"'sort' must be one of {string.Join(", ", Sorts)}, not '{sort}'";
        }

        var page = Number("page", 1, 1, 1_000_000, ref error);
        var pageSize = Number("pageSize", 50, 1, 5000, ref error);
        var eventQuery = new EventQuery(Text("q"), from, to, type, country?.ToUpperInvariant(), box, subType, minConfidence > 0 ? minConfidence : null, review);
        return new EventFilter(eventQuery, subType, Text("actor"), minConfidence, review, sort, page, pageSize);
    }
}
