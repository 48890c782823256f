namespace Vigil.Language;

/// <summary>
/// Feature hash to row id, for tagging speed: an open-addressing table over two flat arrays. Written by hand because
/// it is looked up about a hundred times per token, and Dictionary&lt;ulong, int&gt; costs twice as much per lookup;
/// the keys are already well-mixed 64-bit hashes, so their low bits index the table directly.
/// </summary>
internal sealed class FeatureTable
{
    private readonly ulong[] keys;
    private readonly int[] values;
    private readonly int mask;

    public FeatureTable(IReadOnlyList<ulong> hashes)
    {
        var capacity = 16;
        while (capacity < hashes.Count * 2)
        {
            capacity *= 2;
        }

        keys = new ulong[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        for (var id = 0; id < hashes.Count; id++)
        {
            var slot = (int)hashes[id] & mask;
            while (values[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = hashes[id];
            values[slot] = id + 1;
        }

        Count = hashes.Count;
    }

    public int Count { get; }

    /// <summary>The row id of a feature hash, or -1 for a feature the model never saw in training.</summary>
    public int Find(ulong hash)
    {
        var slot = (int)hash & mask;
        while (true)
        {
            var value = values[slot];
            if (value == 0)
            {
                return -1;
            }

            if (keys[slot] == hash)
            {
                return value - 1;
            }

            slot = (slot + 1) & mask;
        }
    }
}
