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
        try
        {
            action();
        }
        catch (InputException e)
        {
            Fail(e.Input, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            Fail(input, e.Message);
        }
    }

    public void Fail(string input, string reason)
    {
        Failures++;
        error.WriteLine($"vigil: {input}: {reason}");
    }

    public int ExitCode => Failures > 0 ? 1 : 0;
}
