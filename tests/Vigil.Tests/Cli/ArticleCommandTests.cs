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
}
