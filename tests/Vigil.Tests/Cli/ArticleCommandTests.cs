using System.Text.Json;
using Vigil.Cli;

namespace Vigil.Tests.Cli;

public sealed class ArticleCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void BadInputIsOneLineAndTheBatchGoesOn()
    {
        var good = Path.Combine(folder, "good.txt");
        File.Copy(Path.Combine("Fixtures", "flattened-page.txt"), good);
        var empty = Path.Combine(folder, "empty.txt");
        File.WriteAllText(empty, "");
        var missing = Path.Combine(folder, "missing.html");

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.Run(["article", empty, good, missing], output, error);

        Assert.Equal(1, exit);
        var errors = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, line => line.Contains("empty.txt: empty"));
        Assert.Contains(errors, line => line.Contains("missing.html: no such file"));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(good, json.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("outlet").ValueKind);
        Assert.Equal(4, json.GetProperty("paragraphs").GetArrayLength());
    }

    private string WritePage(string name, string paragraph)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, $"<html><head><title>{name}</title></head><body><article><h1>Report {name}</h1><p>{paragraph}</p><p>Second paragraph of {name}, which adds detail to the report and its sources.</p></article></body></html>");
        return path;
    }

    [Fact]
    public void SeveralJobsGiveTheSameOutputInTheSameOrder()
    {
        var inputs = Enumerable.Range(0, 12)
            .Select(i => i == 5 ? Path.Combine(folder, "missing.html") : WritePage($"page{i:D2}.html", $"Shelling hit district {i} on Tuesday, officials said, and {i} people were hurt."))
            .ToArray();

        var one = CliRunner.Run(["article", "--jobs", "1", .. inputs]);
        var three = CliRunner.Run(["article", "--jobs", "3", .. inputs]);

        Assert.Equal(1, one.Exit);
        Assert.Equal(one, three);
        var sources = one.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("source").GetString());
        Assert.Equal(inputs.Where((_, i) => i != 5), sources);
        Assert.Contains("missing.html: no such file", Assert.Single(one.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void AStrayByteIsANoteNotAFailure()
    {
        var path = Path.Combine(folder, "stray.html");
        var utf8 = System.Text.Encoding.UTF8;
        File.WriteAllBytes(path, [
            .. utf8.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><article><p>Zürich and Genève: the talks went on late into the night, "),
            0xFF,
            .. utf8.GetBytes(" delegates said.</p></article></body></html>"),
        ]);

        var (exit, output, error) = CliRunner.Run("article", path);

        Assert.Equal(0, exit);
        Assert.Contains("Zürich and Genève", output);
        Assert.Contains("stray.html: note: 1 invalid UTF-8 byte sequence decoded as U+FFFD", error);
    }

    [Fact]
    public void APageOverTheBudgetIsSkippedWithOneLine()
    {
        var path = WritePage("slow.html", "Shelling hit the district on Tuesday, officials said.");

        var (exit, output, error) = CliRunner.Run("article", "--page-budget", "0.000001", path);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("slow.html: extraction took longer than the per-page budget", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
