using Vigil.Articles;
using Vigil.Events;

namespace Vigil;

/// <summary>What the pipeline made of one page: its article and the incidents it reports (in the order found).</summary>
public sealed record ProcessedPage(Article Article, IReadOnlyList<ConflictEvent> Events)
{
    /// <summary>The <see cref="RawPage.ContentKey"/> of the page it came from, which the store remembers; null when not known.</summary>
    public string? PageKey { get; init; }
}
