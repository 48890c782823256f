using System.Globalization;

namespace Vigil.Tests.Cli;

public sealed class ClassifyCommandTests
{
    [Fact]
    public void AnExplanationAddsUpToTheReadingWithThePriorAndEveryFeature()
    {
        var (exit, output, _) = CliRunner.Run("events", "classify", "Residents demonstrated in the capital against electricity tariffs.", "--explain");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        double Value(string suffix) => double.Parse(lines.Single(l => l.EndsWith(suffix, StringComparison.Ordinal)).Split(' ')[0], CultureInfo.InvariantCulture);
        double Probability(int rank) => double.Parse(lines[rank].Split(' ', 2)[0], CultureInfo.InvariantCulture);

        // The first label is read as the more probable, so its features and prior together must favour it.
        var features = lines.Single(l => l.Contains(" features", StringComparison.Ordinal) && l[0] is '+' or '-').Split(' ')[0];
        var sum = double.Parse(features, CultureInfo.InvariantCulture) + Value("prior (bias)");
        Assert.True(Probability(0) >= Probability(1));
        Assert.True(sum >= 0, $"features {features} and prior {Value("prior (bias)")} do not favour the first label");
    }
}
