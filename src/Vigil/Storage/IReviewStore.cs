namespace Vigil.Storage;

/// <summary>The analysts' side of the store: decisions on events (confirm, reject, correct a field) and what shaped each event.</summary>
public interface IReviewStore
{
    /// <summary>
    /// Records a decision. Confirm and reject set the event's status; a correction must name a correctable field and a
    /// value that fits it. Each decision is also written to the audit log, in the same transaction.
    /// </summary>
    ReviewEntry Review(string eventId, string action, string? field, string? value, string? note, string who);

    /// <summary>The decisions that belong to the event, oldest first, including those a merge brought from the event merged into it.</summary>
    IReadOnlyList<ReviewEntry> Reviews(string eventId);

    /// <summary>The latest confirm or reject decision of each event reviewed ("confirmed" or "rejected"); the others are <see cref="ReviewStates.Unreviewed"/>.</summary>
    IReadOnlyDictionary<string, string> ReviewStatuses();

    /// <summary>The audit entries of the event and of every event merged into it, oldest first.</summary>
    IReadOnlyList<AuditEntry> History(string eventId);
}

public static class ReviewStates
{
    public const string Unreviewed = "unreviewed";
}

/// <summary>
/// Everything the front ends (CLI, server, workers) ask of the store, over one connection: events, reviews, the work
/// queue, the watched sources and the alerts. <see cref="EventStores.Open"/> returns it, so no front end depends on
/// the engine or on the ADO.NET template the two engines share.
/// </summary>
public interface IVigilStore : IEventStore, IEventReader, IReviewStore, IWorkQueue, ISourceStore, IAlertStore
{
}
