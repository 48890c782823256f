using System.CommandLine;
using System.Text;
using Vigil.Exports;
using Vigil.Storage;

namespace Vigil.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "acled-csv, ucdp-csv, geojson, jsonl or plover-json", Required = true };
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
        var filters = new EventFilterOptions();
        var store = new StoreOptions();
        var command = new Command("export", "Write stored events as ACLED-style CSV, UCDP-style CSV, GeoJSON, JSON lines or PLOVER JSON") { format, outFile };
        store.AddTo(command);
        filters.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var chosen = EventExporter.ParseFormat(parse.GetValue(format)!);
            using var events = store.Open(parse);
            var found = events.Search(filters.Query(parse));
            ExportSummary summary;
            if (parse.GetValue(outFile) is { } path)
            {
                using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
                summary = EventExporter.Write(found, chosen, file);
            }
            else
            {
                summary = EventExporter.Write(found, chosen, parse.InvocationConfiguration.Output);
            }

            // What the format cannot hold is said, not silently dropped: one line on stderr, and the export still succeeds.
            if (summary.Message(parse.GetValue(format)!.ToLowerInvariant()) is { } message)
            {
                parse.InvocationConfiguration.Error.WriteLine($"vigil: {message}");
            }

            return 0;
        }));
        return command;
    }
}
