using System.Buffers;
using System.Collections.Frozen;

namespace Vigil.Articles;

/// <summary>
/// Removes the contents of scripts, style sheets, inline SVG drawings and comments from a page before it is parsed,
/// keeping JSON-LD scripts aside. They are more than half of a typical news page's bytes and none of its text;
/// skipping them with a vectorised search for '&lt;' is much cheaper than letting the HTML tokenizer walk them character
/// by character. Written by hand because parsers (AngleSharp's SkipScriptText included) still tokenize what they then
/// discard.
/// <para>
/// It also bounds the depth of nesting, as browsers do (Blink stops nesting at 512 open elements): HTML tree
/// construction looks through the stack of open elements for each tag, so a page of 100,000 nested elements costs time
/// in the square of its size. Past <see cref="MaxDepth"/> open elements, further tags are dropped, with their matching
/// end tags, and their text stays where it was. Depth is counted from the tags alone: void elements and elements whose
/// end the parser implies (p, li, td, a...) are not counted, since they never nest deeply in the tree built.
/// </para>
/// </summary>
internal static class HtmlPrefilter
{
    /// <summary>Open elements kept before deeper tags are dropped: Blink's kMaximumHTMLParserDOMTreeDepth.</summary>
    public const int MaxDepth = 512;

    /// <summary>Void elements, and elements whose end tag the parser implies when the next one opens.</summary>
    private static readonly FrozenSet<string> NotNesting = FrozenSet.Create(StringComparer.Ordinal,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "basefont", "bgsound", "frame", "image", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
        "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "a", "html", "head", "body");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNestingByName = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Strip(string html, List<string> jsonLdScripts)
    {
        // Nothing is ever added, only dropped or replaced by one space, so the page's length bounds the output: one
        // pooled buffer of it, and a single copy out, instead of a builder's chunks.
        var buffer = ArrayPool<char>.Shared.Rent(html.Length);
        try
        {
            return Strip(html, jsonLdScripts, new Output(buffer));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string Strip(string html, List<string> jsonLdScripts, Output output)
    {
        var copiedUpTo = 0;
        var at = 0;
        var depth = 0;
        var droppedOpen = 0;
        while ((at = html.IndexOf('<', at)) >= 0 && at + 1 < html.Length)
        {
            var rest = html.AsSpan(at + 1);
            if (rest.StartsWith("!--", StringComparison.Ordinal))
            {
                var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
                output.Append(html, copiedUpTo, at - copiedUpTo);
                copiedUpTo = at = end < 0 ? html.Length : end + 3;
            }
            else if (IsTag(rest, "script") || IsTag(rest, "style"))
            {
                var isScript = (rest[1] | 0x20) == 'c';
                var openEnd = html.IndexOf('>', at);
                if (openEnd < 0)
                {
                    break;
                }

                var close = FindClosingTag(html, isScript ? "script" : "style", openEnd + 1);
                if (isScript && html.AsSpan(at, openEnd - at).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    jsonLdScripts.Add(html[(openEnd + 1)..close]);
                }

                output.Append(html, copiedUpTo, openEnd + 1 - copiedUpTo);
                copiedUpTo = at = close;
            }
            else if (IsTag(rest, "svg"))
            {
                // An SVG drawing has no text a reader sees as prose; it goes whole, tags and all.
                var close = FindClosingTag(html, "svg", at + 4);
                var end = close < html.Length ? html.IndexOf('>', close) : -1;
                output.Append(html, copiedUpTo, at - copiedUpTo);
                copiedUpTo = at = end < 0 ? html.Length : end + 1;
            }
            else if (IsTag(rest, "title") && FindClosingTag(html, "title", at + 6) == html.Length)
            {
                // A title is plain text up to its </title>: a page that never closes it (a head cut short or broken)
                // would lose everything after it to the title. The unclosed tag goes; its text stays as text.
                var openEnd = html.IndexOf('>', at);
                if (openEnd < 0)
                {
                    break;
                }

                Drop(ref output, html, ref copiedUpTo, at, openEnd + 1);
                at = openEnd + 1;
            }
            else if (TagExtent(html, at, out var end, out var closing, out var nests))
            {
                if (!nests)
                {
                }
                else if (closing && droppedOpen > 0)
                {
                    droppedOpen--;
                    Drop(ref output, html, ref copiedUpTo, at, end);
                }
                else if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (depth >= MaxDepth)
                {
                    droppedOpen++;
                    Drop(ref output, html, ref copiedUpTo, at, end);
                }
                else
                {
                    depth++;
                }

                at = end;
            }
            else
            {
                at++;
            }
        }

        if (copiedUpTo == 0)
        {
            return html;
        }

        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return output.ToString();
    }

    /// <summary>Replaces a tag with a space, so that the words either side of it stay apart.</summary>
    private static void Drop(ref Output output, string html, ref int copiedUpTo, int start, int end)
    {
        output.Append(html, copiedUpTo, start - copiedUpTo);
        output.Append(' ');
        copiedUpTo = end;
    }

    /// <summary>The stripped page, written into a buffer at least as long as the page.</summary>
    private struct Output(char[] buffer)
    {
        private int length;

        public void Append(string text, int start, int count)
        {
            text.CopyTo(start, buffer, length, count);
            length += count;
        }

        public void Append(char c) => buffer[length++] = c;

        public override readonly string ToString() => new(buffer, 0, length);
    }

    /// <summary>
    /// Reads the tag that starts at <paramref name="start"/> ('&lt;'): where it ends (after its '&gt;'), whether it is an
    /// end tag, and whether it opens or closes an element that nests (not void, not self-closing, no implied end).
    /// False when the '&lt;' starts no tag ("a &lt; b").
    /// </summary>
    private static bool TagExtent(string html, int start, out int end, out bool closing, out bool nests)
    {
        end = start + 1;
        closing = end < html.Length && html[end] == '/';
        var nameStart = closing ? end + 1 : end;
        if (nameStart < html.Length && html[nameStart] is '!' or '?')
        {
            // A doctype, a CDATA section or a processing instruction: nothing that nests.
            var declarationEnd = html.IndexOf('>', nameStart);
            end = declarationEnd < 0 ? html.Length : declarationEnd + 1;
            nests = false;
            return !closing;
        }

        var nameEnd = nameStart;
        while (nameEnd < html.Length && nameEnd - nameStart < 16 && char.IsAsciiLetterOrDigit(html[nameEnd]))
        {
            nameEnd++;
        }

        nests = false;
        if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            return false;
        }

        var close = html.IndexOf('>', nameEnd);
        end = close < 0 ? html.Length : close + 1;
        Span<char> name = stackalloc char[nameEnd - nameStart];
        html.AsSpan(nameStart, nameEnd - nameStart).ToLowerInvariant(name);
        var selfClosing = close > 0 && html[close - 1] == '/';
        nests = !selfClosing && !NotNestingByName.Contains(name);
        return true;
    }

    /// <summary>Whether the text after '&lt;' opens <paramref name="name"/> as a whole tag name ("script" but not "scripts").</summary>
    private static bool IsTag(ReadOnlySpan<char> rest, string name) =>
        rest.Length > name.Length && rest.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && rest[name.Length] is ' ' or '>' or '/' or '\t' or '\n' or '\r' or '\f';

    /// <summary>The position of the "&lt;/name" that closes an element, or the end of the page when it is never closed.</summary>
    private static int FindClosingTag(string html, string name, int from)
    {
        var at = from;
        while ((at = html.IndexOf("</", at, StringComparison.Ordinal)) >= 0)
        {
            var rest = html.AsSpan(at + 2);
            if (rest.Length >= name.Length && rest.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }

            at += 2;
        }

        return html.Length;
    }
}
