using Vigil.Places;

namespace Vigil.Tests.Places;

/// <summary>The one country table (data/countries/countries.tsv) and what reads it.</summary>
public class CountriesTests
{
    private const string Header = "iso2\tiso3\tiso_numeric\tname\tnames\tdemonyms\tacled_name\tucdp_name\tgwno\tucdp_region\tin_text\tlatitude\tlongitude\tarea_km2\tother_names\tcapital";

    [Fact]
    public void OneCodeHasOneNameEverywhere()
    {
        var congo = Countries.ByCode("cd")!;
        Assert.Same(congo, Countries.ByCode("COD"));
        Assert.Equal("Democratic Republic of Congo", congo.Name);
        Assert.Equal("Democratic Republic of Congo", congo.AcledName);
        Assert.Equal("DR Congo (Zaire)", congo.UcdpName);
        Assert.Equal(490, congo.GwNumber);
        Assert.Same(congo, Countries.FromName("DRC"));
        Assert.Same(congo, Countries.FromName("DR Congo"));
        Assert.Same(congo, Countries.FromAdjective("Congolese"));
        Assert.Equal("CG", Countries.FromName("Congo-Brazzaville")?.Code);
        Assert.Equal("Ivory Coast", Countries.ByCode("CI")?.AcledName);
        Assert.Equal(("Central African Republic", 482, "Africa"), (Countries.ByCode("CF")?.UcdpName, Countries.ByCode("CF")?.GwNumber, Countries.ByCode("CF")?.UcdpRegion));
        Assert.Equal("Middle East", Countries.ByCode("EG")?.UcdpRegion);
        Assert.Null(Countries.ByCode("XX"));
        Assert.Null(Countries.NameOf(null));
    }

    [Fact]
    public void TheTableCoversIsoAndTheGleditschWardStates()
    {
        Assert.True(Countries.All.Count >= 249);
        var numbered = Countries.All.Where(c => c.GwNumber is not null).ToList();
        Assert.True(numbered.Count > 180);
        Assert.Equal(numbered.Count, numbered.Select(c => c.GwNumber).Distinct().Count());
        Assert.All(numbered, c => Assert.False(string.IsNullOrEmpty(c.UcdpName)));
        Assert.All(Countries.All, c => Assert.InRange(c.Latitude, -90, 90));
    }

    [Fact]
    public void ADemonymAsAPluralNounNamesThePeople()
    {
        var mention = Assert.Single(Countries.Mentions("Airstrikes killed 40 Palestinians overnight."));
        Assert.Equal("PS", mention.Code);
        Assert.True(mention.IsPeople);
        Assert.False(Assert.Single(Countries.Mentions("Palestinian officials said so.")).IsPeople);
    }

    [Theory]
    [InlineData("Protests spread across the U.S. on Sunday.", "US")]
    [InlineData("Thousands marched in the U.K.", "GB")]
    [InlineData("A drone was shot down over the U.A.E., officials said.", "AE")]
    public void InitialismsWrittenWithStopsNameTheirCountry(string text, string code)
    {
        var mention = Assert.Single(Countries.Mentions(text));
        Assert.Equal(code, mention.Code);
        Assert.False(mention.IsAdjective);
        Assert.True(Assert.Single(Countries.Mentions("A U.S.-led coalition struck the port.")).IsForeignReference);
    }

    [Theory]
    [InlineData("Missiles hit a Panama-flagged tanker.", "PA")]
    [InlineData("Missiles hit a Guinea-Bissau-flagged cargo ship.", "GN")]
    [InlineData("Drones struck a base in Russian-occupied Crimea.", "RU")]
    public void AShipsFlagSaysNothingOfWhereItWasHit(string text, string code)
    {
        var mention = Countries.Mentions(text).First();
        Assert.Equal(code, mention.Code);
        Assert.True(mention.IsForeignReference);
    }

    [Fact]
    public void ATerritoryWhoseNameIsOftenSomethingElseIsNotReadInText()
    {
        Assert.Empty(Countries.Mentions("Protesters marched in New Jersey and Jersey City."));
        Assert.Equal("JE", Countries.ByCode("JE")?.Code);
        Assert.Equal(["IQ", "SY"], Countries.Mentioned("Iraqi troops crossed into Syria."));
    }

    [Fact]
    public void AWordUnderTwoCountriesIsAnErrorNamingTheLine()
    {
        var text = $"{Header}\nCD\tCOD\t180\tDR Congo\tDR Congo\tCongolese\t\t\t490\tAfrica\tyes\t0\t25\t\t\t\nCG\tCOG\t178\tCongo\tCongo\tCongolese\t\t\t484\tAfrica\tyes\t-1\t15\t\t\t\n";
        var error = Assert.Throws<FormatException>(() => Countries.Parse(new StringReader(text), "test.tsv"));
        Assert.Equal("test.tsv:3: 'Congolese' is also listed under CD: a word of running text may mean one country only", error.Message);
    }

    [Theory]
    [InlineData("CD\tCOD\t180\tDR Congo\tDR Congo\t\t\t\t490\tAfrica\tyes\t0\t25\t\t\n", "test.tsv:2: 15 fields, expected 16")]
    [InlineData("CD\tCOD\t180\tDR Congo\tCongo\t\t\t\t490\tAfrica\tyes\t0\t25\t\t\t\n", "test.tsv:2: the names column must start with the display name")]
    [InlineData("CD\tCOD\t180\tDR Congo\tDR Congo\t\t\t\tmany\tAfrica\tyes\t0\t25\t\t\t\n", "test.tsv:2: 'many' is not a whole number")]
    [InlineData("Cd\tCOD\t180\tDR Congo\tDR Congo\t\t\t\t490\tAfrica\tyes\t0\t25\t\t\t\n", "test.tsv:2: 'Cd'/'COD' are not ISO 3166-1 alpha-2/alpha-3 codes")]
    public void AMalformedRowIsAnErrorNamingTheLine(string row, string message)
    {
        var error = Assert.Throws<FormatException>(() => Countries.Parse(new StringReader($"{Header}\n{row}"), "test.tsv"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void EmptyAcledNameFallsBackToTheDisplayName()
    {
        var row = Assert.Single(Countries.Parse(new StringReader($"# comment\n{Header}\nSY\tSYR\t760\tSyria\tSyria\tSyrian\t\tSyria\t652\tMiddle East\tyes\t35\t38\t185180\tSyrian Arab Republic\tDamascus\n"), "test.tsv"));
        Assert.Equal(("Syria", "SYR", 652, true, "Damascus"), (row.AcledName, row.Iso3, row.GwNumber, row.InText, row.Capital));
        Assert.Equal(["Syrian Arab Republic"], row.OtherNames);
    }
}
