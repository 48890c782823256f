using System.Diagnostics;
using System.Text;
using Vigil.Ingest;
using Xunit.Abstractions;

namespace Vigil.Tests.Ingest;

/// <summary>
/// Fuzzing the inputs (issue 16): random and mutated HTML, WARC, RSS and JSON lines, with a fixed seed and a time
/// budget, through the same listing and loading as `vigil ingest` and then article extraction. Each input must either
/// give a page or fail with one line naming it: no other exception (a crash) and no input that runs past its limit (a hang).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 16;
    private const int InputsPerFormat = 750;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    private readonly string folder = Directory.CreateTempSubdirectory("vigil-fuzz-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly string Html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "article-boilerplate.html"));

    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link><description>d</description>
        <item><title>One</title><link>https://news.example/1</link><pubDate>Fri, 03 May 2024 08:00:00 GMT</pubDate><guid>https://news.example/1</guid></item>
        <item><title>Two</title><link>/2</link><description>&lt;p&gt;text&lt;/p&gt;</description></item>
        </channel></rss>
        """;

    private const string JsonLines = """
        {"id": "n1", "text": "On 3 May 2020, two people were killed in a clash in Konduga.", "published": "2020-05-03", "url": "https://news.example/n1"}
        {"id": "n2", "html": "<html><head><title>T</title></head><body><article><p>Police dispersed a march.</p></article></body></html>", "title": "T"}
        {"id": "n3", "text": "Gunmen attacked a village.", "licence": "CC BY 4.0", "attribution": "Example"}
        """;

    private static byte[] Warc()
    {
        var http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + Html;
        var record = new StringBuilder()
            .Append("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
            .Append("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/a\r\nWARC-Date: 2024-05-03T08:00:00Z\r\n")
            .Append("Content-Type: application/http; msgtype=response\r\n")
            .Append($"Content-Length: {Encoding.UTF8.GetByteCount(http)}\r\n\r\n").Append(http).Append("\r\n\r\n");
        return Encoding.UTF8.GetBytes(record.ToString());
    }

    [Fact]
    public async Task NoInputCrashesOrHangsAndEachBadOneFailsInOneLine()
    {
        var random = new Random(Seed);
        var seeds = new (string Extension, byte[] Bytes)[]
        {
            (".html", Encoding.UTF8.GetBytes(Html)), (".warc", Warc()), (".rss", Encoding.UTF8.GetBytes(Rss)), (".jsonl", Encoding.UTF8.GetBytes(JsonLines)),
        };
        var clock = Stopwatch.StartNew();
        int inputs = 0, pages = 0, failures = 0;
        var problems = new List<string>();
        for (var round = 0; round < InputsPerFormat && clock.Elapsed < Budget; round++)
        {
            foreach (var (extension, seed) in seeds)
            {
                var bytes = round % 4 == 0 ? RandomInput(random, extension) : Mutate(random, seed);
                var path = Path.Combine(folder, $"input-{inputs++}{extension}");
                File.WriteAllBytes(path, bytes);
                var run = Task.Run(() => Ingest(path));
                if (await Task.WhenAny(run, Task.Delay(PerInput)) != run)
                {
                    problems.Add($"{path}: still running after {PerInput.TotalSeconds} s (a hang)");
                    continue;
                }

                var (read, failed, problem) = await run;
                pages += read;
                failures += failed;
                if (problem is not null)
                {
                    problems.Add(problem);
                    File.Copy(path, Path.Combine(Path.GetTempPath(), Path.GetFileName(path)), overwrite: true);
                }

                File.Delete(path);
            }
        }

        output.WriteLine($"{inputs} inputs (seed {Seed}) in {clock.Elapsed.TotalSeconds:0.0} s: {pages} pages read, {failures} failures each one line naming its input, {problems.Count} problems");
        problems.ForEach(output.WriteLine);
        Assert.Empty(problems);
        Assert.True(inputs >= 400, $"only {inputs} inputs within the budget");
    }

    /// <summary>Lists and loads the file's pages as ingest does (feed items are not fetched), then extracts their articles.</summary>
    private static (int Pages, int Failures, string? Problem) Ingest(string path)
    {
        int pages = 0, failures = 0;
        try
        {
            using var fetcher = new PageFetcher();
            foreach (var work in IngestInputs.Enumerate([path], fetcher))
            {
                if (work.Error is not null)
                {
                    failures++;
                    if (OneLine(work.Error) is { } bad)
                    {
                        return (pages, failures, bad);
                    }

                    continue;
                }

                if (!work.Label.StartsWith(path, StringComparison.Ordinal))
                {
                    continue; // a feed item: a URL, fetched only in a real run
                }

                try
                {
                    var page = work.Load!(CancellationToken.None).GetAwaiter().GetResult();
                    PageProcessors.ExtractArticle(page);
                    pages++;
                }
                catch (InputException e)
                {
                    failures++;
                    if (OneLine(e) is { } bad)
                    {
                        return (pages, failures, bad);
                    }
                }
            }

            return (pages, failures, null);
        }
        catch (Exception e)
        {
            return (pages, failures, $"{path}: crashed with {e.GetType().Name}: {e.Message}");
        }
    }

    private static string? OneLine(InputException e) =>
        string.IsNullOrWhiteSpace(e.Reason) || e.Reason.Contains('\n', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(e.Input)
            ? $"{e.Input}: a failure that is not one line naming the input: \"{e.Reason}\""
            : null;

    private static byte[] RandomInput(Random random, string extension)
    {
        var length = random.Next(0, 4096);
        if (random.Next(2) == 0)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }

        // Text made of the format's own pieces, in random order: tags, headers, braces, entities.
        string[] pieces = extension switch
        {
            ".warc" => ["WARC/1.0\r\n", "WARC-Type: response\r\n", "Content-Length: 12\r\n", "Content-Length: -5\r\n", "\r\n", "HTTP/1.1 200 OK\r\n", "Transfer-Encoding: chunked\r\n", "ffffffff\r\n", "<p>x</p>"],
            ".rss" => ["<rss>", "<channel>", "<item>", "</item>", "<link>", "</link>", "https://a.example/", "&amp;", "&nbsp;", "<![CDATA[", "]]>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;"],
            ".jsonl" => ["{", "}", "\"text\":", "\"html\":", "\"id\":", "\"x\"", ",", "\n", "null", "[1,", "\"\\u0000\"", "\"published\": \"2024-99-99\""],
            _ => ["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "&#x10FFFF;", "&#0;", "<meta charset=\"utf-16\">", "<table><tr><td>", "text "],
        };
        var builder = new StringBuilder();
        while (builder.Length < length)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        for (var edits = random.Next(1, 8); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 256), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at); // cut short
                    break;
            }
        }

        return [.. bytes];
    }
}
