using Vigil.Ingest;

namespace Vigil.Cli;

/// <summary>
/// Runs one action per input so that a bad input costs one line on stderr and never the batch: the rest goes on and
/// the exit code says whether anything failed.
/// </summary>
internal sealed class BatchRunner(TextWriter error)
{
    public int Failures { get; private set; }

    public void Run(string input, Action action)
    {
        if (Capture(input, action) is { } failure)
        {
            Fail(failure.Input, failure.Reason);
        }
    }

    /// <summary>
    /// Runs the action and returns the input and reason it failed for, without reporting it: for work done in
    /// parallel and reported in order afterwards. Safe to call from several threads.
    /// </summary>
    public static (string Input, string Reason)? Capture(string input, Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (InputException e)
        {
            return (e.Input, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            return (input, e.Message);
        }
    }

    public void Fail(string input, string reason)
    {
        Failures++;
        error.WriteLine($"vigil: {input}: {reason}");
    }

    public int ExitCode => Failures > 0 ? 1 : 0;
}
