namespace Vigil.Ingest;

public enum PageFormat
{
    Html,

    /// <summary>A page already flattened to text, one block per line (scraper output, copied text).</summary>
    Text,
}

/// <summary>A decoded page as it arrived, before any extraction.</summary>
public sealed record RawPage(string Source, string Content, PageFormat Format, string? Url = null, string? Published = null)
{
    /// <summary>The headline the input gave beside the page (a JSONL <c>title</c>), used when the page itself states none.</summary>
    public string? Title { get; init; }

    /// <summary>The licence the input gave for the page (a JSONL <c>licence</c>), kept with the stored article.</summary>
    public string? Licence { get; init; }

    /// <summary>How the page's bytes were decoded: the charset, where it came from, and any bytes replaced by U+FFFD.</summary>
    public PageDecoding? Decoding { get; init; }

    /// <summary>The attribution line the input gave for the page (a JSONL <c>attribution</c>), kept with the stored article.</summary>
    public string? Attribution { get; init; }

    /// <summary>
    /// SHA-256 (hex) of the page as read (its format and decoded content): what a store remembers of every page it has
    /// seen, so that a rerun recognizes a stored page before any parsing.
    /// </summary>
    public string ContentKey()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"{Format}\n{Content}");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
