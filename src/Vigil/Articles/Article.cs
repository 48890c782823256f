using System.Text.Json.Serialization;

namespace Vigil.Articles;

/// <summary>
/// A news article as the article stage found it. Fields it could not find are null, never guessed.
/// <see cref="Text"/> is the body only: its paragraphs joined by a blank line, which is what later stages annotate.
/// </summary>
public sealed record Article(
    string Source,
    string? Headline,
    string? Standfirst,
    string? Byline,
    string? Published,
    string? Outlet,
    string? Url,
    string? Language,
    string Text,
    IReadOnlyList<string> Paragraphs)
{
    public const string ParagraphSeparator = "\n\n";

    /// <summary>The licence the input gave for the text (a JSONL <c>licence</c> field); null when it gave none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Licence { get; init; }

    /// <summary>The attribution line the licence asks for (a JSONL <c>attribution</c> field); null when the input gave none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Attribution { get; init; }

    public static string JoinParagraphs(IEnumerable<string> paragraphs) => string.Join(ParagraphSeparator, paragraphs);

    /// <summary>The body as a pipeline document, with one paragraph span per paragraph.</summary>
    public Document ToDocument()
    {
        var document = new Document(Text, Source) { Article = this };
        var offset = 0;
        foreach (var paragraph in Paragraphs)
        {
            document.Paragraphs.Add(new TextSpan(offset, offset + paragraph.Length));
            offset += paragraph.Length + ParagraphSeparator.Length;
        }

        return document;
    }
}
