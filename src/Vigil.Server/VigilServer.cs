using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>
/// The HTTP API and the dashboard over one event store. Reads are open to clients on this machine; every write needs
/// the token (Authorization: Bearer TOKEN), and any request from another machine needs it too.
/// </summary>
public static class VigilServer
{
    /// <param name="annotate">Adds entity annotations to an article's text for /api/articles; none when null.</param>
    /// <param name="logging">Adds to the logging set-up (a test's own logger); the JSON console is always there.</param>
    public static (WebApplication App, string Token) Build(ServerOptions options, Func<Document, Document>? annotate = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { WebRootPath = FindWebRoot(options.WebRoot) });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        // One JSON object a line, for log collectors: the server's failures (a 500 and its exception) and its request
        // log; the framework's own logs stay off.
        builder.Logging.AddJsonConsole(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        var requestLevel = options.LogReads ? LogLevel.Debug : LogLevel.Information;
        builder.Logging.AddFilter((category, level) =>
            (category == "Vigil.Server" && level >= LogLevel.Error) || (category == AlertsCategory && level >= LogLevel.Warning)
            || (category == RequestLog.Category && level >= requestLevel));
        logging?.Invoke(builder.Logging);
        builder.Services.AddOpenApi("v1", ApiQuery.Describe);
        // A body over 1 MB is refused while it is read (413), and a malformed one throws to the error handler below.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        // DNS rebinding: only the names the server was bound to (and loopback's) are served, whatever the route. The
        // check is the server's own (below), with host filtering's matching, so that a refusal has a JSON body: the
        // framework's filter runs before any middleware of the app and answers with an empty 400.
        builder.Services.AddHostFiltering(hosts => hosts.AllowedHosts = ["*"]);
        builder.Services.Configure<JsonOptions>(json =>
        {
            var vigil = VigilJson.Options;
            json.SerializerOptions.PropertyNamingPolicy = vigil.PropertyNamingPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = vigil.DefaultIgnoreCondition;
            json.SerializerOptions.Encoder = vigil.Encoder;
            foreach (var converter in vigil.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });

        var token = options.Token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var gate = new StoreGate(EventStores.Open(options.SqlitePath, options.PostgresConnection), () => EventStores.Open(options.SqlitePath, options.PostgresConnection));
        builder.Services.AddSingleton(gate);
        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(gate.Dispose);
        var failures = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Vigil.Server");
        SendAlerts(app, options, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(AlertsCategory));

        RequestLog.Use(app, token);
        var allowedHosts = AllowedHosts(options.Urls).Select(host => new Microsoft.Extensions.Primitives.StringSegment(host)).ToList();
        app.Use(async (context, next) =>
        {
            // A request without a Host (HTTP/1.0) names no site and is served, as host filtering does by default.
            if (context.Request.Host.HasValue && !HostString.MatchesAny(context.Request.Host.Value, allowedHosts))
            {
                context.Items[ForeignHostKey] = true;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new ApiError(
                    $"the Host '{context.Request.Host}' is not a name this server answers to (a guard against DNS rebinding): use the address it listens on"));
                return;
            }

            await next(context);
        });
        app.UseHostFiltering();
        app.Use(async (context, next) =>
        {
            if (IsWrite(context.Request.Method) && !SameOrigin(context.Request))
            {
                // A browser always names the page that sent a write; one from another site is refused even with the token.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new ApiError($"cross-site write refused: the Origin '{context.Request.Headers.Origin}' is not this server"));
                return;
            }

            if (context.Request.Path.StartsWithSegments("/api") && !Allowed(context, token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new ApiError("this request needs the server's token: send 'Authorization: Bearer TOKEN'"));
                return;
            }

            try
            {
                if (IsWrite(context.Request.Method) && !await BufferBody(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    await context.Response.WriteAsJsonAsync(new ApiError("the request body is over the limit of 1 MB"));
                    return;
                }

                await next(context);
            }
            catch (StoreException e)
            {
                context.Response.StatusCode = e.Message.StartsWith("no event", StringComparison.Ordinal) ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new ApiError(e.Message));
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsJsonAsync(new ApiError("the request body is over the limit of 1 MB"));
            }
            catch (Exception e) when (e is JsonException or BadHttpRequestException && !context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                var reason = (e.InnerException as JsonException)?.Message ?? e.Message;
                await context.Response.WriteAsJsonAsync(new ApiError($"the request body is not valid JSON of the expected shape ({reason})"));
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                // Never a 500 with an empty body: the client gets the same JSON error shape, and the log gets the exception.
                failures.LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path.Value);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new ApiError($"the server failed on this request ({e.GetType().Name}: {e.Message}); the server's log has the details"));
            }
        });

        app.MapGet("/healthz", () => Results.Ok(new Health("ok"))).WithSummary("Liveness: 200 with {\"status\":\"ok\"} while the server answers");
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/openapi", () => Results.Redirect("/openapi/v1.json")).ExcludeFromDescription();
        ApiEndpoints.Map(app, annotate);
        SourceEndpoints.Map(app);
        AlertEndpoints.Map(app);
        return (app, token);
    }

    /// <summary>
    /// Sends the alerts that the dashboard's corrections, merges and splits fire (and any other that is due), on a
    /// connection of its own while the server runs, as ingest, worker and watch do while they store.
    /// </summary>
    private static void SendAlerts(WebApplication app, ServerOptions options, ILogger log)
    {
        IVigilStore? store = null;
        Vigil.Alerts.AlertDispatcher? dispatcher = null;
        Task? loop = null;
        var stop = new CancellationTokenSource();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            store = EventStores.Open(options.SqlitePath, options.PostgresConnection);
            dispatcher = new Vigil.Alerts.AlertDispatcher(store, $"{Environment.MachineName}:{Environment.ProcessId}:serve")
            {
                OnAttempt = (delivery, error) =>
                {
                    if (error is not null)
                    {
                        log.LogWarning("alert {Alert}: event {Event}: {Target} {Destination}: {Error} (attempt {Attempt})", delivery.AlertName, delivery.EventId, delivery.Target, delivery.Destination, error, delivery.Attempt);
                    }
                },
                OnError = error => log.LogError("alerts: {Error}", error),
            };
            loop = Task.Run(() => dispatcher.RunAsync(stop.Token));
        });
        app.Lifetime.ApplicationStopping.Register(() =>
        {
            stop.Cancel();
            loop?.ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
            dispatcher?.Dispose();
            store?.Dispose();
            stop.Dispose();
        });
    }

    /// <summary>
    /// Starts listening. An address that cannot be bound (a port already in use) is a <see cref="ServerStartException"/>
    /// with one line naming the port, not the framework's stack trace; the store is closed again.
    /// </summary>
    public static void Start(WebApplication app, string urls)
    {
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            app.Services.GetRequiredService<StoreGate>().Dispose();
            var configured = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var address = configured.FirstOrDefault(url => e.Message.Contains(url.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) ?? configured.FirstOrDefault() ?? urls;
            var port = Uri.TryCreate(address.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : address;
            throw e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                ? new ServerStartException($"cannot listen on {address}: port {port} is already in use (stop what holds it, or choose another with --urls)", e)
                : new ServerStartException($"cannot listen on {address}: {e.Message}", e);
        }
    }

    /// <summary>The log category of the alerts the server sends: each failed attempt is a warning.</summary>
    public const string AlertsCategory = "Vigil.Alerts";

    /// <summary>The largest request body the server reads.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The host names requests may carry: each name the server was bound to, and loopback's. An address that binds every
    /// interface (*, +, 0.0.0.0, [::]) adds this machine's name and addresses, as clients elsewhere will use them.
    /// </summary>
    internal static List<string> AllowedHosts(string urls)
    {
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var authority = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
            authority = authority.Split('/')[0];
            var host = authority.StartsWith('[') ? authority[..(authority.IndexOf(']', StringComparison.Ordinal) + 1)] : authority.Split(':')[0];
            if (host is "*" or "+" or "0.0.0.0" or "[::]")
            {
                hosts.Add(System.Net.Dns.GetHostName());
                hosts.AddRange(System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                    .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                    .Select(a => a.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{a.Address.ToString().Split('%')[0]}]" : a.Address.ToString()));
            }
            else if (host.Length > 0)
            {
                hosts.Add(host);
            }
        }

        return [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Reads a write's body (at most <see cref="MaxBodyBytes"/>) before the endpoint does, so one that is too long is a
    /// 413 with a JSON error here rather than the framework's empty answer; false when it is too long.
    /// </summary>
    private static async Task<bool> BufferBody(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return false;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.HttpContext.Response.RegisterForDispose(buffer);
        return true;
    }

    /// <summary>The key of <see cref="HttpContext.Items"/> set when a request was refused for its Host.</summary>
    internal const string ForeignHostKey = "vigil.foreign-host";

    internal static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) || HttpMethods.IsPatch(method);

    /// <summary>No Origin (a client that is not a browser), or an Origin naming this very host and port.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !request.Host.HasValue)
        {
            return false;
        }

        var port = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost.Trim('[', ']'), request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && uri.Port == port;
    }

    private static bool Allowed(HttpContext context, string token)
    {
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var remote = context.Connection.RemoteIpAddress;
        var local = remote is null || IPAddress.IsLoopback(remote);
        if (isRead && local)
        {
            return true;
        }

        return HasToken(context.Request, token);
    }

    /// <summary>True when the request carries the server's token (Authorization: Bearer, or X-Vigil-Token).</summary>
    internal static bool HasToken(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        var given = header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? header[Bearer.Length..].Trim() : request.Headers["X-Vigil-Token"].ToString();
        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(token));
    }

    /// <summary>The built dashboard: the given folder, else wwwroot beside the server's sources or beside the binary.</summary>
    private static string? FindWebRoot(string? configured)
    {
        if (configured is not null)
        {
            return Path.GetFullPath(configured);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Vigil.Server", "wwwroot");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(beside) ? beside : null;
    }
}

/// <summary>The server could not start (its address cannot be bound), with a one-line reason for the user.</summary>
public sealed class ServerStartException(string message, Exception inner) : Exception(message, inner);
