using System.Text;

namespace Vigil.Articles;

/// <summary>
/// Removes the contents of scripts, style sheets, inline SVG drawings and comments from a page before it is parsed,
/// keeping JSON-LD scripts aside. They are more than half of a typical news page's bytes and none of its text; skipping them with vectorised
/// searches is much cheaper than letting the HTML tokenizer walk them character by character. Written by hand because
/// parsers (AngleSharp's SkipScriptText included) still tokenize what they then discard.
/// </summary>
internal static class HtmlPrefilter
{
    public static string Strip(string html, List<string> jsonLdScripts)
    {
        var output = new StringBuilder(html.Length / 2);
        var position = 0;
        var nextScript = Find(html, "<script", 0);
        var nextStyle = Find(html, "<style", 0);
        var nextSvg = Find(html, "<svg", 0);
        var nextComment = html.IndexOf("<!--", StringComparison.Ordinal);
        while (true)
        {
            var next = FirstFound(nextScript, nextStyle, nextComment, nextSvg);
            if (next < 0)
            {
                break;
            }

            if (next == nextComment)
            {
                var end = html.IndexOf("-->", next + 4, StringComparison.Ordinal);
                output.Append(html, position, next - position);
                position = end < 0 ? html.Length : end + 3;
            }
            else if (next == nextSvg)
            {
                // An SVG element has no text a reader sees as prose; it goes whole, tags and all.
                var close = Find(html, "</svg", next + 4);
                var end = close < 0 ? -1 : html.IndexOf('>', close);
                output.Append(html, position, next - position);
                position = end < 0 ? html.Length : end + 1;
            }
            else
            {
                var isScript = next == nextScript;
                var openEnd = html.IndexOf('>', next);
                if (openEnd < 0)
                {
                    break;
                }

                var close = Find(html, isScript ? "</script" : "</style", openEnd + 1);
                var contentEnd = close < 0 ? html.Length : close;
                if (isScript && html.AsSpan(next, openEnd - next).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    jsonLdScripts.Add(html[(openEnd + 1)..contentEnd]);
                }

                output.Append(html, position, openEnd + 1 - position);
                position = contentEnd;
            }

            if (position >= html.Length)
            {
                break;
            }

            if (nextScript >= 0 && nextScript < position)
            {
                nextScript = Find(html, "<script", position);
            }

            if (nextStyle >= 0 && nextStyle < position)
            {
                nextStyle = Find(html, "<style", position);
            }

            if (nextSvg >= 0 && nextSvg < position)
            {
                nextSvg = Find(html, "<svg", position);
            }

            if (nextComment >= 0 && nextComment < position)
            {
                nextComment = html.IndexOf("<!--", position, StringComparison.Ordinal);
            }
        }

        if (position < html.Length)
        {
            output.Append(html, position, html.Length - position);
        }

        return output.ToString();
    }

    /// <summary>The next tag opening with <paramref name="tag"/> as its whole name ("&lt;script" but not "&lt;scripts").</summary>
    private static int Find(string html, string tag, int start)
    {
        while (start < html.Length)
        {
            var at = html.IndexOf(tag, start, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            var after = at + tag.Length;
            if (after >= html.Length || html[after] is ' ' or '>' or '/' or '\t' or '\n' or '\r' or '\f')
            {
                return at;
            }

            start = after;
        }

        return -1;
    }

    /// <summary>The smallest of the positions that were found (not -1), or -1.</summary>
    private static int FirstFound(params ReadOnlySpan<int> positions)
    {
        var min = -1;
        foreach (var value in positions)
        {
            if (value >= 0 && (min < 0 || value < min))
            {
                min = value;
            }
        }

        return min;
    }
}
