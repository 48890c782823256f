using System.Text;

namespace Vigil.Articles;

/// <summary>
/// Removes the contents of scripts, style sheets, inline SVG drawings and comments from a page before it is parsed,
/// keeping JSON-LD scripts aside. They are more than half of a typical news page's bytes and none of its text;
/// skipping them with a vectorised search for '&lt;' is much cheaper than letting the HTML tokenizer walk them character
/// by character. Written by hand because parsers (AngleSharp's SkipScriptText included) still tokenize what they then
/// discard.
/// </summary>
internal static class HtmlPrefilter
{
    public static string Strip(string html, List<string> jsonLdScripts)
    {
        var output = new StringBuilder(html.Length / 2);
        var copiedUpTo = 0;
        var at = 0;
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
