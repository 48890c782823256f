using System.IO.Compression;
using System.Text;
using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public sealed class WarcReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-warc-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private const string Page = "<html><head><title>Clash</title></head><body><article><h1>Clash in the hills</h1><p>Two soldiers were killed in a clash with rebels on Monday, the army said in a statement issued in the capital.</p><p>The rebels withdrew into the forest after the fighting, residents said.</p></article></body></html>";

    private static byte[] Record(string type, string uri, string httpOrBody, string contentType = "application/http; msgtype=response", int? lengthOverride = null, bool withLength = true)
    {
        var block = Encoding.UTF8.GetBytes(httpOrBody);
        var header = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append($"WARC-Target-URI: {uri}\r\n")
            .Append("WARC-Date: 2024-05-06T10:00:00Z\r\n")
            .Append($"Content-Type: {contentType}\r\n");
        if (withLength)
        {
            header.Append($"Content-Length: {lengthOverride ?? block.Length}\r\n");
        }

        header.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8.ToArray()];
    }

    private static string Http(string body, string contentType = "text/html; charset=utf-8", int status = 200, bool chunked = false)
    {
        var payload = chunked ? $"{Encoding.UTF8.GetByteCount(body):x}\r\n{body}\r\n0\r\n\r\n" : body;
        var transfer = chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n";
        return $"HTTP/1.1 {status} OK\r\nContent-Type: {contentType}\r\n{transfer}\r\n{payload}";
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Crawl() =>
    [
        .. Record("warcinfo", "", "software: test\r\n", "application/warc-fields"),
        .. Record("request", "https://news.example/a", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", "application/http; msgtype=request"),
        .. Record("response", "https://news.example/a", Http(Page)),
        .. Record("response", "https://news.example/logo.png", Http("PNG", "image/png")),
        .. Record("response", "https://news.example/gone", Http("<html></html>", status: 404)),
        .. Record("response", "https://news.example/b", Http(Page.Replace("Monday", "Tuesday", StringComparison.Ordinal), chunked: true)),
    ];

    private List<PageWork> Pages(string path) => IngestInputs.Enumerate([path], new PageFetcher()).ToList();

    [Fact]
    public async Task ResponseRecordsWithHtmlBecomePages()
    {
        var path = Path.Combine(folder, "crawl.warc");
        File.WriteAllBytes(path, Crawl());

        var pages = Pages(path);

        Assert.Equal(["https://news.example/a", "https://news.example/b"], pages.Select(p => p.Url));
        var first = await pages[0].Load!(CancellationToken.None);
        Assert.Equal(PageFormat.Html, first.Format);
        Assert.Contains("Two soldiers were killed", first.Content, StringComparison.Ordinal);
        var second = await pages[1].Load!(CancellationToken.None);
        Assert.Contains("Tuesday", second.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n0\r\n", second.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void AGzipMemberPerRecordReadsLikeThePlainFile()
    {
        var records = new[]
        {
            Record("response", "https://news.example/a", Http(Page)),
            Record("response", "https://news.example/b", Http(Page.Replace("Monday", "Friday", StringComparison.Ordinal))),
        };
        var path = Path.Combine(folder, "crawl.warc.gz");
        File.WriteAllBytes(path, [.. records.SelectMany(Gzip)]);

        var read = WarcReader.ReadFile(path).ToList();

        Assert.Equal(["https://news.example/a", "https://news.example/b"], read.Select(r => r.TargetUri));
        Assert.All(read, record => Assert.Equal("response", record.Type));
    }

    [Fact]
    public void ATruncatedRecordFailsWithItsOffsetAndKeepsTheRecordsBeforeIt()
    {
        var whole = Crawl();
        var path = Path.Combine(folder, "cut.warc");
        File.WriteAllBytes(path, whole[..(whole.Length - 120)]);

        var pages = Pages(path);

        Assert.Equal("https://news.example/a", pages[0].Url);
        var failure = pages[^1].Error;
        Assert.NotNull(failure);
        Assert.Matches("record at byte [0-9]+: truncated", failure.Reason);
    }

    [Fact]
    public void ATruncatedGzipFileFailsCleanly()
    {
        var gz = Crawl().Chunk(400).Select(chunk => Gzip(chunk)).SelectMany(b => b).ToArray(); // members cut across records still concatenate
        var path = Path.Combine(folder, "cut.warc.gz");
        File.WriteAllBytes(path, gz[..(gz.Length - 30)]);

        var pages = Pages(path);

        Assert.NotNull(pages[^1].Error);
    }

    [Fact]
    public void MalformedRecordsAreRefusedWithAReason()
    {
        var noLength = Path.Combine(folder, "nolength.warc");
        File.WriteAllBytes(noLength, Record("response", "https://news.example/a", Http(Page), withLength: false));
        var notWarc = Path.Combine(folder, "notwarc.warc");
        File.WriteAllText(notWarc, "<html>this is not a WARC file</html>\n");
        var badHttp = Path.Combine(folder, "badhttp.warc");
        File.WriteAllBytes(badHttp, Record("response", "https://news.example/a", "garbage without a status line"));

        Assert.Contains("missing or invalid Content-Length", Assert.Single(Pages(noLength)).Error!.Reason, StringComparison.Ordinal);
        Assert.Contains("expected a WARC version line", Assert.Single(Pages(notWarc)).Error!.Reason, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(Pages(badHttp)).Error);
    }
}

public sealed class IngestProgressTests
{
    [Fact]
    public void ShowsCountRateAndEtaOnlyWhenEnabled()
    {
        var terminal = new StringWriter();
        var progress = new IngestProgress(terminal, enabled: true);
        progress.Report(10, 1, 4);
        progress.Report(11, 1, 4); // within the refresh interval: not shown again
        progress.Finish();
        var piped = new StringWriter();
        new IngestProgress(piped, enabled: false).Report(10, 1, 4);

        Assert.Matches(@"^\rvigil: 10 pages, [0-9.]+/s, input 2/4, ETA [0-9:]+ by inputs\s+\n$", terminal.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
        Assert.Equal("", piped.ToString());
    }

    [Fact]
    public void CountsPagesOfTheTotalWhenTheInputsSayHowManyTheyHold()
    {
        var terminal = new StringWriter();
        var progress = new IngestProgress(terminal, enabled: true);
        progress.Status("loading the pipeline (entity model, event model, gazetteer)...");
        progress.ExpectPages(274);
        progress.Report(1, 0, 1);
        Thread.Sleep(300);
        progress.Report(40, 0, 1);
        progress.Finish();

        var lines = terminal.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal).Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("vigil: loading the pipeline", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^vigil: 1/274 pages, [0-9.]+/s\s+$", lines[1]);
        Assert.Equal(lines[0].Length, lines[1].Length); // the longer status line is blanked, not left behind
        Assert.Matches(@"^vigil: 40/274 pages, [0-9.]+/s, ETA [0-9:]+\s+\n$", lines[2]);
    }
}
