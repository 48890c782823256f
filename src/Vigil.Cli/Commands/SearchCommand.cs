using System.CommandLine;
using System.Globalization;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("QUERY") { Description = "Words the reports' text must contain (all of them)", Arity = ArgumentArity.ZeroOrOne };
        var filters = new EventFilterOptions();
        var store = new StoreOptions();
        var command = new Command("search", "Print the stored events that match, as JSON lines") { text };
        store.AddTo(command);
        filters.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var events = store.Open(parse);
            var output = parse.InvocationConfiguration.Output;
            foreach (var found in events.Search(filters.Query(parse, parse.GetValue(text))))
            {
                output.WriteLine(VigilJson.Serialize(found));
            }

            return 0;
        }));
        return command;
    }
}

/// <summary>--from, --to, --type, --country and --bbox, shared by search and export.</summary>
internal sealed class EventFilterOptions
{
    private readonly Option<DateOnly?> from = new("--from") { Description = "Events on or after this date (YYYY-MM-DD)" };
    private readonly Option<DateOnly?> to = new("--to") { Description = "Events on or before this date (YYYY-MM-DD)" };
    private readonly Option<string?> type = new("--type") { Description = "ACLED event type or sub-event type, e.g. \"Battles\" or \"Air/drone strike\"" };
    private readonly Option<string?> country = new("--country") { Description = "ISO 3166-1 alpha-2 country code, e.g. SY" };
    private readonly Option<string?> bbox = new("--bbox") { Description = "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT" };

    public void AddTo(Command command)
    {
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(type);
        command.Options.Add(country);
        command.Options.Add(bbox);
    }

    public EventQuery Query(ParseResult parse, string? text = null)
    {
        (double, double, double, double)? box = null;
        if (parse.GetValue(bbox) is { } boxText)
        {
            var parts = boxText.Split(',');
            var numbers = parts.Select(part => double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN).ToArray();
            if (numbers.Length != 4 || numbers.Any(double.IsNaN))
            {
                throw new ArgumentException($"--bbox needs four numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, not \"{boxText}\"");
            }

            box = (numbers[0], numbers[1], numbers[2], numbers[3]);
        }

        return new EventQuery(text, parse.GetValue(from), parse.GetValue(to), parse.GetValue(type), parse.GetValue(country), box);
    }
}
