using System.CommandLine;
using System.Text.Json;
using Vigil.Ingest;
using Vigil.Places;

namespace Vigil.Cli.Commands;

internal static class PlaceCommand
{
    private const int MaximumCandidates = 10;

    public static Command Create()
    {
        var names = new Argument<string[]>("NAME") { Description = "Place names to look up, as written", Arity = ArgumentArity.ZeroOrMore };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 code of the country the place is in" };
        var contextFile = new Option<string?>("--context") { Description = "A text or HTML page the name comes from: its countries and other places are the context" };
        var benchAcled = new Option<string?>("--bench-acled") { Description = "ACLED CSV (location, admin1, country, latitude, longitude): share of locations resolved within 25 km" };
        var showFailures = new Option<bool>("--show-failures") { Description = "With --bench-acled: print each miss on stderr" };
        var command = new Command("place", "Look a place name up in the gazetteer: each candidate with its score, as JSON lines, best first")
        {
            names, country, contextFile, benchAcled, showFailures,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if ((parse.GetValue(names) ?? []).Length == 0 && parse.GetValue(contextFile) is null && parse.GetValue(benchAcled) is null)
            {
                error.WriteLine("vigil: place: give a NAME, a page (--context FILE) or the ACLED benchmark (--bench-acled FILE)");
                return 2;
            }

            Gazetteer gazetteer;
            try
            {
                gazetteer = Gazetteer.Default;
            }
            catch (FileNotFoundException e)
            {
                error.WriteLine($"vigil: {e.Message}");
                return 2;
            }

            var resolver = new PlaceResolver(gazetteer);
            var bench = parse.GetValue(benchAcled);
            if (bench is not null)
            {
                return AcledPlaceBenchmark.Run(bench, resolver, output, error, parse.GetValue(showFailures));
            }

            var runner = new BatchRunner(error);
            var context = PlaceContext.Empty;
            var contextPath = parse.GetValue(contextFile);
            Document? document = null;
            if (contextPath is not null)
            {
                runner.Run(contextPath, () =>
                {
                    document = new Document(Articles.ArticleExtractor.Extract(PageLoader.LoadFile(contextPath)).Text, contextPath);
                    new PlaceRecognizer(resolver).Process(document);
                });
                if (document is null)
                {
                    return runner.ExitCode;
                }
            }

            var asked = parse.GetValue(names) ?? [];
            if (document is not null && asked.Length == 0)
            {
                // No name asked: the places the recognizer found in the page, in text order.
                foreach (var place in document.Places)
                {
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        mention = place.Mention is { } span ? document[span] : null,
                        start = place.Mention?.Start,
                        name = place.Name,
                        country = place.CountryCode,
                        admin1 = place.Admin1,
                        latitude = place.Latitude,
                        longitude = place.Longitude,
                        acledGeoPrecision = place.Precision.AcledGeoPrecision,
                        ucdpWherePrecision = place.Precision.UcdpWherePrecision,
                        geonameId = place.GeonameId,
                        score = place.Score,
                    }));
                }

                return runner.ExitCode;
            }

            foreach (var name in asked)
            {
                if (document is not null)
                {
                    context = ContextFor(document, name);
                }

                var candidates = resolver.Candidates(name, parse.GetValue(country), contextPath is null ? null : context);
                if (candidates.Count == 0)
                {
                    runner.Fail(name, gazetteer.Find(name, parse.GetValue(country)).Count > 0
                        ? "a common word, and nothing in the context makes it a place"
                        : "no place of that name in the gazetteer");
                    continue;
                }

                foreach (var candidate in candidates.Take(MaximumCandidates))
                {
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        query = name,
                        name = candidate.Entry.Name,
                        kind = candidate.Entry.Kind.ToString(),
                        featureCode = candidate.Entry.FeatureCode,
                        country = candidate.Entry.CountryCode,
                        admin1 = candidate.Place.Admin1,
                        latitude = candidate.Entry.Latitude,
                        longitude = candidate.Entry.Longitude,
                        population = candidate.Entry.Population,
                        geonameId = candidate.Entry.GeonameId,
                        match = candidate.Match.ToString(),
                        acledGeoPrecision = candidate.Place.Precision.AcledGeoPrecision,
                        ucdpWherePrecision = candidate.Place.Precision.UcdpWherePrecision,
                        score = candidate.Score,
                        accepted = candidate.Score >= PlaceResolver.MinimumScore,
                    }));
                }
            }

            return runner.ExitCode;
        });
        return command;
    }

    /// <summary>The document's places and countries as context for a name, with the phrase before its first mention there.</summary>
    private static PlaceContext ContextFor(Document document, string name)
    {
        var countries = document.Places.Where(place => place.Precision == PlacePrecision.Country).Select(place => place.CountryCode).Distinct().ToList();
        var match = System.Text.RegularExpressions.Regex.Match(document.Text, $@"(?<!\w){System.Text.RegularExpressions.Regex.Escape(name)}(?!\w)");
        var at = match.Success ? match.Index : -1;
        var phrase = at > 0 ? document.Text[Math.Max(0, at - 40)..at] : null;
        var others = document.Places.Where(place => at < 0 || place.Mention is not { } mention || mention.Start != at).ToList();
        return new PlaceContext(countries, others, phrase);
    }
}
