namespace Vigil.Ingest;

public enum PageFormat
{
    Html,

    /// <summary>A page already flattened to text, one block per line (scraper output, copied text).</summary>
    Text,
}

/// <summary>A decoded page as it arrived, before any extraction.</summary>
public sealed record RawPage(string Source, string Content, PageFormat Format, string? Url = null, string? Published = null);
