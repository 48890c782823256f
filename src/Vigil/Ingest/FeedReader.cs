using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Vigil.Articles;

namespace Vigil.Ingest;

/// <summary>One item of a feed: the page to fetch, and the date the feed gives it.</summary>
public sealed record FeedItem(string Url, string? Title, string? Published);

/// <summary>RSS 2.0 and Atom 1.0 feeds, read an item at a time with System.ServiceModel.Syndication.</summary>
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

    /// <summary>The items' links in feed order, resolved against <paramref name="baseUrl"/> when relative; a feed that breaks is an <see cref="InputException"/>.</summary>
    public static IReadOnlyList<FeedItem> Read(string source, byte[] bytes, Uri? baseUrl = null)
    {
        var (items, error) = ReadUntilBroken(source, bytes, baseUrl);
        return error is null ? items : throw error;
    }

    /// <summary>
    /// The items read one by one, and, when the feed breaks (malformed XML, an item that cannot be read), the items
    /// before the break with the reason in one line naming its line number, so that a feed cut short or with one bad
    /// byte still gives what it had.
    /// </summary>
    public static (IReadOnlyList<FeedItem> Items, InputException? Error) ReadUntilBroken(string source, byte[] bytes, Uri? baseUrl = null)
    {
        var items = new List<FeedItem>();
        // No DTDs and no external entities: a feed is untrusted input.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        var lines = (IXmlLineInfo)reader;
        var itemLine = 0;
        try
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName is not ("rss" or "feed" or "RDF"))
            {
                return ([], new InputException(source, $"not an RSS or Atom feed (its first element is <{reader.Name}>, not <rss> or <feed>)"));
            }

            var root = baseUrl ?? (Uri.TryCreate(reader.GetAttribute("xml:base"), UriKind.Absolute, out var declared) ? declared : null);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "item" or "entry")
                {
                    itemLine = lines.LineNumber;
                    var element = (XElement)XNode.ReadFrom(reader);
                    if (ToItem(SyndicationItem.Load(element.CreateReader()), root) is { } item)
                    {
                        items.Add(item);
                    }

                    itemLine = 0;
                    continue;
                }

                reader.Read();
            }

            return (items, null);
        }
        catch (XmlException e)
        {
            return (items, new InputException(source, $"{Broken(items.Count)} at line {e.LineNumber}: {InOwnWords(e)}", e));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or FormatException)
        {
            var line = itemLine > 0 ? itemLine : lines.LineNumber;
            return (items, new InputException(source, $"{Broken(items.Count)} at line {line}: an item that cannot be read as RSS or Atom (a date or link in a form neither allows)", e));
        }
    }

    private static string Broken(int itemsBefore) =>
        itemsBefore == 0 ? "the feed breaks before its first item" : $"the feed breaks after {itemsBefore} item{(itemsBefore == 1 ? "" : "s")} (those are kept)";

    /// <summary>What is wrong, said for a reader who is not an XML parser; the parser's own message stays in the exception.</summary>
    private static string InOwnWords(XmlException e)
    {
        var message = e.Message;
        return message switch
        {
            _ when message.Contains("Unexpected end of file", StringComparison.OrdinalIgnoreCase) => "the file ends before the feed is closed (cut short?)",
            _ when message.Contains("does not match the end tag", StringComparison.OrdinalIgnoreCase) => "a tag is closed out of order",
            _ when message.Contains("EntityName", StringComparison.Ordinal) => "a bare '&' that should be written &amp;",
            _ when message.Contains("undeclared entity", StringComparison.OrdinalIgnoreCase) => "it uses a named character (such as &nbsp;) that XML does not define",
            _ when message.Contains("invalid character", StringComparison.OrdinalIgnoreCase) || message.Contains("hexadecimal value", StringComparison.OrdinalIgnoreCase)
                => "it holds a character that XML does not allow",
            _ when message.Contains("multiple root elements", StringComparison.OrdinalIgnoreCase) => "there is more after the feed's end",
            _ when message.Contains("Root element is missing", StringComparison.OrdinalIgnoreCase) => "there is no XML in it",
            _ => "the XML is malformed there",
        };
    }

    private static FeedItem? ToItem(SyndicationItem item, Uri? root)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri ?? item.Links.FirstOrDefault()?.Uri;
        if (link is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idUri) && idUri.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            link = idUri; // RSS guid with isPermaLink
        }

        if (link is null)
        {
            return null;
        }

        if (!link.IsAbsoluteUri && root is not null)
        {
            link = new Uri(root, link);
        }

        var date = item.PublishDate != DateTimeOffset.MinValue ? item.PublishDate : item.LastUpdatedTime;
        var published = date == DateTimeOffset.MinValue ? null : DateText.NormalizeMachineDate(date.ToString("O"));
        return new FeedItem(link.ToString(), item.Title?.Text, published);
    }
}
