using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Articles;
using Vigil.Bench.Articles;
using Vigil.Ingest;

// Two jobs, so that Vigil and every peer are run and scored the same way:
//   extract HTML_FOLDER [--passes N]   Vigil over every page in one process, one JSON line {"source","text"} per page;
//                                      with N passes the fastest is timed;
//                                      extraction time (pages already loaded and decoded) on stderr as
//                                      "timing pages=N seconds=WALL cpu=PROCESS_CPU".
//   score GROUND_TRUTH OUTPUT_JSONL [--worst N] [--half A|B] [--with-title]   F1, precision and recall of one tool's
//                                      output; the truth is scrapinghub's ground-truth.json or a WCEB
//                                      ground-truth.jsonl; --half scores one half of the pages, split by a hash of each
//                                      page's name; --with-title scores the tool's title (its "title" field) joined
//                                      before its text, for datasets whose truth keeps the headline.
//   explain PAGE                       for work on the extractor: one page's best-scoring containers, the furniture
//                                      set aside that holds much text, and the blocks written out.
//   decode HTML_FOLDER OUT_FOLDER      each page decoded as Vigil decodes it (charset detection), written back as
//                                      UTF-8 .html.gz, so that peers that read UTF-8 get the same text.
return args switch
{
    ["extract", var folder, .. var rest] => Extract(folder, rest),
    ["decode", var folder, var outFolder] => Decode(folder, outFolder),
    ["parse-only", var folder] => ParseOnly(folder),
    ["score", var truth, var output, .. var rest] => Score(truth, output, rest),
    ["explain", var page] => Explain(page),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Vigil.Bench.Articles extract HTML_FOLDER [--passes N]\n       Vigil.Bench.Articles score GROUND_TRUTH OUTPUT_JSONL [--worst N] [--half A|B] [--with-title]\n       Vigil.Bench.Articles decode HTML_FOLDER OUT_FOLDER");
    return 2;
}

static int Extract(string folder, string[] options)
{
    if (!Directory.Exists(folder))
    {
        Console.Error.WriteLine($"bench: {folder}: no such folder (the benchmark data lives in ../shared/data/article-extraction)");
        return 1;
    }

    var passes = OptionValue(options, "--passes") ?? 1;
    var pages = Directory.GetFiles(folder, "*.html.gz").Order(StringComparer.Ordinal)
        .Select(path => (Key: Path.GetFileName(path)[..^".html.gz".Length], Page: PageLoader.LoadFile(path)))
        .ToList();
    // Start-up ends when the tool has extracted one page: type loading, static tables (AngleSharp's entity list) and
    // first compilations are paid there, untimed, as every peer runner does too.
    if (pages.Count > 0)
    {
        ArticleExtractor.Extract(pages[0].Page);
    }

    var showProgress = !Console.IsErrorRedirected;
    var texts = new string[pages.Count];
    var titles = new string[pages.Count];
    var seconds = new List<double>();
    var cpuSeconds = new List<double>();
    using var process = Process.GetCurrentProcess();
    for (var pass = 0; pass < passes; pass++)
    {
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < pages.Count; i++)
        {
            var article = ArticleExtractor.Extract(pages[i].Page);
            texts[i] = article.Text;
            titles[i] = article.Headline ?? string.Empty;
            if (showProgress && (i % 10 == 9 || i == pages.Count - 1))
            {
                var rate = (i + 1) / clock.Elapsed.TotalSeconds;
                Console.Error.Write($"\rpass {pass + 1}/{passes}: {i + 1}/{pages.Count} pages, {rate:F0} pages/s, ETA {(pages.Count - i - 1) / rate:F1} s   ");
            }
        }

        seconds.Add(clock.Elapsed.TotalSeconds);
        process.Refresh();
        cpuSeconds.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
    }

    if (showProgress)
    {
        Console.Error.WriteLine();
    }

    for (var i = 0; i < pages.Count; i++)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string> { ["source"] = pages[i].Key, ["text"] = texts[i], ["title"] = titles[i] }));
    }

    // On a shared machine a pass can be slowed by other work; every tool reports its fastest of the same number of
    // passes (the first pass is reported too).
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"timing pages={pages.Count} seconds={seconds.Min():F4} cpu={cpuSeconds.Min():F4} passes={passes} first_seconds={seconds[0]:F4} first_cpu={cpuSeconds[0]:F4}"));
    return 0;
}

static int Explain(string path)
{
    var page = PageLoader.LoadFile(path);
    var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(HtmlPrefilter.Strip(page.Content, []));
    var tree = ContentTree.Build(document, new PageSignals());
    var blocks = BodyFinder.Find(tree);
    static string Describe(ContentNode node)
    {
        var names = new List<string>();
        for (var current = node; current is not null && names.Count < 6; current = current.Parent)
        {
            var id = current.Element.Id is { Length: > 0 } i ? "#" + i : string.Empty;
            var cls = current.Element.GetAttribute("class") is { Length: > 0 } c ? "." + c.Replace(' ', '.') : string.Empty;
            names.Add(current.Tag + id + (cls.Length > 40 ? cls[..40] : cls));
        }

        names.Reverse();
        return string.Join(" > ", names);
    }

    Console.Out.WriteLine($"page text {tree.Root.TextLength}, links {tree.Root.LinkLength}");
    Console.Out.WriteLine("candidates:");
    foreach (var node in tree.Nodes.Where(n => n.IsCandidate).OrderByDescending(n => n.Score).Take(12))
    {
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {node.Score,8:F1} kept={node.KeptText} links={node.KeptLinkDensity:F2}  {Describe(node)}"));
    }

    Console.Out.WriteLine("set aside, with text:");
    foreach (var node in tree.Nodes.Where(n => n.Dropped && n.Parent is { Dropped: false } && n.TextLength - n.LinkLength >= 150).Take(15))
    {
        Console.Out.WriteLine($"  text={node.TextLength} links={node.LinkLength} furniture={node.IsFurnitureByMarkup}/{node.IsFurnitureByName} hidden={node.IsHidden}  {Describe(node)}");
    }

    Console.Out.WriteLine("blocks:");
    foreach (var block in blocks)
    {
        Console.Out.WriteLine($"  [{block.Kind}] {(block.Text.Length > 100 ? block.Text[..100] + "…" : block.Text)}");
    }

    return 0;
}

// Parsing alone, to see what share of the extraction time the HTML parser takes.
static int ParseOnly(string folder)
{
    var pages = Directory.GetFiles(folder, "*.html.gz").Select(path => PageLoader.LoadFile(path).Content).ToList();
    var parser = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { DisableElementPositionTracking = true });
    using var process = Process.GetCurrentProcess();
    for (var pass = 0; pass < 3; pass++)
    {
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        foreach (var html in pages)
        {
            Vigil.Articles.HtmlPrefilter.Strip(html, []);
        }

        process.Refresh();
        var stripped = process.TotalProcessorTime;
        foreach (var html in pages)
        {
            parser.ParseDocument(Vigil.Articles.HtmlPrefilter.Strip(html, []));
        }

        process.Refresh();
        var parsed = process.TotalProcessorTime;
        foreach (var html in pages)
        {
            Vigil.Articles.HtmlArticleExtractor.Extract(html, "x");
        }

        process.Refresh();
        var extracted = process.TotalProcessorTime;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"strip={(stripped - cpuStart).TotalSeconds:F3} strip+parse={(parsed - stripped).TotalSeconds:F3} extract={(extracted - parsed).TotalSeconds:F3}"));
    }

    return 0;
}

static int Decode(string folder, string outFolder)
{
    Directory.CreateDirectory(outFolder);
    foreach (var path in Directory.GetFiles(folder, "*.html.gz"))
    {
        var page = PageLoader.LoadFile(path);
        using var output = new System.IO.Compression.GZipStream(File.Create(Path.Combine(outFolder, Path.GetFileName(path))), System.IO.Compression.CompressionLevel.Fastest);
        output.Write(System.Text.Encoding.UTF8.GetBytes(page.Content));
    }

    return 0;
}

static int Score(string truthPath, string outputPath, string[] options)
{
    var truth = ReadTruth(truthPath);
    var half = OptionText(options, "--half");
    if (half is not null)
    {
        var wanted = half.Equals("A", StringComparison.OrdinalIgnoreCase);
        foreach (var key in truth.Select(entry => entry.Key).ToList())
        {
            if (PageHalf.IsHalfA(key) != wanted)
            {
                truth.Remove(key);
            }
        }
    }

    var withTitle = options.Contains("--with-title");
    var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (var line in File.ReadLines(outputPath).Where(line => line.Trim().Length > 0))
    {
        var record = JsonNode.Parse(line)!.AsObject();
        var key = (string?)record["source"] ?? (string?)record["key"] ?? throw new InvalidDataException($"{outputPath}: a line without \"source\"");
        key = Path.GetFileName(key);
        key = key.EndsWith(".html.gz", StringComparison.Ordinal) ? key[..^".html.gz".Length] : key;
        var text = (string?)record["text"] ?? string.Empty;
        predicted[key] = withTitle ? WithTitle((string?)record["title"], text) : text;
    }

    var missing = truth.Select(entry => entry.Key).Where(key => !predicted.ContainsKey(key)).ToList();
    if (missing.Count > 0)
    {
        Console.Error.WriteLine($"bench: {outputPath}: no output for {missing.Count} page(s), scored as empty: {string.Join(", ", missing.Take(5))}");
    }

    var perPage = truth.Select(entry => (entry.Key, Counts: ShingleScorer.Compare((string?)entry.Value?["articleBody"] ?? string.Empty, predicted.GetValueOrDefault(entry.Key, string.Empty)))).ToList();
    var summary = ShingleScorer.Summarize(perPage.Select(page => page.Counts).ToList());
    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"F1={summary.F1:F4} precision={summary.Precision:F4} recall={summary.Recall:F4} pages={summary.Pages}"));
    if (OptionValue(options, "--worst") is { } worst)
    {
        foreach (var (key, counts) in perPage.OrderBy(page => page.Counts.TruePositive).Take(worst))
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key}  P={counts.Precision ?? 0:F3} R={counts.Recall ?? 0:F3}"));
        }
    }

    return 0;
}

// A tool that reports the headline apart from the body is scored on both when the truth keeps the headline; a title the
// text already holds (Readability.js keeps an h1 inside the article) is not counted twice.
static string WithTitle(string? title, string text)
{
    title = title is null ? string.Empty : string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    return title.Length == 0 || flat.Contains(title, StringComparison.Ordinal) ? text : title + "\n" + text;
}

// scrapinghub's ground-truth.json (an object of {key: {articleBody}}) or WCEB's ground-truth.jsonl (one {id, articleBody} a line).
static JsonObject ReadTruth(string path)
{
    if (!path.EndsWith(".jsonl", StringComparison.Ordinal))
    {
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    var truth = new JsonObject();
    foreach (var line in File.ReadLines(path).Where(line => line.Trim().Length > 0))
    {
        var record = JsonNode.Parse(line)!.AsObject();
        truth[(string)record["id"]!] = new JsonObject { ["articleBody"] = (string?)record["articleBody"] ?? string.Empty };
    }

    return truth;
}

static string? OptionText(string[] options, string name)
{
    var index = Array.IndexOf(options, name);
    return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
}

static int? OptionValue(string[] options, string name)
{
    var index = Array.IndexOf(options, name);
    return index >= 0 && index + 1 < options.Length && int.TryParse(options[index + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
}
