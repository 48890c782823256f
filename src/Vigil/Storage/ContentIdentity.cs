using System.Security.Cryptography;
using System.Text;

namespace Vigil.Storage;

/// <summary>What makes two pages the same article: the same canonical URL, or the same text once layout is ignored.</summary>
public static class ContentIdentity
{
    private static readonly string[] TrackingParameters = ["fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "igshid", "ref_src"];

    /// <summary>
    /// SHA-256 (hex) of the text with Unicode normalized (NFKC), case folded and every run of whitespace made one space,
    /// so re-wrapped or re-indented copies of a page hash alike.
    /// </summary>
    public static string ContentHash(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// The URL with what does not change the page removed: scheme and host lower-cased, default port, fragment,
    /// tracking parameters (utm_*, fbclid, ...), and a trailing slash on a non-root path. Null when not an absolute
    /// http(s) URL.
    /// </summary>
    public static string? CanonicalUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair =>
            {
                var name = pair.Split('=')[0].ToLowerInvariant();
                return !name.StartsWith("utm_", StringComparison.Ordinal) && !TrackingParameters.Contains(name);
            })
            .ToList();
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : uri.AbsolutePath;
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}{(query.Count > 0 ? "?" + string.Join('&', query) : "")}";
    }
}
