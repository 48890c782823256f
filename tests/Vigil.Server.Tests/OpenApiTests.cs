using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vigil.Server.Tests;

/// <summary>The OpenAPI document against the server's own routes: every route, its query parameters, the token's scheme.</summary>
public sealed class OpenApiTests(TestServer server) : IClassFixture<TestServer>
{
    private readonly HttpClient client = new();

    private async Task<JsonElement> Document() => JsonDocument.Parse(await client.GetStringAsync(server.BaseUrl + "/openapi/v1.json")).RootElement;

    [Fact]
    public async Task EveryRouteIsInTheDocumentAndTheDocumentHasNoOther()
    {
        var (app, _) = VigilServer.Build(new ServerOptions(server.DatabasePath, null, "http://127.0.0.1:0", TestServer.Token));
        await using var _app = app;
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => $"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"))
            .Where(route => !route.Contains("/openapi/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

        var documented = (await Document()).GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Contains("GET /api/events", routes);
        Assert.Equal(routes, documented);
    }

    [Fact]
    public async Task TheFilteringRoutesDeclareEveryQueryParameterTheyRead()
    {
        var paths = (await Document()).GetProperty("paths");
        foreach (var (path, parameters) in ApiQuery.Routes)
        {
            var declared = paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Equal(parameters.Select(p => p.Name), declared);

            // Each declared parameter is one the route reads: a wrong value is refused with its name.
            foreach (var parameter in parameters.Where(p => p.Invalid is not null))
            {
                var response = await client.GetAsync($"{server.BaseUrl}{path}?{parameter.Name}={Uri.EscapeDataString(parameter.Invalid!)}");
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?{parameter.Name}={parameter.Invalid} answered {response.StatusCode}");
                var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
                Assert.Contains(parameter.Name, error, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task TheEventLocationDeclaresItsRunnerUpReadings()
    {
        var schemas = (await Document()).GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("EventLocation", out var location), string.Join(", ", schemas.EnumerateObject().Select(p => p.Name)));
        Assert.True(location.GetProperty("properties").TryGetProperty("runnersUp", out var runnersUp), location.GetRawText());
        Assert.Contains("PlaceReading", runnersUp.GetRawText(), StringComparison.Ordinal);
        var reading = schemas.GetProperty("PlaceReading").GetProperty("properties");
        Assert.Equal(["name", "latitude", "longitude", "countryCode", "admin1", "precision", "geonameId", "score"], reading.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheTokenIsASecuritySchemeThatEveryWriteNeeds()
    {
        var document = await Document();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiQuery.TokenScheme);
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var operations = document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()).ToList();
        var writes = operations.Where(operation => operation.Name is "post" or "put" or "delete" or "patch").ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, write => Assert.True(write.Value.GetProperty("security")[0].TryGetProperty(ApiQuery.TokenScheme, out _)));
        Assert.All(operations.Where(operation => operation.Name == "get"), read => Assert.False(read.Value.TryGetProperty("security", out _)));
    }
}
