using System.Collections.Concurrent;
using Vigil.Storage;

namespace Vigil.Server;

/// <summary>
/// The server's store connections. Writes take turns on one connection: the store is not thread-safe, and each write
/// is a single transaction. Reads (<see cref="Read{T}"/>) run side by side on a small pool of connections of their
/// own, opened when first needed, so twenty dashboards reading a store of a million events do not queue behind one
/// another or behind an export; without a way to open more (<paramref name="openReader"/> null) reads take turns too.
/// </summary>
public sealed class StoreGate(IVigilStore store, Func<IVigilStore>? openReader = null, int readers = StoreGate.DefaultReaders) : IDisposable
{
    /// <summary>Enough to keep two cores busy while some readers wait on the disk, few enough to leave the writer room.</summary>
    public const int DefaultReaders = 4;

    private readonly Lock turn = new();
    private readonly SemaphoreSlim readSlots = new(Math.Max(1, readers));
    private readonly ConcurrentBag<IVigilStore> idle = [];
    private readonly ConcurrentBag<IVigilStore> opened = [];

    public T Use<T>(Func<IVigilStore, T> work)
    {
        lock (turn)
        {
            return work(store);
        }
    }

    /// <summary>Runs a read on a pooled connection of its own; a read must not write.</summary>
    public T Read<T>(Func<IVigilStore, T> work)
    {
        if (openReader is null)
        {
            return Use(work);
        }

        readSlots.Wait();
        try
        {
            if (!idle.TryTake(out var reader))
            {
                reader = openReader();
                opened.Add(reader);
            }

            try
            {
                return work(reader);
            }
            finally
            {
                idle.Add(reader);
            }
        }
        finally
        {
            readSlots.Release();
        }
    }

    public void Dispose()
    {
        store.Dispose();
        foreach (var reader in opened)
        {
            reader.Dispose();
        }

        readSlots.Dispose();
    }
}
