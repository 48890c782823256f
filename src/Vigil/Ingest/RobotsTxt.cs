using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Vigil.Ingest;

/// <summary>
/// The rules of one site's robots.txt for one crawler (RFC 9309): the groups naming the crawler's product token, else the
/// "*" groups; the longest matching path pattern decides, Allow winning a tie; "*" matches any run of characters and a
/// final "$" the end of the path.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Pattern, Regex Match, bool Allow)> rules;

    private RobotsTxt(List<(string, Regex, bool)> rules) => this.rules = rules;

    public static readonly RobotsTxt AllowAll = new([]);

    /// <summary>A site whose robots.txt could not be had for a server error: RFC 9309 says to assume it forbids everything.</summary>
    public static readonly RobotsTxt DisallowAll = new([("/", new Regex("^/", RegexOptions.CultureInvariant), false)]);

    public static RobotsTxt Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<(string, Regex, bool)> Rules)>();
        List<string>? agents = null;
        List<(string, Regex, bool)>? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (current is not null)
                {
                    // A user-agent line after rules starts a new group.
                    agents = null;
                    current = null;
                }

                if (agents is null)
                {
                    agents = [];
                    groups.Add((agents, []));
                }

                agents.Add(value.ToLowerInvariant());
            }
            else if ((key is "allow" or "disallow") && agents is not null)
            {
                current = groups[^1].Rules;
                if (value.Length > 0)
                {
                    current.Add((value, Compile(value), key == "allow"));
                }
            }
        }

        var token = productToken.ToLowerInvariant();
        var mine = groups.Where(group => group.Agents.Contains(token)).SelectMany(group => group.Rules).ToList();
        if (mine.Count == 0 && !groups.Any(group => group.Agents.Contains(token)))
        {
            mine = [.. groups.Where(group => group.Agents.Contains("*")).SelectMany(group => group.Rules)];
        }

        return new RobotsTxt(mine);
    }

    public bool IsAllowed(Uri url)
    {
        var path = url.PathAndQuery;
        (string Pattern, bool Allow)? decisive = null;
        foreach (var (pattern, match, allow) in rules)
        {
            if (match.IsMatch(path) && (decisive is null || pattern.Length > decisive.Value.Pattern.Length || (pattern.Length == decisive.Value.Pattern.Length && allow)))
            {
                decisive = (pattern, allow);
            }
        }

        return decisive?.Allow ?? true;
    }

    private static Regex Compile(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = Regex.Escape(anchored ? pattern[..^1] : pattern).Replace("\\*", ".*", StringComparison.Ordinal);
        return new Regex("^" + body + (anchored ? "$" : ""), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

/// <summary>Each site's robots.txt, fetched through the polite fetcher once and kept for a while.</summary>
public sealed class RobotsCache(PageFetcher fetcher, string productToken = "Vigil")
{
    private readonly ConcurrentDictionary<string, (RobotsTxt Rules, DateTime Until)> sites = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan KeepFor { get; init; } = TimeSpan.FromDays(1);

    /// <summary>A site whose robots.txt could not be read is asked again this much later (until then, nothing is fetched from it).</summary>
    public TimeSpan KeepUnreachableFor { get; init; } = TimeSpan.FromMinutes(10);

    public async Task<bool> IsAllowedAsync(Uri url, CancellationToken cancellation = default)
    {
        var site = $"{url.Scheme}://{url.Authority}";
        if (!sites.TryGetValue(site, out var known) || DateTime.UtcNow > known.Until)
        {
            known = await FetchAsync(site, cancellation).ConfigureAwait(false);
            sites[site] = known;
        }

        return known.Rules.IsAllowed(url);
    }

    private async Task<(RobotsTxt, DateTime)> FetchAsync(string site, CancellationToken cancellation)
    {
        try
        {
            var answer = await fetcher.FetchAnswerAsync($"{site}/robots.txt", null, cancellation).ConfigureAwait(false);
            return answer.Status switch
            {
                >= 200 and < 300 => (RobotsTxt.Parse(System.Text.Encoding.UTF8.GetString(answer.Body), productToken), DateTime.UtcNow + KeepFor),
                // No robots.txt (404, 410, any 4xx but 429): the site sets no rules.
                _ => (RobotsTxt.AllowAll, DateTime.UtcNow + KeepFor),
            };
        }
        catch (InputException)
        {
            // Unreachable, or a server error after the retries: RFC 9309 says to assume everything is disallowed.
            return (RobotsTxt.DisallowAll, DateTime.UtcNow + KeepUnreachableFor);
        }
    }
}
