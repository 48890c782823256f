using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Vigil.Ingest;

/// <summary>
/// Decodes HTML the way a browser does, in the WHATWG order: a byte-order mark, then the transport's charset, then
/// what the page declares in its head (meta charset, http-equiv Content-Type, XML declaration), then the bytes
/// themselves: UTF-8 when they are valid UTF-8, else a statistical detector (UTF.Unknown, a port of Mozilla's and
/// uchardet's detectors), else windows-1252. Two checks correct declarations that the bytes contradict, since old
/// pages are often re-saved without their meta tag being updated: bytes that are valid UTF-8 and hold multi-byte
/// sequences are UTF-8 whatever a legacy label says (legacy text is practically never valid UTF-8 by accident), and a
/// page labelled UTF-8 whose non-ASCII bytes are mostly invalid UTF-8 is detected instead. A page that is UTF-8 with a
/// few stray bytes keeps its text, the stray bytes becoming U+FFFD, and says so in <see cref="PageDecoding.Note"/>.
/// </summary>
public static partial class PageCharset
{
    /// <summary>How far into the page the head is searched for a declaration (WHATWG says 1024 bytes; old pages put
    /// scripts and long comments first, and browsers look further).</summary>
    private const int DeclarationWindow = 8192;

    /// <summary>How much of the page the statistical detector reads; more adds time, not accuracy.</summary>
    private const int DetectionWindow = 64 * 1024;

    static PageCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding Utf8WithReplacement = new UTF8Encoding(false, false);

    public static Encoding? EncodingFromBom(ReadOnlySpan<byte> bytes, out int length)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            length = 3;
            return Utf8WithReplacement;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            length = 2;
            return Encoding.Unicode;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            length = 2;
            return Encoding.BigEndianUnicode;
        }

        length = 0;
        return null;
    }

    /// <summary>Decodes an HTML page's bytes (without a byte-order mark; see <see cref="EncodingFromBom"/>).</summary>
    public static (string Text, PageDecoding Decoding) DecodeHtml(byte[] bytes, string? transportCharset)
    {
        var (declared, source) = EncodingFromLabel(transportCharset) is { } fromTransport
            ? (fromTransport, CharsetSource.Transport)
            : (EncodingFromLabel(SniffDeclaration(bytes)), CharsetSource.Declared);
        var isUtf8 = Utf8.IsValid(bytes);
        var hasMultiByte = bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

        if (declared is null)
        {
            return isUtf8 ? (Utf8WithReplacement.GetString(bytes), new PageDecoding("utf-8", CharsetSource.Utf8)) : Detect(bytes, null);
        }

        if (declared.CodePage == Encoding.UTF8.CodePage)
        {
            if (isUtf8)
            {
                return (Utf8WithReplacement.GetString(bytes), new PageDecoding("utf-8", source));
            }

            var text = Utf8WithReplacement.GetString(bytes);
            var (invalid, validNonAscii) = CountReplacements(bytes, text);
            if (validNonAscii > 0 && invalid <= validNonAscii)
            {
                return (text, new PageDecoding("utf-8", source, invalid,
                    $"{invalid} invalid UTF-8 byte sequence{(invalid == 1 ? string.Empty : "s")} decoded as U+FFFD"));
            }

            return Detect(bytes, $"declares UTF-8 but is not UTF-8 ({invalid} invalid sequence{(invalid == 1 ? string.Empty : "s")})");
        }

        if (isUtf8 && hasMultiByte && !IsUtf16(declared))
        {
            return (Utf8WithReplacement.GetString(bytes), new PageDecoding("utf-8", CharsetSource.Utf8, 0, $"declares {declared.WebName} but is valid UTF-8; decoded as UTF-8"));
        }

        return (declared.GetString(bytes), new PageDecoding(declared.WebName, source));
    }

    private static bool IsUtf16(Encoding encoding) => encoding.CodePage is 1200 or 1201;

    /// <summary>The number of invalid sequences (U+FFFD the bytes did not spell out themselves) and of other non-ASCII characters.</summary>
    private static (int Invalid, int ValidNonAscii) CountReplacements(byte[] bytes, string text)
    {
        var replacements = 0;
        var nonAscii = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                replacements++;
            }
            else if (c > 0x7F && !char.IsLowSurrogate(c))
            {
                nonAscii++;
            }
        }

        var literal = 0;
        var span = bytes.AsSpan();
        for (int at; (at = span.IndexOf((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBD])) >= 0; span = span[(at + 3)..])
        {
            literal++;
        }

        return (replacements - literal, nonAscii + literal);
    }

    private static (string Text, PageDecoding Decoding) Detect(byte[] bytes, string? note)
    {
        var sample = bytes.Length > DetectionWindow ? bytes[..DetectionWindow] : bytes;
        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(sample).Detected;
        var encoding = detected is { Confidence: >= 0.5f } ? EncodingFromLabel(detected.EncodingName) ?? detected.Encoding : null;
        // A detector that answers "UTF-8" or "ASCII" for bytes that are neither is guessing.
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage || encoding.CodePage == 20127 || IsUtf16(encoding))
        {
            var fallback = Encoding.GetEncoding(1252);
            return (fallback.GetString(bytes), new PageDecoding(fallback.WebName, CharsetSource.Default, 0, JoinNotes(note, "charset not declared nor detected; decoded as windows-1252")));
        }

        return (encoding.GetString(bytes), new PageDecoding(encoding.WebName, CharsetSource.Detected, 0, JoinNotes(note, $"decoded as {encoding.WebName} by detection")));
    }

    private static string JoinNotes(string? first, string second) => first is null ? second : $"{first}; {second}";

    /// <summary>
    /// The encoding a charset label names, with the WHATWG Encoding Standard's aliases (latin1 and ASCII mean
    /// windows-1252, and so on), or null for an empty or unknown label. A page may not declare UTF-16 in its own bytes
    /// (the declaration could not have been read), so such a label means UTF-8, as the standard says.
    /// </summary>
    public static Encoding? EncodingFromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant().Replace('_', '-');
        name = name switch
        {
            "iso-8859-1" or "iso8859-1" or "iso-88591" or "8859-1" or "latin1" or "l1" or "iso-ir-100" or "cp819" or "ibm819"
                or "us-ascii" or "ascii" or "ansi-x3.4-1968" or "iso-8859-1:1987" or "x-cp1252" or "cp1252" => "windows-1252",
            "iso-8859-9" or "iso8859-9" or "latin5" => "windows-1254",
            "iso-8859-11" or "tis-620" => "windows-874",
            "gb2312" or "gb-2312" or "x-gbk" or "csgb2312" => "gbk",
            "ks-c-5601-1987" or "korean" => "euc-kr",
            "x-sjis" or "sjis" or "ms-kanji" => "shift_jis",
            "utf8" or "unicode-1-1-utf-8" or "utf-16" or "utf-16le" or "utf-16be" or "utf-32" => "utf-8",
            _ => name.StartsWith("iso8859-", StringComparison.Ordinal) ? "iso-8859-" + name["iso8859-".Length..] : name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The charset the page's head declares: the first &lt;meta charset&gt; or http-equiv Content-Type meta with a
    /// charset, in either attribute order, or else an XML declaration's encoding.
    /// </summary>
    internal static string? SniffDeclaration(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, DeclarationWindow));
        foreach (Match meta in MetaTag().Matches(head))
        {
            var attributes = meta.Value;
            if (MetaCharset().Match(attributes) is { Success: true } direct)
            {
                return direct.Groups[1].Value;
            }

            if (HttpEquivContentType().IsMatch(attributes) && ContentCharset().Match(attributes) is { Success: true } fromContent)
            {
                return fromContent.Groups[1].Value;
            }
        }

        return XmlEncoding().Match(head) is { Success: true } xml ? xml.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"\scharset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"http-equiv\s*=\s*[""']?\s*content-type", RegexOptions.IgnoreCase)]
    private static partial Regex HttpEquivContentType();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*\bencoding\s*=\s*[""']([A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
