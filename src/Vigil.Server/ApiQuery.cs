using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Vigil.Server;

/// <summary>One query parameter a route reads, as the OpenAPI document declares it.</summary>
/// <param name="Invalid">A value the server refuses with 400 naming the parameter; null for free text, which it never refuses.</param>
public sealed record QueryParameter(string Name, JsonSchemaType Type, string Description, string? Invalid);

/// <summary>
/// The query parameters of the routes that read one (the filters of /api/events, which /api/stats and /api/export
/// share), declared in the OpenAPI document with the token's security scheme. The framework cannot see them: the
/// handlers read the query string themselves, to answer a wrong value with a message that names it.
/// </summary>
public static class ApiQuery
{
    public const string TokenScheme = "token";

    public static readonly IReadOnlyList<QueryParameter> Filters =
    [
        new("from", JsonSchemaType.String, "Events on or after this date (yyyy-mm-dd)", "yesterday"),
        new("to", JsonSchemaType.String, "Events on or before this date (yyyy-mm-dd)", "2024-13-01"),
        new("type", JsonSchemaType.String, "ACLED event type, or sub-event type", "Skirmish"),
        new("subType", JsonSchemaType.String, "ACLED sub-event type", "Skirmish"),
        new("country", JsonSchemaType.String, "ISO 3166-1 alpha-2 country code, such as SY", "Syria"),
        new("bbox", JsonSchemaType.String, "Bounding box: minLon,minLat,maxLon,maxLat in degrees", "1,2"),
        new("actor", JsonSchemaType.String, "Words of a perpetrator's or target's name", null),
        new("q", JsonSchemaType.String, "Words of the reports' text (full-text search)", null),
        new("minConfidence", JsonSchemaType.Number, "Lowest extraction confidence, 0 to 1", "2"),
        new("review", JsonSchemaType.String, "unreviewed, confirmed or rejected", "maybe"),
        new("sort", JsonSchemaType.String, "date, -date, killed, -killed, confidence or -confidence (default -date)", "random"),
        new("page", JsonSchemaType.Integer, "Page number, from 1", "0"),
        new("pageSize", JsonSchemaType.Integer, "Events per page, 1 to 5000 (default 50)", "0"),
    ];

    /// <summary>The query parameters of each route (path as in the document), those of the filters and their own.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<QueryParameter>> Routes = new Dictionary<string, IReadOnlyList<QueryParameter>>
    {
        ["/api/events"] = Filters,
        ["/api/stats"] =
        [
            .. Filters,
            new("grain", JsonSchemaType.String, "Periods of byDay: day, week (from Monday) or month; by default day for a range of up to 120 days, "
                + "week up to 730, month beyond (an open end of the range is the first or last matching event's day)", "year"),
        ],
        ["/api/map"] = [.. Filters, new("zoom", JsonSchemaType.Integer, "Grid of the cells: 0 is 45-degree cells, each step halves them (0 to 12, default 2)", "99")],
        ["/api/export"] = [.. Filters, new("format", JsonSchemaType.String, "acled-csv, ucdp-csv, geojson, jsonl (default) or plover-json", "xls")],
        ["/api/alerts/deliveries"] =
        [
            new("alert", JsonSchemaType.String, "Only this alert's deliveries (id or name)", null),
            new("status", JsonSchemaType.String, "Only those in this state: pending, sending, delivered, failed or cancelled", "lost"),
            new("limit", JsonSchemaType.Integer, "At most this many, newest first: 1 to 1000 (default 100)", "0"),
        ],
    };

    /// <summary>Declares the token's scheme, every route's query parameters, and that writes need the token.</summary>
    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[TokenScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The token `vigil serve` prints (or --token): 'Authorization: Bearer TOKEN'. Every write needs it; reads need it "
                    + "only from another machine.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
            if (Routes.TryGetValue(path, out var parameters))
            {
                operation.Parameters ??= [];
                foreach (var parameter in parameters)
                {
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = parameter.Name,
                        In = ParameterLocation.Query,
                        Required = false,
                        Description = parameter.Description,
                        Schema = new OpenApiSchema { Type = parameter.Type },
                    });
                }
            }

            if (context.Description.HttpMethod is not ("GET" or "HEAD"))
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenScheme, context.Document)] = [] }];
            }

            return Task.CompletedTask;
        });
    }
}
