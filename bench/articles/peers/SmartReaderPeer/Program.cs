using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

// Runs SmartReader over every page of a folder in one process, single-threaded, and writes one JSON line per page:
// {"source": KEY, "text": ..., "title": ...}. The extraction time (pages already in memory) goes to stderr as "timing pages=N seconds=WALL cpu=PROCESS_CPU".
if (args.Length is < 1 or > 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: SmartReaderPeer HTML_FOLDER [PASSES]");
    return 2;
}

var passes = args.Length == 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;

var pages = Directory.GetFiles(args[0], "*.html.gz").Order(StringComparer.Ordinal)
    .Select(path => (Key: Path.GetFileName(path)[..^".html.gz".Length], Html: ReadGzip(path)))
    .ToList();
var results = new List<(string Key, string Text, string Title)>(pages.Count);

// Start-up ends when the tool has extracted one page (type loading, first compilations), untimed, as for every tool.
if (pages.Count > 0)
{
    new SmartReader.Reader("https://example.invalid/" + pages[0].Key, pages[0].Html).GetArticle();
}

// On a shared machine a pass can be slowed by other work; every tool reports its fastest of the same number of passes.
double bestSeconds = double.MaxValue, bestCpu = double.MaxValue;
using var process = Process.GetCurrentProcess();
for (var pass = 0; pass < passes; pass++)
{
    results.Clear();
    process.Refresh();
    var cpuStart = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    foreach (var (key, html) in pages)
    {
        string text;
        var title = string.Empty;
        try
        {
            var article = new SmartReader.Reader("https://example.invalid/" + key, html).GetArticle();
            text = article.IsReadable ? article.TextContent ?? string.Empty : string.Empty;
            title = article.IsReadable ? article.Title ?? string.Empty : string.Empty;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"smartreader: {key}: {e.Message}");
            text = string.Empty;
        }

        results.Add((key, text, title));
    }

    clock.Stop();
    process.Refresh();
    bestSeconds = Math.Min(bestSeconds, clock.Elapsed.TotalSeconds);
    bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpuStart).TotalSeconds);
}

var output = Console.Out;
foreach (var (key, text, title) in results)
{
    output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string> { ["source"] = key, ["text"] = text, ["title"] = title }));
}

Console.Error.WriteLine(FormattableString.Invariant($"timing pages={pages.Count} seconds={bestSeconds:F4} cpu={bestCpu:F4} passes={passes}"));
return 0;

static string ReadGzip(string path)
{
    using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var reader = new StreamReader(input, Encoding.UTF8);
    return reader.ReadToEnd();
}
