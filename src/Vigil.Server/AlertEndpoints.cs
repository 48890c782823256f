using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>An alert to save over the API: the criteria (each optional; all given must hold) and the webhook matches go to.</summary>
/// <param name="Bbox">minLon,minLat,maxLon,maxLat in degrees.</param>
/// <param name="File">Refused here: a file on the server's disk is named from its own command line (`vigil alerts add --file`).</param>
public sealed record AlertRequest(
    string? Name, string? Webhook, string? File, IReadOnlyList<string>? Countries, string? Bbox, IReadOnlyList<string>? Types, int? MinFatalities,
    IReadOnlyList<string>? Actors);

/// <summary>The alerts (saved searches that notify a webhook) and their deliveries.</summary>
internal static class AlertEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/alerts", (StoreGate gate) => Results.Ok(gate.Use(store => store.ListAlerts())))
            .WithSummary("The saved alerts: name, criteria (countries, area, types, minimum fatalities, actors), webhook and file, when created");

        api.MapPost("/alerts", (AlertRequest request, StoreGate gate) =>
        {
            if (request.File is not null)
            {
                return Results.BadRequest(new ApiError("'file' cannot be set over the API: name a file on the server's machine with `vigil alerts add --file`"));
            }

            AlertArea? area;
            try
            {
                area = request.Bbox is { } box ? AlertArea.Parse(box) : null;
            }
            catch (ArgumentException e)
            {
                return Results.BadRequest(new ApiError(e.Message));
            }

            var criteria = new AlertCriteria
            {
                Countries = request.Countries ?? [],
                Area = area,
                Types = request.Types ?? [],
                MinFatalities = request.MinFatalities,
                Actors = request.Actors ?? [],
            };
            var saved = gate.Use(store => store.AddAlert(new NewAlert(request.Name ?? "", request.Webhook, null, criteria)));
            return Results.Created($"/api/alerts/{saved.Id}", saved);
        }).WithSummary("Save an alert: name, webhook, and any of countries, bbox, types, minFatalities, actors; 201 with the alert");

        api.MapDelete("/alerts/{alert}", (string alert, StoreGate gate) => gate.Use(store => store.RemoveAlert(alert))
            ? Results.NoContent()
            : Results.NotFound(new ApiError($"no alert {alert}")))
            .WithSummary("Remove an alert (by id or name); its deliveries not yet made are cancelled, the others stay on record");

        api.MapGet("/alerts/deliveries", (HttpRequest request, StoreGate gate) =>
        {
            var status = request.Query["status"].ToString() is { Length: > 0 } given ? given : null;
            if (status is not null && !DeliveryStates.All.Contains(status))
            {
                return Results.BadRequest(new ApiError($"'status' must be one of {string.Join(", ", DeliveryStates.All)}, not '{status}'"));
            }

            var limitText = request.Query["limit"].ToString();
            var limit = 100;
            if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1000))
            {
                return Results.BadRequest(new ApiError($"'limit' must be a whole number from 1 to 1000, not '{limitText}'"));
            }

            var alert = request.Query["alert"].ToString() is { Length: > 0 } name ? name : null;
            return Results.Ok(gate.Use(store => store.Deliveries(alert, status, limit)));
        }).WithSummary("Deliveries, newest first: alert, event, change (new or updated), target, status, attempts, last error, when delivered; filters alert, status, limit");
    }
}
