using Vigil.Places;

namespace Vigil.Tests.Places;

/// <summary>Loading the TSV files and the binary cache written after the first load, on a small gazetteer made here.</summary>
public sealed class GazetteerFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-gazetteer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void WriteFiles()
    {
        File.WriteAllText(Path.Combine(folder, "admin1.tsv"), "#code\tname\tlatitude\tlongitude\tpopulation\tplaces\nIQ.01\tAnbar\t33.4\t42.0\t44000\t1\n");
        File.WriteAllText(Path.Combine(folder, "admin2.tsv"), "#code\tname\tlatitude\tlongitude\tpopulation\tplaces\nIQ.01.2\tHit District\t33.6\t42.8\t44000\t1\n");
        File.WriteAllText(Path.Combine(folder, "places.tsv"), "#geonameid\tname\tlatitude\tlongitude\tfeature_code\tcountry\tadmin1\tadmin2\tpopulation\tnames_in_all_scripts\talternate_names\n"
            + "95788\tHīt\t33.64\t42.83\tPPL\tIQ\t01\t\t44000\t4\tHit|Heet\n"
            + "\tRutba\t33.04\t40.29\tPPL\tIQ\t01\t\t0\t1\t\n");
        File.WriteAllText(Path.Combine(folder, "common-words.txt"), "#words\nhit\n");
    }

    [Fact]
    public void LoadsFilesThenTheCacheWithTheSameAnswers()
    {
        WriteFiles();
        var fromFiles = Gazetteer.Load(folder);
        Assert.True(File.Exists(Path.Combine(folder, "index.bin")));
        var fromCache = Gazetteer.Load(folder);

        foreach (var gazetteer in new[] { fromFiles, fromCache })
        {
            var resolver = new PlaceResolver(gazetteer);
            // The countries come from the country table, not from the folder.
            Assert.Equal(Countries.All.Count + 4, gazetteer.Count);
            var hit = resolver.Resolve("Heet", "IQ");
            Assert.Equal(("Hīt", 95788L, "Anbar"), (hit?.Name, hit?.GeonameId, hit?.Admin1));
            Assert.Null(resolver.Resolve("Rutba")?.GeonameId);
            Assert.Equal(PlacePrecision.Admin2, resolver.Resolve("Hit District")?.Precision);
            Assert.Equal(PlacePrecision.Country, resolver.Resolve("Republic of Iraq")?.Precision);
            Assert.Equal("IQ", gazetteer.CountryOfDemonym("Iraqi"));
            Assert.Equal("CD", resolver.Resolve("Congo-Kinshasa")?.CountryCode);
            Assert.DoesNotContain(gazetteer.Find("us"), hit => hit.Entry.Kind == PlaceKind.Country);
            Assert.True(gazetteer.IsCommonWord("Hit"));
        }
    }

    [Fact]
    public void ChangedFilesAreReadAgainNotTheStaleCache()
    {
        WriteFiles();
        Gazetteer.Load(folder);
        File.AppendAllText(Path.Combine(folder, "places.tsv"), "98182\tBaghdad\t33.34\t44.40\tPPLC\tIQ\t07\t\t7216000\t90\t\n");
        Assert.Equal("Baghdad", new PlaceResolver(Gazetteer.Load(folder)).Resolve("Baghdad")?.Name);
    }

    [Fact]
    public void MissingGazetteerSaysToRunSetup()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Gazetteer.Load(folder));
        Assert.Contains("scripts/setup.sh", error.Message);
    }
}
