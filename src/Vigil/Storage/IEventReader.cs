namespace Vigil.Storage;

/// <summary>
/// Reads that stay fast on a store of millions of events: the database filters, sorts, counts, pages and aggregates,
/// and only the events of one page (or of one batch of an export) are read whole. The API and the exports use these.
/// </summary>
public interface IEventReader
{
    /// <summary>How many events match.</summary>
    int CountEvents(EventQuery query);

    /// <summary>How many events match, counting rows no further than <paramref name="cap"/> (then <see cref="EventTotal.More"/> is set).</summary>
    EventTotal CountEventsUpTo(EventQuery query, int cap);

    /// <summary>One page of the matching events in the given order (see <see cref="SqlEventStore.Sorts"/>).</summary>
    IReadOnlyList<StoredEvent> SearchPage(EventQuery query, string sort, int offset, int limit);

    /// <summary>One page of the matching events and their total counted up to <paramref name="cap"/>, read together where that is cheaper.</summary>
    (EventTotal Total, IReadOnlyList<StoredEvent> Page) SearchPageAndTotal(EventQuery query, string sort, int offset, int limit, int cap);

    /// <summary>Every matching event in the given order, read a batch at a time as the caller enumerates.</summary>
    IEnumerable<StoredEvent> StreamEvents(EventQuery query, string sort, int batchSize = 500);

    /// <summary>Counts by period and type (at <paramref name="grain"/>, or the grain that suits the range), by type and by country.</summary>
    EventStatistics Statistics(EventQuery query, TimeGrain? grain = null);

    /// <summary>The located events grouped into square cells of <paramref name="cellDegrees"/>, for the map at low zoom.</summary>
    IReadOnlyList<MapCell> MapCells(EventQuery query, double cellDegrees);
}
