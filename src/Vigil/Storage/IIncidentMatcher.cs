using Vigil.Events;

namespace Vigil.Storage;

/// <summary>
/// What a store asks when it files a report: which earlier reports are worth comparing, and whether this one is the
/// same incident. The store gathers candidates in SQL (reports of the same type family, in the same country when both
/// say, whose dates, widened by their precision, come within <see cref="DayWindow"/>) and leaves the decision to C#, so
/// that matching is the same on every engine. <see cref="IncidentMatcher"/> is the default.
/// </summary>
public interface IIncidentMatcher
{
    /// <summary>Days two reports' dates may lie apart, beyond what their precision allows; the store fetches no candidate farther.</summary>
    int DayWindow { get; }

    /// <summary>How far apart two reports are (lower is closer); null when they are not the same incident.</summary>
    double? Distance(ConflictEvent a, ConflictEvent b);

    /// <summary>True when the two say something that cannot both hold of one incident; what either leaves out contradicts nothing.</summary>
    bool Contradicts(ConflictEvent a, ConflictEvent b);
}
