using System.Collections;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Places;

/// <summary>
/// The gazetteer's entries. Read from the cache they stay in columns (one array per field, read in one call each) and
/// an entry becomes an object only when a lookup reaches it: a million objects built at every start would cost most of
/// a second and a hundred megabytes, and a resolve touches a few dozen.
/// </summary>
internal sealed class GazetteerEntryTable : IReadOnlyList<GazetteerEntry>
{
    private GazetteerEntry?[] entries = new GazetteerEntry?[256];
    private Columns? columns;

    public int Count { get; private set; }

    public GazetteerEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var entry = Volatile.Read(ref entries[index]);
            if (entry is not null)
            {
                return entry;
            }

            // Threads that race here build equal entries; all keep the first one stored, so an entry is one object.
            var built = columns!.Entry(index);
            return Interlocked.CompareExchange(ref entries[index], built, null) ?? built;
        }
    }

    /// <summary>The entry's kind without building it.</summary>
    public PlaceKind KindAt(int index) => columns is not null && index < columns.Count ? (PlaceKind)columns.Kinds[index] : this[index].Kind;

    public int Add(GazetteerEntry entry)
    {
        if (Count == entries.Length)
        {
            Array.Resize(ref entries, entries.Length * 2);
        }

        entries[Count] = entry;
        return Count++;
    }

    public IEnumerator<GazetteerEntry> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Write(BinaryWriter writer)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        int Code(string? code) => codes.TryGetValue(code ?? "", out var at) ? at : codes[code ?? ""] = codes.Count;
        var c = Columns.Create(Count);
        var names = new MemoryStream();
        for (var i = 0; i < Count; i++)
        {
            var entry = this[i];
            c.NameStarts[i] = (int)names.Position;
            names.Write(Encoding.UTF8.GetBytes(entry.Name));
            c.Latitudes[i] = entry.Latitude;
            c.Longitudes[i] = entry.Longitude;
            c.Kinds[i] = (byte)entry.Kind;
            c.FeatureCodes[i] = Code(entry.FeatureCode);
            c.CountryCodes[i] = Code(entry.CountryCode);
            c.Admin1Codes[i] = Code(entry.Admin1Code);
            c.Admin2Codes[i] = Code(entry.Admin2Code);
            c.Populations[i] = entry.Population;
            c.GeonameIds[i] = entry.GeonameId ?? -1;
            c.NamesInAllScripts[i] = entry.NamesInAllScripts;
        }

        c.NameStarts[Count] = (int)names.Position;
        c.NameBytes = names.ToArray();
        c.Codes = [.. codes.OrderBy(pair => pair.Value).Select(pair => pair.Key)];
        c.Write(writer);
    }

    public static GazetteerEntryTable Read(BinaryReader reader)
    {
        var c = Columns.Read(reader);
        return new GazetteerEntryTable { columns = c, entries = new GazetteerEntry?[Math.Max(c.Count, 1)], Count = c.Count };
    }

    internal static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    internal static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length < 0)
        {
            throw new InvalidDataException("a negative array length in the gazetteer cache");
        }

        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private sealed class Columns
    {
        public required int Count { get; init; }

        public required string[] Codes { get; set; }

        public required byte[] NameBytes { get; set; }

        public required int[] NameStarts { get; init; }

        public required double[] Latitudes { get; init; }

        public required double[] Longitudes { get; init; }

        public required byte[] Kinds { get; init; }

        public required int[] FeatureCodes { get; init; }

        public required int[] CountryCodes { get; init; }

        public required int[] Admin1Codes { get; init; }

        public required int[] Admin2Codes { get; init; }

        public required long[] Populations { get; init; }

        public required long[] GeonameIds { get; init; }

        public required int[] NamesInAllScripts { get; init; }

        public static Columns Create(int count) => new()
        {
            Count = count,
            Codes = [],
            NameBytes = [],
            NameStarts = new int[count + 1],
            Latitudes = new double[count],
            Longitudes = new double[count],
            Kinds = new byte[count],
            FeatureCodes = new int[count],
            CountryCodes = new int[count],
            Admin1Codes = new int[count],
            Admin2Codes = new int[count],
            Populations = new long[count],
            GeonameIds = new long[count],
            NamesInAllScripts = new int[count],
        };

        public GazetteerEntry Entry(int i) => new(
            Encoding.UTF8.GetString(NameBytes, NameStarts[i], NameStarts[i + 1] - NameStarts[i]),
            Latitudes[i],
            Longitudes[i],
            (PlaceKind)Kinds[i],
            Codes[FeatureCodes[i]],
            Codes[CountryCodes[i]],
            Codes[Admin1Codes[i]] is { Length: > 0 } admin1 ? admin1 : null,
            Codes[Admin2Codes[i]] is { Length: > 0 } admin2 ? admin2 : null,
            Populations[i],
            GeonameIds[i] < 0 ? null : GeonameIds[i],
            NamesInAllScripts[i]);

        public void Write(BinaryWriter writer)
        {
            writer.Write(Codes.Length);
            foreach (var code in Codes)
            {
                writer.Write(code);
            }

            writer.Write(Count);
            WriteArray(writer, NameBytes);
            WriteArray(writer, NameStarts);
            WriteArray(writer, Latitudes);
            WriteArray(writer, Longitudes);
            WriteArray(writer, Kinds);
            WriteArray(writer, FeatureCodes);
            WriteArray(writer, CountryCodes);
            WriteArray(writer, Admin1Codes);
            WriteArray(writer, Admin2Codes);
            WriteArray(writer, Populations);
            WriteArray(writer, GeonameIds);
            WriteArray(writer, NamesInAllScripts);
        }

        public static Columns Read(BinaryReader reader)
        {
            var codes = new string[reader.ReadInt32()];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = reader.ReadString();
            }

            var count = reader.ReadInt32();
            var c = new Columns
            {
                Count = count,
                Codes = codes,
                NameBytes = ReadArray<byte>(reader),
                NameStarts = ReadArray<int>(reader),
                Latitudes = ReadArray<double>(reader),
                Longitudes = ReadArray<double>(reader),
                Kinds = ReadArray<byte>(reader),
                FeatureCodes = ReadArray<int>(reader),
                CountryCodes = ReadArray<int>(reader),
                Admin1Codes = ReadArray<int>(reader),
                Admin2Codes = ReadArray<int>(reader),
                Populations = ReadArray<long>(reader),
                GeonameIds = ReadArray<long>(reader),
                NamesInAllScripts = ReadArray<int>(reader),
            };
            return c.NameStarts.Length == count + 1 && c.Latitudes.Length == count && c.Kinds.Length == count && c.NamesInAllScripts.Length == count
                ? c
                : throw new InvalidDataException("the gazetteer cache's columns disagree in length");
        }
    }
}
