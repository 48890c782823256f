using System.Globalization;
using System.Text.Json;

namespace Vigil.Storage;

/// <summary>
/// Alerts over the same connection and transactions as the events: a change is written to alert_outbox by the very
/// transaction that makes it (and only while some alert exists, so a store without alerts pays one indexed lookup).
/// Matching takes the writer's turn, so two dispatchers never turn one change into two deliveries; a delivery row is
/// unique per alert, change and target for the same reason.
/// </summary>
public abstract partial class SqlEventStore : IAlertStore
{
    protected static string AlertsSchema(string integer, string identity) =>
        $"""
        CREATE TABLE alerts (
          id {identity}, name TEXT NOT NULL UNIQUE, webhook TEXT, file_path TEXT, criteria TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE alert_outbox (id {identity}, event_id TEXT NOT NULL, change_kind TEXT NOT NULL, changed_at TEXT NOT NULL);
        CREATE TABLE alert_deliveries (
          id {identity}, alert_id {integer} NOT NULL, alert_name TEXT NOT NULL, event_id TEXT NOT NULL, change_id {integer} NOT NULL,
          change_kind TEXT NOT NULL, target TEXT NOT NULL, destination TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL,
          attempts {integer} NOT NULL, next_attempt_at TEXT NOT NULL, lease_until TEXT, dispatcher TEXT, last_error TEXT,
          created_at TEXT NOT NULL, delivered_at TEXT, UNIQUE (alert_id, change_id, target));
        CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at);
        CREATE INDEX alert_deliveries_alert ON alert_deliveries (alert_id, id);
        """;

    private const string ChangeNew = "new";
    private const string ChangeUpdated = "updated";

    /// <summary>Notes, inside the caller's transaction, that an event was stored or changed, for the alerts to look at.</summary>
    private void RecordChange(string eventId, string change) =>
        Execute(
            $"INSERT INTO alert_outbox (event_id, change_kind, changed_at) SELECT @event, @change, {NowSql} WHERE EXISTS (SELECT 1 FROM alerts)",
            ("@event", eventId), ("@change", change));

    public SavedAlert AddAlert(NewAlert alert)
    {
        if (string.IsNullOrWhiteSpace(alert.Name))
        {
            throw new StoreException("an alert needs a name");
        }

        if (long.TryParse(alert.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new StoreException($"an alert's name must not be a number ('{alert.Name}' would read as an id)");
        }

        if (alert.Webhook is null && alert.FilePath is null)
        {
            throw new StoreException($"alert {alert.Name}: give a webhook, a file, or both, for the matches to go to");
        }

        if (alert.Webhook is { } webhook
            && (!Uri.TryCreate(webhook, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new StoreException($"alert {alert.Name}: the webhook '{webhook}' is not an http(s) URL");
        }

        if (alert.Criteria.Problem() is { } problem)
        {
            throw new StoreException($"alert {alert.Name}: {problem}");
        }

        var criteria = alert.Criteria with { Countries = [.. alert.Criteria.Countries.Select(code => code.ToUpperInvariant())] };
        return InTransaction(() =>
        {
            if (Scalar("SELECT 1 FROM alerts WHERE name = @name", ("@name", alert.Name)) is not null)
            {
                throw new StoreException($"there is an alert named {alert.Name} already (vigil alerts list)");
            }

            Execute(
                $"INSERT INTO alerts (name, webhook, file_path, criteria, created_at) VALUES (@name, @webhook, @file, @criteria, {NowSql})",
                ("@name", alert.Name), ("@webhook", alert.Webhook), ("@file", alert.FilePath), ("@criteria", JsonSerializer.Serialize(criteria, VigilJson.Options)));
            return Alerts("WHERE name = @name", ("@name", alert.Name)).Single();
        });
    }

    public IReadOnlyList<SavedAlert> ListAlerts() => Alerts("ORDER BY id");

    public bool RemoveAlert(string idOrName) => InTransaction(() =>
    {
        var found = long.TryParse(idOrName, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Alerts("WHERE id = @id", ("@id", id))
            : Alerts("WHERE name = @name", ("@name", idOrName));
        if (found.Count == 0)
        {
            return false;
        }

        Execute("DELETE FROM alerts WHERE id = @id", ("@id", found[0].Id));
        Execute(
            "UPDATE alert_deliveries SET status = @cancelled, last_error = COALESCE(last_error, 'alert removed') WHERE alert_id = @id AND status = @pending",
            ("@cancelled", DeliveryStates.Cancelled), ("@id", found[0].Id), ("@pending", DeliveryStates.Pending));
        if (Scalar("SELECT 1 FROM alerts") is null)
        {
            // No alert is left to look at the changes waiting: they would otherwise wait for the next alert.
            Execute("DELETE FROM alert_outbox");
        }

        return true;
    });

    public (int Changes, int Deliveries) MatchChanges(int batch = 200)
    {
        // Read first without the writer's turn: most calls find nothing and must not make the ingest wait.
        if (Scalar("SELECT 1 FROM alert_outbox LIMIT 1") is null)
        {
            return (0, 0);
        }

        return InTransaction(() =>
        {
            var changes = new List<(long Id, string EventId, string Change, string At)>();
            using (var command = Command("SELECT id, event_id, change_kind, changed_at FROM alert_outbox ORDER BY id LIMIT @batch", ("@batch", batch)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    changes.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                }
            }

            var alerts = ListAlerts();
            var created = 0;
            var now = DatabaseNow();
            // Several changes of one event in one batch make one notice, about the event as it is now.
            foreach (var group in changes.GroupBy(change => change.EventId, StringComparer.Ordinal))
            {
                var last = group.MaxBy(change => change.Id);
                var change = group.Any(c => c.Change == ChangeNew) ? ChangeNew : ChangeUpdated;
                // An event merged away since has no notice of its own: the merge noted the event it went into.
                var matching = alerts.Where(alert => string.CompareOrdinal(alert.CreatedAt, last.At) <= 0).ToList();
                if (matching.Count == 0 || GetEvent(group.Key) is not { } stored)
                {
                    continue;
                }

                foreach (var alert in matching.Where(alert => alert.Criteria.Matches(stored)))
                {
                    var payload = JsonSerializer.Serialize(AlertPayload.Of(alert, change, last.At, stored), VigilJson.Options);
                    foreach (var (target, destination) in new[] { (DeliveryTargets.Webhook, alert.Webhook), (DeliveryTargets.File, alert.FilePath) })
                    {
                        if (destination is null)
                        {
                            continue;
                        }

                        using var insert = Command(
                            """
                            INSERT INTO alert_deliveries (alert_id, alert_name, event_id, change_id, change_kind, target, destination, payload, status, attempts,
                              next_attempt_at, created_at)
                            VALUES (@alert, @name, @event, @change, @kind, @target, @destination, @payload, @pending, 0, @now, @now)
                            ON CONFLICT (alert_id, change_id, target) DO NOTHING
                            """,
                            ("@alert", alert.Id), ("@name", alert.Name), ("@event", stored.Id), ("@change", last.Id), ("@kind", change), ("@target", target),
                            ("@destination", destination), ("@payload", payload), ("@pending", DeliveryStates.Pending), ("@now", now));
                        created += insert.ExecuteNonQuery();
                    }
                }
            }

            foreach (var chunk in changes.Chunk(500))
            {
                Execute(
                    $"DELETE FROM alert_outbox WHERE id IN ({string.Join(", ", chunk.Select((_, i) => $"@c{i}"))})",
                    [.. chunk.Select((change, i) => ($"@c{i}", (object?)change.Id))]);
            }

            return (changes.Count, created);
        });
    }

    public ClaimedDelivery? ClaimDelivery(string dispatcher, TimeSpan lease)
    {
        var now = DatabaseNow();
        // Looked for first with a read: dispatchers ask every half second, and an UPDATE would take SQLite's write lock each time.
        if (Scalar(
            "SELECT 1 FROM alert_deliveries WHERE (status = @pending AND next_attempt_at <= @now) OR (status = @sending AND lease_until < @now) LIMIT 1",
            ("@pending", DeliveryStates.Pending), ("@sending", DeliveryStates.Sending), ("@now", now)) is null)
        {
            return null;
        }

        using var command = Command(
            $"""
            UPDATE alert_deliveries SET status = @sending, dispatcher = @dispatcher, attempts = attempts + 1, lease_until = @until
            WHERE id = (
              SELECT id FROM alert_deliveries
              WHERE (status = @pending AND next_attempt_at <= @now) OR (status = @sending AND lease_until < @now)
              ORDER BY id LIMIT 1{ClaimLock})
            RETURNING id, alert_name, event_id, target, destination, payload, attempts
            """,
            ("@sending", DeliveryStates.Sending), ("@pending", DeliveryStates.Pending), ("@dispatcher", dispatcher),
            ("@until", Iso(ParseIso(now) + lease)), ("@now", now));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ClaimedDelivery(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture))
            : null;
    }

    public bool DeliverySucceeded(ClaimedDelivery delivery, string dispatcher) =>
        Update(
            "UPDATE alert_deliveries SET status = @delivered, delivered_at = @now, lease_until = NULL WHERE id = @id AND dispatcher = @dispatcher AND status = @sending",
            ("@delivered", DeliveryStates.Delivered), ("@now", DatabaseNow()), ("@id", delivery.Id), ("@dispatcher", dispatcher), ("@sending", DeliveryStates.Sending));

    public bool DeliveryFailed(ClaimedDelivery delivery, string dispatcher, string error, TimeSpan? retryAfter)
    {
        var now = DatabaseNow();
        return Update(
            """
            UPDATE alert_deliveries SET status = @status, last_error = @error, next_attempt_at = @next, lease_until = NULL
            WHERE id = @id AND dispatcher = @dispatcher AND status = @sending
            """,
            ("@status", retryAfter is null ? DeliveryStates.Failed : DeliveryStates.Pending), ("@error", error),
            ("@next", retryAfter is { } wait ? Iso(ParseIso(now) + wait) : now), ("@id", delivery.Id), ("@dispatcher", dispatcher),
            ("@sending", DeliveryStates.Sending));
    }

    public IReadOnlyList<AlertDelivery> Deliveries(string? alert = null, string? status = null, int limit = 100)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)> { ("@limit", limit) };
        if (alert is not null)
        {
            if (long.TryParse(alert, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                conditions.Add("alert_id = @alert");
                parameters.Add(("@alert", id));
            }
            else
            {
                conditions.Add("alert_name = @alert");
                parameters.Add(("@alert", alert));
            }
        }

        if (status is not null)
        {
            conditions.Add("status = @status");
            parameters.Add(("@status", status));
        }

        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        using var command = Command(
            $"""
            SELECT id, alert_id, alert_name, event_id, change_kind, target, destination, status, attempts, last_error, created_at, next_attempt_at, delivered_at
            FROM alert_deliveries {where} ORDER BY id DESC LIMIT @limit
            """,
            [.. parameters]);
        using var reader = command.ExecuteReader();
        var deliveries = new List<AlertDelivery>();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            deliveries.Add(new AlertDelivery(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture), Text(9), reader.GetString(10), reader.GetString(11), Text(12)));
        }

        return deliveries;
    }

    private List<SavedAlert> Alerts(string where, params (string Name, object? Value)[] parameters)
    {
        var alerts = new List<SavedAlert>();
        using var command = Command($"SELECT id, name, webhook, file_path, criteria, created_at FROM alerts {where}", parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            alerts.Add(new SavedAlert(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                JsonSerializer.Deserialize<AlertCriteria>(reader.GetString(4), VigilJson.Options) ?? new AlertCriteria(), reader.GetString(5)));
        }

        return alerts;
    }
}
