using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Vigil.Language;
using Vigil.Server;

namespace Vigil.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "SQLite database (default vigil.db)" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string, instead of SQLite" };
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var token = new Option<string?>("--token") { Description = "Token for write requests (generated and printed when not given)" };
        var logReads = new Option<bool>("--log-reads") { Description = "Log every read request too (writes, refusals and failures are always logged, as JSON lines)" };
        var command = new Command("serve", "Serve the HTTP API and the dashboard (map, timeline, evidence, review)") { db, postgres, urls, token, logReads };
        command.SetAction(parse => StoreOptions.Guard(parse.InvocationConfiguration.Error, () =>
        {
            // Articles are shown with their entities, found again on reading: the model tags a page in milliseconds.
            var language = new Pipeline([new Tokenizer(), new SentenceSplitter(), EntityRecognizer.Shipped()]);
            var (app, writeToken) = VigilServer.Build(
                new ServerOptions(parse.GetValue(db), parse.GetValue(postgres), parse.GetValue(urls)!, parse.GetValue(token)) { LogReads = parse.GetValue(logReads) },
                language.Run);
            try
            {
                // Listen first: a port already in use is one line and a non-zero exit, before any token is printed.
                VigilServer.Start(app, parse.GetValue(urls)!);
            }
            catch (ServerStartException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"vigil: {e.Message}");
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return 2;
            }

            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"vigil: serving {parse.GetValue(urls)} (dashboard at /, API at /api, OpenAPI at /openapi)");
            output.WriteLine($"vigil: write token: {writeToken}");
            output.Flush();
            app.WaitForShutdown();
            return 0;
        }));
        return command;
    }
}
