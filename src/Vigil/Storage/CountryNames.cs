using System.Text.Json;

namespace Vigil.Storage;

/// <summary>
/// English country names for ISO 3166-1 alpha-2 codes, from Debian's iso-codes data (installed by scripts/setup.sh).
/// .NET's RegionInfo would do, but Vigil runs in invariant-globalization mode where it knows no regions, and NuGet has
/// no maintained ISO 3166 package. Without the data file the code itself is used.
/// </summary>
public static class CountryNames
{
    public const string DataFile = "/usr/share/iso-codes/json/iso_3166-1.json";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Names = new(Load);

    public static bool Available => Names.Value.Count > 0;

    /// <summary>The common name ("Syria", not "Syrian Arab Republic"); null for no code; the code when unknown.</summary>
    public static string? Of(string? isoCode)
    {
        if (string.IsNullOrWhiteSpace(isoCode))
        {
            return null;
        }

        var code = isoCode.Trim().ToUpperInvariant();
        return Names.Value.TryGetValue(code, out var name) ? name : code;
    }

    private static Dictionary<string, string> Load()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(DataFile))
        {
            return names;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(DataFile));
        foreach (var country in document.RootElement.GetProperty("3166-1").EnumerateArray())
        {
            var code = country.GetProperty("alpha_2").GetString();
            var name = (country.TryGetProperty("common_name", out var common) ? common : country.GetProperty("name")).GetString();
            if (code is null || name is null)
            {
                continue;
            }

            // "Congo, The Democratic Republic of the" reads as "The Democratic Republic of the Congo".
            var comma = name.IndexOf(", ", StringComparison.Ordinal);
            names[code] = comma > 0 ? $"{name[(comma + 2)..]} {name[..comma]}" : name;
        }

        return names;
    }
}
