using System.CommandLine;
using System.Globalization;
using Vigil.Events;

namespace Vigil.Cli.Commands;

/// <summary>
/// `vigil events classify TEXT`: the trained coder's reading of one passage, its most probable labels, and with
/// --explain the features that decided between the first two. For an analyst asking why a report was or was not coded.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("TEXT") { Description = "A sentence or short passage, as a report would word it" };
        var top = new Option<int>("--top") { Description = "How many labels to show", DefaultValueFactory = _ => 5 };
        var explain = new Option<bool>("--explain") { Description = "Also show the features that decided between the two most probable labels" };
        var hint = new Option<string?>("--hint") { Description = "The rules' verdict on the passage (a sub-type, or none), as the pipeline passes it to the model" };
        var command = new Command("classify", "Show the trained coder's most probable sub-types (or none) for a passage") { text, top, explain, hint };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (IncidentClassifier.Shipped() is not { } classifier)
            {
                parse.InvocationConfiguration.Error.WriteLine($"classify: no trained coder in the models folder; run `vigil train events` first");
                return 1;
            }

            var passage = parse.GetValue(text) ?? "";
            string[] hints = parse.GetValue(hint) is { } given ? [given] : [];
            var reading = classifier.Classify(passage, hints);
            foreach (var label in reading.Ranked.Take(Math.Max(1, parse.GetValue(top))))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label.Probability,6:0.000}  {label.Label}"));
            }

            if (parse.GetValue(explain) && reading.Ranked.Count > 1)
            {
                var (first, second) = (reading.Ranked[0].Label, reading.Ranked[1].Label);
                output.WriteLine($"features for \"{first}\" (+) against \"{second}\" (-):");
                // Every feature, strongest first: the listed ones seldom add up to the reading, and many small ones and the
                // labels' priors make the rest.
                var all = classifier.Explain(passage, hints, first, second, top: int.MaxValue);
                foreach (var (feature, weight) in all.Take(15))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{weight,8:+0.000;-0.000}  {feature}"));
                }

                var bias = classifier.PriorDifference(first, second);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{all.Sum(f => f.Weight),8:+0.000;-0.000}  all {all.Count} features\n{bias,8:+0.000;-0.000}  prior (bias)"));
            }

            return 0;
        });
        return command;
    }
}
