using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary>
/// An analyst's corrections to automatic merging. Each is recorded with its reason in the audit log, and each can be
/// undone by the other (a merge by splitting the moved claims out again).
/// </summary>
internal static class EventReviewCommands
{
    public static Command CreateMerge(string name = "merge")
    {
        var keep = new Argument<string>("ID") { Description = "The event that stays" };
        var other = new Argument<string>("OTHER_ID") { Description = "The event whose claims move into ID; it ends" };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the audit log)", Required = true };
        var store = new StoreOptions();
        var command = new Command(name, "Merge two events that report the same incident") { keep, other, reason };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var events = store.Open(parse);
            events.MergeEvents(parse.GetValue(keep)!, parse.GetValue(other)!, parse.GetValue(reason)!);
            parse.InvocationConfiguration.Output.WriteLine(VigilJson.Serialize(events.GetEvent(parse.GetValue(keep)!)));
            return 0;
        }));
        return command;
    }

    public static Command CreateSplit(string name = "split")
    {
        var eventId = new Argument<string>("ID") { Description = "The event to take a claim out of" };
        var claim = new Option<string>("--claim") { Description = "The claim (one report) that becomes an event of its own", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the audit log)", Required = true };
        var store = new StoreOptions();
        var command = new Command(name, "Take one report out of an event into a new event") { eventId, claim, reason };
        store.AddTo(command);
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var events = store.Open(parse);
            var newId = events.SplitClaim(parse.GetValue(eventId)!, parse.GetValue(claim)!, parse.GetValue(reason)!);
            parse.InvocationConfiguration.Output.WriteLine(VigilJson.Serialize(events.GetEvent(newId)));
            return 0;
        }));
        return command;
    }
}
