using System.Globalization;
using Vigil.Events;

namespace Vigil.Storage;

/// <summary>
/// Derives one event from the claims of every report merged into it. Categorical fields come from the reports
/// (majority type, most precise date and place, the union of actors and sources); counts are derived with a stated
/// rule, recorded in <see cref="StoredEvent.CasualtyExplanation"/>, so an analyst can see how a figure was reached.
/// </summary>
public static class ClaimAggregation
{
    /// <param name="claims">In the order they were stored; the first breaks ties.</param>
    public static StoredEvent Aggregate(string eventId, IReadOnlyList<StoredClaim> claims)
    {
        if (claims.Count == 0)
        {
            throw new ArgumentException("an event needs at least one claim", nameof(claims));
        }

        var events = claims.Select(claim => claim.Event).ToList();
        var subType = events.GroupBy(e => (e.EventType, e.SubEventType))
            .OrderByDescending(group => group.Count())
            .First().Key; // OrderBy is stable: equal counts keep the earliest claim's type.
        var typed = events.First(e => e.EventType == subType.EventType && e.SubEventType == subType.SubEventType);
        var date = events.Where(e => e.Date is not null).Select(e => e.Date!).OrderBy(d => d.Precision).FirstOrDefault();
        var location = events.Where(e => e.Location is not null).Select(e => e.Location!)
            .OrderBy(l => l.Latitude is null ? 1 : 0)
            .ThenBy(l => l.Precision?.UcdpWherePrecision ?? 9)
            .FirstOrDefault();

        var killed = DeriveCount(events.Select(e => e.Killed).ToList(), out var killedNote);
        var injured = DeriveCount(events.Select(e => e.Injured).ToList(), out var injuredNote);

        return new StoredEvent(
            eventId,
            subType.EventType,
            subType.SubEventType,
            typed.Plover ?? events.Select(e => e.Plover).FirstOrDefault(p => p is not null),
            date,
            location,
            DistinctActors(events.SelectMany(e => e.Perpetrators)),
            DistinctActors(events.SelectMany(e => e.Targets)),
            MergeVictims(events),
            killed,
            injured,
            events.Select(e => e.Weapon).FirstOrDefault(w => w is not null),
            $"killed: {killedNote}; injured: {injuredNote}",
            events.SelectMany(e => e.Sources).DistinctBy(s => s.Name.ToLowerInvariant()).ToList(),
            claims);
    }

    /// <summary>
    /// best = median of the claims' best figures (the lower middle for an even number, so a single high report cannot
    /// pull it up); low = the smallest low; high = the largest high, where a claim that gives no upper bound ("at least
    /// 12") counts with its best figure.
    /// </summary>
    internal static CasualtyCount? DeriveCount(IReadOnlyList<CasualtyCount?> counts, out string explanation)
    {
        var given = counts.Where(c => c is not null).Select(c => c!).ToList();
        if (given.Count == 0)
        {
            explanation = "no claim gives a figure";
            return null;
        }

        if (given.Count == 1)
        {
            explanation = counts.Count == 1 ? "as the single claim gives it" : $"from the only one of {counts.Count} claims that gives a figure";
            return given[0];
        }

        var bests = given.Select(c => c.Best).Order().ToList();
        var best = bests[(bests.Count - 1) / 2];
        var low = Math.Min(given.Min(c => c.Low), best);
        var high = Math.Max(given.Max(c => c.High ?? c.Best), best);
        var figures = string.Join(", ", bests.Select(b => b.ToString(CultureInfo.InvariantCulture)));
        var middle = bests.Count % 2 == 0 ? " (lower middle)" : "";
        explanation = $"best = median{middle} of {given.Count} claims ({figures}); low = min of lows; high = max of highs (best where a claim gives no high)";
        return new CasualtyCount(low, best, high);
    }

    /// <summary>
    /// Named victims once each; unnamed ones cannot be told apart across reports ("a woman" in two reports may be one
    /// woman), so they come from the single report that describes the most of them.
    /// </summary>
    private static List<Victim> MergeVictims(IReadOnlyList<ConflictEvent> events)
    {
        var named = events.SelectMany(e => e.Victims).Where(v => v.Name is not null).DistinctBy(v => v.Name!.Trim().ToLowerInvariant());
        var unnamed = events.Select(e => e.Victims.Where(v => v.Name is null).ToList()).MaxBy(list => list.Count) ?? [];
        return [.. named, .. unnamed];
    }

    private static List<Actor> DistinctActors(IEnumerable<Actor> actors) =>
        actors.GroupBy(actor => actor.Name.Trim().ToLowerInvariant())
            .Select(group => group.FirstOrDefault(actor => actor.Kind is not null) ?? group.First())
            .ToList();
}
