using System.Diagnostics;
using Vigil.Language;

namespace Vigil.Bench.Ner;

/// <summary>
/// Entity-recognition benchmark. "vigil FILE": load time of the shipped model, tagging speed on one core (the whole
/// file as one document, best of several runs, model already loaded) and entity-level F1. "score FILE": entity-level
/// scores of a three-column file (token gold predicted) written by another tagger, with the same scorer.
/// </summary>
public static class Program
{
    private const int Runs = 5;

    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "vigil")
        {
            return Vigil(args[1]);
        }

        if (args.Length == 2 && args[0] == "score")
        {
            return Score(args[1]);
        }

        Console.Error.WriteLine("usage: NerBench vigil CONLL_FILE | NerBench score THREE_COLUMN_FILE");
        return 2;
    }

    private static int Vigil(string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"nerbench: {path}: no such file (the CoNLL-2003 data is expected in ../shared/data/conll2003/)");
            return 1;
        }

        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpuBefore = process.TotalProcessorTime;
        var model = NerModel.Load(ModelFiles.Find(EntityRecognizer.ModelFileName));
        var loadSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var loadCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        clock.Restart();
        cpuBefore = process.TotalProcessorTime;
        _ = NerModel.Load(ModelFiles.Find(EntityRecognizer.ModelFileName));
        var warmLoadSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var warmLoadCpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

        var documents = ConllReader.ReadDocuments(path);
        var sentences = documents.Select(d => d.Select(s => (IReadOnlyList<string>)s.Tokens).ToList()).ToList();
        var tokens = documents.Sum(d => d.Sum(s => s.Tokens.Length));

        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        List<TokenSpan>[][] predicted = [];
        for (var run = 0; run <= Runs; run++)
        {
            process.Refresh();
            cpuBefore = process.TotalProcessorTime;
            clock.Restart();
            predicted = sentences.Select(model.Tag).ToArray();
            var seconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            if (run > 0)
            {
                // Run 0 warms up the JIT and is not counted.
                best = Math.Min(best, seconds);
                bestCpu = Math.Min(bestCpu, cpuSeconds);
            }

            if (!Console.IsErrorRedirected)
            {
                Console.Error.Write($"\rrun {run}/{Runs}: {tokens / seconds:N0} tokens/s   ");
            }
        }

        if (!Console.IsErrorRedirected)
        {
            Console.Error.WriteLine();
        }

        var scorer = new EntityScorer();
        for (var d = 0; d < documents.Count; d++)
        {
            for (var s = 0; s < documents[d].Count; s++)
            {
                scorer.Add(EntityTags.Spans(documents[d][s].Tags), predicted[d][s]);
            }
        }

        // CPU time beside wall time: on a shared machine the wall clock also counts other people's work.
        Console.WriteLine($"vigil: model load {loadSeconds:F2} s wall, {loadCpuSeconds:F2} s CPU in a fresh process; again in the same process {warmLoadSeconds:F2} s wall, {warmLoadCpuSeconds:F2} s CPU");
        Console.WriteLine($"vigil: {tokens:N0} tokens tagged in {best:F3} s wall / {bestCpu:F3} s CPU (best of {Runs}) = {tokens / best:N0} tokens/s wall, {tokens / bestCpu:N0} tokens/s CPU, one thread");
        Console.WriteLine(scorer.Report());
        return 0;
    }

    private static int Score(string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"nerbench: {path}: no such file");
            return 1;
        }

        var scorer = new EntityScorer();
        var gold = new List<string>();
        var predicted = new List<string>();
        foreach (var line in File.ReadLines(path).Append(""))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length == 0)
            {
                if (gold.Count > 0)
                {
                    scorer.Add(gold, predicted);
                }

                gold.Clear();
                predicted.Clear();
                continue;
            }

            if (columns.Length < 3)
            {
                Console.Error.WriteLine($"nerbench: {path}: expected three columns, got '{line}'");
                return 1;
            }

            gold.Add(columns[^2]);
            predicted.Add(columns[^1]);
        }

        Console.WriteLine(scorer.Report());
        return 0;
    }
}
