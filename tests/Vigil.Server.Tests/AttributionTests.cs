using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Events;
using Vigil.Ingest;
using Vigil.Places;
using Vigil.Storage;

namespace Vigil.Server.Tests;

/// <summary>
/// An openly licensed JSONL record, ingested into SQLite, keeps its licence and attribution line all the way to the
/// API: in the article and in each report of its event.
/// </summary>
public sealed class AttributionTests : IAsyncLifetime
{
    private const string Licence = "CC BY 2.5 (Wikinews contributors)";
    private const string Url = "https://en.wikinews.org/wiki/Bomb_kills_four_at_market";
    private const string Attribution = "Wikinews contributors, \"Bomb kills four at market\", " + Url;
    private const string Text = "A bomb exploded at a market in Jalalabad on Monday, killing four people, police said.";

    private readonly string folder = Directory.CreateTempSubdirectory("vigil-attribution-").FullName;
    private readonly HttpClient client = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        client.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The article as ingest extracts it, with one hand-coded event: the coder is not under test here.</summary>
    private static ProcessedPage CodeByHand(RawPage page)
    {
        var article = PageProcessors.ExtractArticle(page);
        var start = article.Text.IndexOf("killing four people", StringComparison.Ordinal);
        var bombing = new ConflictEvent(
            EventTaxonomy.ExplosionsRemoteViolence, "Remote explosive/landmine/IED", null, new EventDate(new DateOnly(2019, 5, 6), DatePrecision.Day),
            new EventLocation("Jalalabad", 34.43, 70.45, "AF", null, PlacePrecision.Town), [], [], [], new CasualtyCount(4, 4, 4), null, null, null,
            [new SourceClaim("police", SourceKind.Government, "said", false)], 0.8, [new FieldEvidence("killed", start, start + "killing four people".Length, "killing four people")]);
        return new ProcessedPage(article, [bombing]);
    }

    [Fact]
    public async Task AnIngestedJsonLinesRecordKeepsItsLicenceAndAttributionInTheApi()
    {
        var input = Path.Combine(folder, "open.jsonl");
        var record = new Dictionary<string, string>
        {
            ["id"] = "wikinews-en:Bomb_kills_four_at_market",
            ["published"] = "2019-05-07",
            ["url"] = Url,
            ["title"] = "Bomb kills four at market",
            ["text"] = Text,
            ["licence"] = Licence,
            ["attribution"] = Attribution,
        };
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(record) + "\n");
        var database = Path.Combine(folder, "vigil.db");
        using (var store = SqliteEventStore.Open(database))
        {
            var summary = await new Ingester(store, CodeByHand).RunAsync([input]);
            Assert.Equal((1, 1, 0), (summary.Articles, summary.NewEvents, summary.Failed));
        }

        var (app, _) = VigilServer.Build(new ServerOptions(database, null, "http://127.0.0.1:0", "attribution-token"));
        await app.StartAsync();
        try
        {
            var baseUrl = app.Urls.First().TrimEnd('/');
            var events = await client.GetFromJsonAsync<JsonElement>(baseUrl + "/api/events");
            var id = Assert.Single(events.GetProperty("items").EnumerateArray()).GetProperty("id").GetString();
            var detail = await client.GetFromJsonAsync<JsonElement>($"{baseUrl}/api/events/{id}");
            var claim = Assert.Single(detail.GetProperty("claims").EnumerateArray());
            Assert.Equal(Licence, claim.GetProperty("licence").GetString());
            Assert.Equal(Attribution, claim.GetProperty("attribution").GetString());

            var article = await client.GetFromJsonAsync<JsonElement>($"{baseUrl}/api/articles/{claim.GetProperty("articleId").GetString()}");
            Assert.Equal(Licence, article.GetProperty("licence").GetString());
            Assert.Equal(Attribution, article.GetProperty("attribution").GetString());
            Assert.Equal("Bomb kills four at market", article.GetProperty("headline").GetString());
            Assert.Equal(Url, article.GetProperty("url").GetString());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
