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
    public static (WebApplication App, string Token) Build(ServerOptions options, Func<Document, Document>? annotate = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { WebRootPath = FindWebRoot(options.WebRoot) });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        // Only the server's own failures (a 500 and its exception) reach the console; the framework's logs stay off.
        builder.Logging.AddSimpleConsole();
        builder.Logging.AddFilter((category, level) => category == "Vigil.Server" && level >= LogLevel.Error);
        builder.Services.AddOpenApi("v1");
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
        var gate = new StoreGate(EventStores.Open(options.SqlitePath, options.PostgresConnection));
        builder.Services.AddSingleton(gate);
        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(gate.Dispose);
        var failures = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Vigil.Server");

        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && !Allowed(context, token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new ApiError("this request needs the server's token: send 'Authorization: Bearer TOKEN'"));
                return;
            }

            try
            {
                await next(context);
            }
            catch (StoreException e)
            {
                context.Response.StatusCode = e.Message.StartsWith("no event", StringComparison.Ordinal) ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new ApiError(e.Message));
            }
            catch (Exception e) when (e is JsonException or BadHttpRequestException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new ApiError($"the request body is not valid JSON of the expected shape ({e.Message})"));
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

        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/openapi", () => Results.Redirect("/openapi/v1.json")).ExcludeFromDescription();
        ApiEndpoints.Map(app, annotate);
        return (app, token);
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

    private static bool Allowed(HttpContext context, string token)
    {
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var remote = context.Connection.RemoteIpAddress;
        var local = remote is null || IPAddress.IsLoopback(remote);
        if (isRead && local)
        {
            return true;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        var given = header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? header[Bearer.Length..].Trim() : context.Request.Headers["X-Vigil-Token"].ToString();
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
