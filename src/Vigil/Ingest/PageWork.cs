using System.IO.Compression;
using System.Text.Json;
using Vigil.Articles;

namespace Vigil.Ingest;

/// <summary>
/// One page to ingest, not yet read: <see cref="Load"/> reads or fetches it (in parallel with other pages), or
/// <see cref="Error"/> says why the input could not even be listed. <see cref="InputIndex"/> is the user's input it
/// came from, for progress by input.
/// </summary>
public sealed record PageWork(string Label, int InputIndex, string? Url, Func<CancellationToken, Task<RawPage>>? Load, InputException? Error = null)
{
    public static PageWork Failed(InputException error, int inputIndex) => new(error.Input, inputIndex, null, null, error);
}

/// <summary>
/// Turns what the user names (files, folders, JSON lines, WARC files, RSS/Atom feeds, URLs) into pages to ingest, in a
/// fixed order so that two runs over the same inputs see the same pages in the same order.
/// </summary>
public static class IngestInputs
{
    public static bool IsIngestFile(string path) =>
        InputFiles.IsPageFile(path) || IsJsonLines(path) || WarcReader.IsWarcFile(path) || FeedReader.IsFeedFile(path);

    private static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Plain JSONL files larger than this are not counted ahead of a run: the count would cost a read of its own.</summary>
    private const long CountableJsonLinesBytes = 256L * 1024 * 1024;

    /// <summary>
    /// How many pages the listed files hold, when that is cheap to know: one per page file, one per non-blank line of a
    /// plain JSONL file. Null when any file is a WARC, a feed, a compressed JSONL file, a very large one, or a URL.
    /// </summary>
    public static int? ExpectedPages(IEnumerable<string> files)
    {
        var total = 0;
        foreach (var file in files)
        {
            if (InputFiles.IsPageFile(file) && !PageFetcher.IsHttpUrl(file))
            {
                total++;
                continue;
            }

            if (!file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                var info = new FileInfo(file);
                if (!info.Exists || info.Length > CountableJsonLinesBytes)
                {
                    return null;
                }

                // A named pipe has no length and must not be drained by the count: only files with bytes are read.
                if (info.Length > 0)
                {
                    total += File.ReadLines(file).Count(line => !string.IsNullOrWhiteSpace(line));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        return total;
    }

    /// <param name="isKnownUrl">Pages whose URL is already stored are not fetched again.</param>
    public static IEnumerable<PageWork> Enumerate(IReadOnlyList<string> inputs, PageFetcher fetcher, Func<string, bool>? isKnownUrl = null, Action<string>? skippedKnown = null)
    {
        isKnownUrl ??= _ => false;
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            IEnumerable<PageWork> pages = PageFetcher.IsHttpUrl(input)
                ? FromUrl(input, index, fetcher, isKnownUrl, skippedKnown)
                : InputFiles.Expand([input], IsIngestFile).SelectMany(file => FromFile(file, index, fetcher, isKnownUrl, skippedKnown));
            foreach (var page in pages)
            {
                yield return page;
            }
        }
    }

    private static IEnumerable<PageWork> FromFile(string path, int index, PageFetcher fetcher, Func<string, bool> isKnownUrl, Action<string>? skippedKnown)
    {
        if (WarcReader.IsWarcFile(path))
        {
            return FromWarc(path, index);
        }

        if (IsJsonLines(path))
        {
            return FromJsonLines(path, index);
        }

        if (FeedReader.IsFeedFile(path) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return Guard(path, index, () =>
            {
                var (items, broken) = FeedReader.ReadUntilBroken(path, File.ReadAllBytes(path));
                return FromFeed(items, index, fetcher, isKnownUrl, skippedKnown, broken);
            });
        }

        return [new PageWork(path, index, null, _ => Task.FromResult(PageLoader.LoadFile(path)))];
    }

    private static IEnumerable<PageWork> FromUrl(string url, int index, PageFetcher fetcher, Func<string, bool> isKnownUrl, Action<string>? skippedKnown)
    {
        if (isKnownUrl(url))
        {
            skippedKnown?.Invoke(url);
            return [];
        }

        // The URL is fetched here, in order, since only its body tells a feed (more pages to list) from a page.
        return Guard(url, index, () =>
        {
            var fetched = fetcher.FetchAsync(url).GetAwaiter().GetResult();
            if (fetched.MediaType is "application/rss+xml" or "application/atom+xml" || FeedReader.LooksLikeFeed(fetched.Body))
            {
                var (items, broken) = FeedReader.ReadUntilBroken(url, fetched.Body, fetched.Url);
                return FromFeed(items, index, fetcher, isKnownUrl, skippedKnown, broken);
            }

            var page = DecodeFetched(url, fetched, null);
            return [new PageWork(url, index, fetched.Url.ToString(), _ => Task.FromResult(page))];
        });
    }

    /// <param name="broken">Why the feed stopped before its end: one failed input after the items read before it.</param>
    private static IEnumerable<PageWork> FromFeed(
        IReadOnlyList<FeedItem> items, int index, PageFetcher fetcher, Func<string, bool> isKnownUrl, Action<string>? skippedKnown, InputException? broken = null)
    {
        foreach (var item in items)
        {
            if (isKnownUrl(item.Url))
            {
                skippedKnown?.Invoke(item.Url);
                continue;
            }

            yield return new PageWork(item.Url, index, item.Url, async cancellation =>
            {
                var fetched = await fetcher.FetchAsync(item.Url, cancellation).ConfigureAwait(false);
                return DecodeFetched(item.Url, fetched, item.Published);
            });
        }

        if (broken is not null)
        {
            yield return PageWork.Failed(broken, index);
        }
    }

    private static RawPage DecodeFetched(string source, FetchedPage fetched, string? published)
    {
        var format = fetched.MediaType switch
        {
            "text/plain" => PageFormat.Text,
            "text/html" or "application/xhtml+xml" => PageFormat.Html,
            null => (PageFormat?)null,
            _ => throw new InputException(source, $"not a page ({fetched.MediaType})"),
        };
        return PageLoader.Decode(source, fetched.Body, format, declaredCharset: fetched.Charset, url: fetched.Url.ToString()) with { Published = published };
    }

    private static IEnumerable<PageWork> FromWarc(string path, int index)
    {
        using var records = WarcReader.ReadFile(path).GetEnumerator();
        while (true)
        {
            WarcRecord? record = null;
            InputException? broken = null;
            try
            {
                if (!records.MoveNext())
                {
                    yield break;
                }

                record = records.Current;
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                broken = new InputException(path, e.Message, e);
            }

            if (record is null)
            {
                yield return PageWork.Failed(broken!, index);
                yield break;
            }

            var isResponse = string.Equals(record.Type, "response", StringComparison.OrdinalIgnoreCase);
            var isResource = string.Equals(record.Type, "resource", StringComparison.OrdinalIgnoreCase);
            if (!isResponse && !isResource)
            {
                continue;
            }

            var label = $"{path}@{record.Offset}";
            var url = record.TargetUri;
            if (isResource)
            {
                var type = record.Headers.TryGetValue("Content-Type", out var contentType) ? contentType : "";
                if (type.Contains("html", StringComparison.OrdinalIgnoreCase))
                {
                    yield return new PageWork(label, index, url, _ => Task.FromResult(PageLoader.Decode(label, record.Content, PageFormat.Html, url: url)));
                }

                continue;
            }

            WarcReader.HttpResponse? response = null;
            string? unreadable = null;
            try
            {
                response = WarcReader.ParseHttpResponse(record.Content);
            }
            catch (InvalidDataException e)
            {
                unreadable = e.Message;
            }

            if (response is null)
            {
                yield return PageWork.Failed(new InputException(label, unreadable!), index);
                continue;
            }

            // Only successful HTML answers are pages; images, scripts, redirects and errors are part of any crawl.
            if (response.Status != 200 || response.MediaType is not ("text/html" or "application/xhtml+xml"))
            {
                continue;
            }

            yield return new PageWork(label, index, url, _ => Task.FromResult(PageLoader.Decode(label, response.Body, PageFormat.Html, declaredCharset: response.Charset, url: url)));
        }
    }

    /// <summary>One JSONL record; <c>title</c>, <c>licence</c> (or <c>license</c>) and <c>attribution</c> are optional and kept with the article.</summary>
    private sealed record JsonLine(string? Id, string? Text, string? Html, string? Published, string? Url, string? Title, string? Licence, string? License, string? Attribution);

    private static IEnumerable<PageWork> FromJsonLines(string path, int index)
    {
        StreamReader reader;
        try
        {
            Stream stream = File.OpenRead(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }

            reader = new StreamReader(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [PageWork.Failed(new InputException(path, $"cannot be read ({e.Message})", e), index)];
        }

        return Lines(reader);

        IEnumerable<PageWork> Lines(StreamReader lines)
        {
            using var _ = lines;
            var number = 0;
            while (true)
            {
                string? line = null;
                string? unreadable = null;
                try
                {
                    line = lines.ReadLine();
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    unreadable = e.Message;
                }

                if (unreadable is not null)
                {
                    yield return PageWork.Failed(new InputException($"{path}:{number + 1}", $"cannot be read ({unreadable})"), index);
                    yield break;
                }

                if (line is null)
                {
                    yield break;
                }

                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                JsonLine? item = null;
                string? failure = null;
                try
                {
                    item = JsonSerializer.Deserialize<JsonLine>(line, JsonOptions);
                }
                catch (JsonException e)
                {
                    failure = $"invalid JSON ({e.Message.Split(". ")[0]})";
                }

                if (item is null || (item.Text is null && item.Html is null))
                {
                    yield return PageWork.Failed(new InputException($"{path}:{number}", failure ?? "no \"text\" or \"html\" field"), index);
                    continue;
                }

                var label = item.Id is null ? $"{path}:{number}" : $"{path}#{item.Id}";
                var content = item.Html ?? item.Text!;
                var format = item.Html is not null ? PageFormat.Html : PageFormat.Text;
                var published = DateText.NormalizeMachineDate(item.Published);
                var url = item.Url;
                var (title, licence, attribution) = (Clean(item.Title), Clean(item.Licence ?? item.License), Clean(item.Attribution));
                yield return new PageWork(label, index, url, _ =>
                {
                    if (string.IsNullOrWhiteSpace(content))
                    {
                        throw new InputException(label, "empty");
                    }

                    return Task.FromResult(new RawPage(label, content, format, url, published) { Title = title, Licence = licence, Attribution = attribution });
                });
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Lists an input's pages, turning a failure to list them into one failed item.</summary>
    private static IEnumerable<PageWork> Guard(string input, int index, Func<IEnumerable<PageWork>> list)
    {
        IEnumerable<PageWork> pages;
        try
        {
            pages = list().ToList();
        }
        catch (InputException e)
        {
            pages = [PageWork.Failed(e, index)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            pages = [PageWork.Failed(new InputException(input, $"cannot be read ({e.Message})", e), index)];
        }

        return pages;
    }
}
