using System.Globalization;
using Vigil.Events;

namespace Vigil.Storage;

/// <summary>
/// Derives one event from the claims of every report merged into it. Categorical fields come from the reports
/// (majority type, most precise date and place, the union of actors and sources); counts are derived with a stated
/// rule (UCDP's, <see cref="DeriveCount"/>), recorded in <see cref="StoredEvent.CasualtyExplanation"/>, so an analyst
/// can see how a figure was reached.
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
        var date = events.Where(e => e.Date is not null).Select(e => e.Date!).OrderBy(d => IncidentMatcher.Widening(d.Precision)).FirstOrDefault();
        var location = events.Where(e => e.Location is not null).Select(e => e.Location!)
            .OrderBy(l => l.Latitude is null ? 1 : 0)
            .ThenBy(l => l.Precision?.UcdpWherePrecision ?? 9)
            .FirstOrDefault();

        var killed = DeriveCount(claims, e => e.Killed, out var killedNote);
        var injured = DeriveCount(claims, e => e.Injured, out var injuredNote);

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
    /// UCDP's practice for reports that disagree (docs/counts.md). A claim is credible unless every source it names
    /// hedges ("claimed", "reportedly"); when no claim is credible, all are used. low = the lowest credible figure (each
    /// claim's low); high = the highest (each claim's high, or its figure where it gives no upper bound: "at least 7"
    /// is 7); best = the best-sourced figure, the one that the most distinct sources give across the credible claims (a
    /// claim that names no source counts as its outlet), or, when figures are equally well sourced, the lowest of them.
    /// </summary>
    internal static CasualtyCount? DeriveCount(IReadOnlyList<StoredClaim> claims, Func<ConflictEvent, CasualtyCount?> field, out string explanation)
    {
        var given = claims.Where(claim => field(claim.Event) is not null).ToList();
        if (given.Count == 0)
        {
            explanation = "no claim gives a figure";
            return null;
        }

        if (given.Count == 1)
        {
            var only = field(given[0].Event)!;
            explanation = claims.Count == 1 ? "as the single claim gives it" : $"from the only one of {claims.Count} claims that gives a figure";
            if (only.High is null)
            {
                explanation += $"; high = {Text(only.Best)}, its own figure, as it gives no upper bound";
            }

            return only with { High = only.High ?? only.Best };
        }

        var credible = given.Where(Credible).ToList();
        var used = credible.Count > 0 ? credible : given;
        var figures = used.GroupBy(claim => field(claim.Event)!.Best)
            .Select(group => (Figure: group.Key, Sources: group.SelectMany(SourcesOf).Distinct(StringComparer.OrdinalIgnoreCase).Count()))
            .OrderBy(figure => figure.Figure)
            .ToList();
        var most = figures.Max(figure => figure.Sources);
        var leaders = figures.Where(figure => figure.Sources == most).ToList();
        var best = leaders[0].Figure; // the lowest of the best-sourced figures
        string bestNote;
        if (figures.Count == 1)
        {
            bestNote = $"best = {Text(best)}, the figure every {(credible.Count > 0 ? "credible " : "")}claim gives";
        }
        else if (leaders.Count == 1)
        {
            var next = figures.Where(figure => figure.Figure != best).Max(figure => figure.Sources);
            bestNote = $"best = {Text(best)}, the best-sourced figure ({Sources(most)} against {Text(next)} for any other)";
        }
        else if (leaders.Count == figures.Count)
        {
            bestNote = $"best = {Text(best)}, the lowest figure, as no figure is better sourced than another ({Sources(most)} each)";
        }
        else
        {
            bestNote = $"best = {Text(best)}, the lowest of the best-sourced figures ({string.Join(", ", leaders.Select(l => Text(l.Figure)))}: {Sources(most)} each)";
        }

        var low = Math.Min(used.Min(claim => field(claim.Event)!.Low), best);
        var high = Math.Max(used.Max(claim => field(claim.Event)!.High ?? field(claim.Event)!.Best), best);
        var hedged = given.Count - credible.Count;
        var credibility = credible.Count == 0 ? "; every claim's sources hedge, so all are used"
            : hedged == 1 ? "; 1 hedged claim left out" : hedged > 1 ? $"; {Text(hedged)} hedged claims left out" : "";
        var list = string.Join(", ", given.Select(claim => Text(field(claim.Event)!.Best)));
        explanation = $"{Text(given.Count)} claims give a figure ({list}){credibility}; low = {Text(low)}, the lowest credible figure; high = {Text(high)}, the highest; {bestNote}";
        return new CasualtyCount(low, best, high);
    }

    /// <summary>A claim is credible unless every source it names hedges; a claim that names none is its outlet's own word.</summary>
    private static bool Credible(StoredClaim claim) => claim.Event.Sources.Count == 0 || claim.Event.Sources.Any(source => !source.Hedged);

    /// <summary>The sources a claim's figure rests on: its unhedged sources (all of them when every one hedges), or its outlet when it names none.</summary>
    private static IEnumerable<string> SourcesOf(StoredClaim claim)
    {
        var sources = claim.Event.Sources;
        if (sources.Count == 0)
        {
            return ["outlet:" + (claim.Outlet ?? claim.ArticleId)];
        }

        var firm = sources.Where(source => !source.Hedged).ToList();
        return (firm.Count > 0 ? firm : sources).Select(source => "source:" + source.Name.Trim());
    }

    private static string Sources(int count) => count == 1 ? "1 source" : $"{Text(count)} sources";

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

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
