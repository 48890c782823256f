namespace Vigil;

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

/// <summary>Where the charset a page was decoded with came from.</summary>
public enum CharsetSource
{
    /// <summary>A byte-order mark at the start of the bytes.</summary>
    ByteOrderMark,

    /// <summary>The transport: an HTTP Content-Type header or a WARC record's.</summary>
    Transport,

    /// <summary>The page's own <c>&lt;meta charset&gt;</c>, <c>http-equiv</c> Content-Type or XML declaration.</summary>
    Declared,

    /// <summary>Nothing was declared (or the declaration was wrong) and the bytes are valid UTF-8.</summary>
    Utf8,

    /// <summary>Nothing usable was declared and the bytes are not UTF-8: a statistical detector chose.</summary>
    Detected,

    /// <summary>Nothing was declared and the detector was unsure: windows-1252, as browsers assume.</summary>
    Default,
}

/// <summary>
/// How a page's bytes were turned into text. <see cref="ReplacedSequences"/> counts invalid byte sequences that were
/// decoded as U+FFFD, as browsers do, rather than refusing the page; <see cref="Note"/> says in one line what was
/// unusual (a declaration the bytes contradict, replaced bytes), or is null when nothing was.
/// </summary>
public sealed record PageDecoding(string Charset, CharsetSource Source, int ReplacedSequences = 0, string? Note = null);
