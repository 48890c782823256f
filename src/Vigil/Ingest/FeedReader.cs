using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Vigil.Articles;

namespace Vigil.Ingest;

/// <summary>One item of a feed: the page to fetch, and the date the feed gives it.</summary>
public sealed record FeedItem(string Url, string? Title, string? Published);

/// <summary>RSS 2.0 and Atom 1.0 feeds, read with System.ServiceModel.Syndication.</summary>
public static class FeedReader
{
    public static bool IsFeedFile(string path) =>
        path.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".atom", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the bytes start like an RSS, Atom or RDF feed rather than a page.</summary>
    public static bool LooksLikeFeed(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 2048)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!head.StartsWith('<') || head.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return head.Contains("<rss", StringComparison.Ordinal) || head.Contains("<feed", StringComparison.Ordinal) || head.Contains("<rdf:RDF", StringComparison.Ordinal);
    }

    /// <summary>The items' links in feed order, resolved against <paramref name="baseUrl"/> when relative.</summary>
    public static IReadOnlyList<FeedItem> Read(string source, byte[] bytes, Uri? baseUrl = null)
    {
        SyndicationFeed feed;
        try
        {
            // No DTDs and no external entities: a feed is untrusted input.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            feed = SyndicationFeed.Load(reader);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or NotSupportedException or FormatException)
        {
            throw new InputException(source, $"not a readable RSS or Atom feed ({e.Message.TrimEnd('.')})", e);
        }

        var items = new List<FeedItem>();
        foreach (var item in feed.Items)
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri ?? item.Links.FirstOrDefault()?.Uri;
            if (link is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idUri) && idUri.Scheme.StartsWith("http", StringComparison.Ordinal))
            {
                link = idUri; // RSS guid with isPermaLink
            }

            if (link is null)
            {
                continue;
            }

            if (!link.IsAbsoluteUri && (baseUrl ?? feed.BaseUri) is { } root)
            {
                link = new Uri(root, link);
            }

            var date = item.PublishDate != DateTimeOffset.MinValue ? item.PublishDate : item.LastUpdatedTime;
            var published = date == DateTimeOffset.MinValue ? null : DateText.NormalizeMachineDate(date.ToString("O"));
            items.Add(new FeedItem(link.ToString(), item.Title?.Text, published));
        }

        return items;
    }
}
