using Vigil.Events;

namespace Vigil.Tests.Events;

/// <summary>The home countries and theatres of conflict parties, read from data/lexicon/en with a source and a date per line.</summary>
public sealed class ConflictTheatresTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-theatres-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TheShippedTheatresPlaceTheMonitorsOnTheirFront()
    {
        Assert.Equal(["Donetsk Oblast", "Luhansk Oblast"], ConflictTheatres.Provinces("The OSCE SMM recorded 12 explosions near Pisky.", "UA"));
        Assert.Contains("Borno State", ConflictTheatres.Provinces("Boko Haram fighters raided the village.", "NG"));
        Assert.Empty(ConflictTheatres.Provinces("Boko Haram fighters raided the village.", "CM"));
        Assert.All(ConflictTheatres.TheatreEntries, t => Assert.Matches(@"^\d{4}(-\d\d)?$", t.AsOf));
        Assert.All(ConflictTheatres.HomeCountryEntries, h => Assert.NotEmpty(h.Source));
    }

    [Fact]
    public void HomeCountriesFollowTheFilesCase()
    {
        Assert.Equal(["SO"], ConflictTheatres.HomeCountries("al-Shabab militants attacked a base."));
        Assert.Equal(["CO"], ConflictTheatres.HomeCountries("ELN guerrillas blew up a pipeline."));
        Assert.Empty(ConflictTheatres.HomeCountries("The eln tree fell."));
        Assert.Equal(["NG", "YE"], ConflictTheatres.HomeCountries("Houthi forces and Boko Haram were both named.")); // file order
    }

    [Theory]
    [InlineData("SO\t\\bAMISOM\\b\tUN resolution\t\n", "line 1: an empty field: every line needs all its fields, a source and a date included")]
    [InlineData("SO\t\\bAMISOM\\b\tUN resolution\tlast year\n", "line 1: the date 'last year' is not YYYY or YYYY-MM")]
    [InlineData("# header\nXX\t\\bAMISOM\\b\tUN resolution\t2022\n", "line 2: 'XX' is not an ISO 3166-1 alpha-2 code of data/countries/countries.tsv")]
    [InlineData("SO\t(?:x)?\tUN resolution\t2022\n", "line 1: the pattern (?:x)? matches empty text, so it would match everywhere")]
    [InlineData("SO\t\\bAMISOM\\b\tUN resolution\n", "line 1: wrong field count: 3 fields, expected 4 (then optionally a tab and a # comment)")]
    public void AMalformedHomeLineIsAnErrorNamingFileAndLine(string text, string reason)
    {
        var path = Path.Combine(folder, "home-countries.tsv");
        File.WriteAllText(path, text);
        var error = Assert.Throws<InvalidDataException>(() => ConflictTheatres.ReadHomes(path));
        Assert.Equal($"lexicon file {path}, {reason}", error.Message);
    }

    [Fact]
    public void ATheatreNeedsProvinces()
    {
        var path = Path.Combine(folder, "theatres.tsv");
        File.WriteAllText(path, "NG\t|\t\\bISWAP\\b\tOCHA\t2024\t# comment\n");
        Assert.Equal($"lexicon file {path}, line 1: no provinces", Assert.Throws<InvalidDataException>(() => ConflictTheatres.ReadTheatres(path)).Message);
        File.WriteAllText(path, "NG\tBorno State|Yobe State\t\\bISWAP\\b\tOCHA\t2024-05\t# comment\n");
        var theatre = Assert.Single(ConflictTheatres.ReadTheatres(path));
        Assert.Equal(("NG", "2024-05", "OCHA"), (theatre.Code, theatre.AsOf, theatre.Source));
        Assert.Equal(["Borno State", "Yobe State"], theatre.Provinces);
    }
}
