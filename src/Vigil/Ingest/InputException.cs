namespace Vigil.Ingest;

/// <summary>
/// An input that cannot be used, with a reason a person can act on. Front ends print it as one line,
/// "INPUT: reason", skip the input and go on with the rest of the batch.
/// </summary>
public sealed class InputException(string input, string reason, Exception? inner = null)
    : Exception($"{input}: {reason}", inner)
{
    public string Input { get; } = input;

    public string Reason { get; } = reason;
}
