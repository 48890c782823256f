using System.Diagnostics;
using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using Vigil.Places;

namespace Vigil.Cli.Commands;

/// <summary>
/// Resolves every ACLED row's location given its country (and its admin1 as context) and counts how many land
/// within 25 km of the point ACLED's coders chose.
/// </summary>
internal static class AcledPlaceBenchmark
{
    private const double ToleranceKm = 25;

    public static int Run(string path, PlaceResolver resolver, TextWriter output, TextWriter error, bool showFailures)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"vigil: {path}: not found (the ACLED sample lives in ../shared/data/acled-notes/acled.csv)");
            return 1;
        }

        var gazetteer = resolver.Gazetteer;
        var memory = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        int rows = 0, within = 0, unresolved = 0, unknownCountry = 0, withinByAdmin2 = 0;
        var errorsKm = new List<double>();
        var misses = new Dictionary<string, int>(StringComparer.Ordinal);
        void Miss(string category) => misses[category] = misses.GetValueOrDefault(category) + 1;
        // TextFieldParser (in the .NET shared framework) handles ACLED's quoted notes with commas and newlines.
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path}: no column {name}");
        int location = Column("location"), admin1 = Column("admin1"), admin2 = Column("admin2"), countryColumn = Column("country"), latitude = Column("latitude"), longitude = Column("longitude");
        while (parser.ReadFields() is { } fields)
        {
            rows++;
            var countryCode = CountryCode(resolver, fields[countryColumn]);
            if (countryCode is null)
            {
                unknownCountry++;
            }

            var others = new List<ResolvedPlace>();
            if (countryCode is not null && resolver.Candidates(fields[admin1] + " province", countryCode).FirstOrDefault(c => c.Entry.Kind == PlaceKind.Admin1) is { } area)
            {
                others.Add(area.Place);
            }

            var place = resolver.Resolve(fields[location], countryCode, new PlaceContext(countryCode is null ? [] : [countryCode], others));
            var truthLatitude = double.Parse(fields[latitude], CultureInfo.InvariantCulture);
            var truthLongitude = double.Parse(fields[longitude], CultureInfo.InvariantCulture);
            var readings = countryCode is null ? [] : resolver.Candidates(fields[location], countryCode, new PlaceContext([countryCode], others));
            var readingNear = readings.Any(c => Geo.DistanceKm(c.Entry.Latitude, c.Entry.Longitude, truthLatitude, truthLongitude) <= ToleranceKm);
            if (place is null)
            {
                unresolved++;
                Miss(readings.Count == 0
                    ? gazetteer.Find(fields[location]).Count == 0 ? "unresolved: the name is nowhere in the gazetteer" : "unresolved: the name is only abroad"
                    : readingNear ? "unresolved: a reading within 25 km was rejected (score or trust)" : "unresolved: only far namesakes in the country");
                // The figure beside: what an analyst's own fallback, the centre of ACLED's second-order area, would add.
                if (countryCode is not null && fields[admin2].Length > 0
                    && resolver.Candidates(fields[admin2] + " district", countryCode, new PlaceContext([countryCode], others)).FirstOrDefault(c => c.Entry.Kind == PlaceKind.Admin2) is { } district
                    && Geo.DistanceKm(district.Entry.Latitude, district.Entry.Longitude, truthLatitude, truthLongitude) <= ToleranceKm)
                {
                    withinByAdmin2++;
                }

                if (showFailures)
                {
                    var rejected = resolver.Candidates(fields[location], countryCode, new PlaceContext(countryCode is null ? [] : [countryCode], others)).FirstOrDefault();
                    error.WriteLine($"unresolved\t{fields[countryColumn]}\t{fields[admin1]}\t{fields[location]}\t{(rejected is null ? "" : $"best rejected: {rejected.Entry.Name} ({rejected.Place.Admin1}) {rejected.Score}")}");
                }

                continue;
            }

            var km = Geo.DistanceKm(place.Latitude, place.Longitude, truthLatitude, truthLongitude);
            errorsKm.Add(km);
            if (km <= ToleranceKm)
            {
                within++;
            }
            else
            {
                var standsIn = place.Precision == PlacePrecision.Admin1 || place.Precision == PlacePrecision.Country;
                // ACLED's admin1 as the gazetteer names it ("Kharkiv" is "Kharkiv Oblast"), when it could be read.
                var sameProvince = others.Count > 0 && string.Equals(place.Admin1, others[0].Name, StringComparison.OrdinalIgnoreCase) ? "in" : "outside";
                Miss(standsIn
                    ? $"far: the {(place.Precision == PlacePrecision.Admin1 ? "province" : "country")} stands in, {(readingNear ? "a" : "no")} reading within 25 km"
                    : readingNear ? $"far: another reading of the name chosen ({sameProvince} ACLED's admin1)" : $"far: no reading of the name within 25 km ({sameProvince} ACLED's admin1)");
            }

            if (km > ToleranceKm && showFailures)
            {
                error.WriteLine($"far {km:F0} km\t{fields[countryColumn]}\t{fields[admin1]}\t{fields[location]}\t-> {place.Name} ({place.CountryCode}, {place.Admin1}, {place.Precision.UcdpWherePrecision})");
            }
        }

        errorsKm.Sort();
        var median = errorsKm.Count > 0 ? errorsKm[errorsKm.Count / 2] : double.NaN;
        output.WriteLine($"rows: {rows}; within {ToleranceKm:F0} km: {within} ({100.0 * within / Math.Max(1, rows):F1}%); resolved but farther: {errorsKm.Count - within}; unresolved: {unresolved}; country not found: {unknownCountry}");
        output.WriteLine($"beside it, with ACLED's admin2 centre for unresolved rows: within {ToleranceKm:F0} km: {within + withinByAdmin2} ({100.0 * (within + withinByAdmin2) / Math.Max(1, rows):F1}%)");
        output.WriteLine($"median error of resolved rows: {median:F1} km; resolve time: {clock.Elapsed.TotalMilliseconds / Math.Max(1, rows):F2} ms per row");
        output.WriteLine("misses by cause (counts only):");
        foreach (var (category, count) in misses.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {count,4}  {category}");
        }

        output.WriteLine($"gazetteer: {gazetteer.Count} entries, loaded in {gazetteer.LoadTime.TotalMilliseconds:F0} ms ({gazetteer.LoadProcessorTime.TotalMilliseconds:F0} ms of processor time), {memory / (1024.0 * 1024):F0} MiB managed heap after load, {Environment.WorkingSet / (1024.0 * 1024):F0} MiB working set");
        return 0;
    }

    /// <summary>ACLED's country name as the country table has it, else as the gazetteer reads it.</summary>
    private static string? CountryCode(PlaceResolver resolver, string countryName) =>
        Countries.All.FirstOrDefault(c => string.Equals(c.AcledName, countryName, StringComparison.OrdinalIgnoreCase))?.Code
        ?? resolver.Gazetteer.Find(countryName).Where(hit => hit.Entry.Kind == PlaceKind.Country).OrderBy(hit => hit.Match).Select(hit => hit.Entry.CountryCode).FirstOrDefault();
}
