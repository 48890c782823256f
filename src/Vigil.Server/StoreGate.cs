using Vigil.Storage;

namespace Vigil.Server;

/// <summary>
/// The one store connection the server holds, used by one request at a time: the store is not thread-safe, and a
/// dashboard's requests are short, so taking turns costs little and keeps every write a single transaction.
/// </summary>
public sealed class StoreGate(IVigilStore store) : IDisposable
{
    private readonly Lock turn = new();

    public T Use<T>(Func<IVigilStore, T> work)
    {
        lock (turn)
        {
            return work(store);
        }
    }

    public void Dispose() => store.Dispose();
}
