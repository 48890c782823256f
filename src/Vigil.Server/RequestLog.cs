using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Server;

/// <summary>
/// One log entry per request (ASP.NET Core logging, written by the JSON console formatter): method, path, status, time
/// and who asked. Writes are Information, refused requests (401, 403, a foreign Host) Warning, a 5xx Error (the
/// exception itself is logged where it is caught); reads are Debug, which is off unless reads are asked for.
/// </summary>
internal static class RequestLog
{
    public const string Category = "Vigil.Server.Requests";

    public static void Use(WebApplication app, string token)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var status = context.Response.StatusCode;
                var write = VigilServer.IsWrite(context.Request.Method);
                var level = status >= 500 ? LogLevel.Error
                    : status is 401 or 403 || (status == 400 && context.Items.ContainsKey(VigilServer.ForeignHostKey)) ? LogLevel.Warning
                    : write ? LogLevel.Information
                    : LogLevel.Debug;
                if (log.IsEnabled(level))
                {
                    var caller = VigilServer.HasToken(context.Request, token) ? "token holder" : "no token";
                    log.Log(
                        level,
                        "{Method} {Path} answered {Status} in {ElapsedMs} ms to {Remote} ({Caller})",
                        context.Request.Method,
                        context.Request.Path.Value,
                        status,
                        Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
                        context.Connection.RemoteIpAddress?.ToString(),
                        caller);
                }
            }
        });
    }
}
