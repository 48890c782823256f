using Vigil.Places;

namespace Vigil.Tests.Places;

public sealed class PlaceNameKeyTests
{
    [Theory]
    [InlineData("Raqqa", "al-Raqqa")]
    [InlineData("Raqqa", "Ar Raqqah")]
    [InlineData("Raqqa", "Rakka")]
    [InlineData("Raqqa", "ar-Raqqa")]
    [InlineData("Deir ez-Zor", "Deir Zor")]
    [InlineData("Djibouti", "Jibouti")]
    [InlineData("Idlib", "Edleb")]
    [InlineData("Mouloud", "Mulud")]
    [InlineData("Khan Shaykhun", "Kan Shaikun")]
    [InlineData("Tall Afar", "Tal Afar")]
    public void TransliterationsShareTheLooseKey(string one, string other) =>
        Assert.Equal(PlaceNameKey.Loose(one), PlaceNameKey.Loose(other));

    [Theory]
    [InlineData("Hama", "Homs")]
    [InlineData("Raqqa", "Rafah")]
    [InlineData("Hit", "Hut")]
    public void DifferentNamesKeepDifferentLooseKeys(string one, string other) =>
        Assert.NotEqual(PlaceNameKey.Loose(one), PlaceNameKey.Loose(other));

    [Theory]
    [InlineData("Hīt", "hit")]
    [InlineData("Ma‘arrat an-Nu‘mān", "maarrat an numan")]
    [InlineData("Dar'a", "dara")]
    [InlineData("Łódź", "lodz")]
    [InlineData("  São  Gonçalo ", "sao goncalo")]
    public void StrictKeyFoldsCaseDiacriticsAndApostrophes(string name, string expected) =>
        Assert.Equal(expected, PlaceNameKey.Exact(name));

    [Fact]
    public void StrictKeyKeepsSpellingDifferences() =>
        Assert.NotEqual(PlaceNameKey.Exact("Raqqa"), PlaceNameKey.Exact("Raqqah"));

    [Fact]
    public void ArticleAloneIsKeptAsTheName() =>
        Assert.NotEqual("", PlaceNameKey.Loose("As"));

    [Theory]
    [InlineData("Borno State", "borno", PlaceKindHint.Admin1)]
    [InlineData("Idlib province", "idlib", PlaceKindHint.Admin1)]
    [InlineData("Province of Québec", "quebec", PlaceKindHint.Admin1)]
    [InlineData("Surobi District", "surobi", PlaceKindHint.Admin2)]
    [InlineData("Gaza City", "gaza city", PlaceKindHint.None)]
    [InlineData("State", "state", PlaceKindHint.None)]
    public void DesignatorsAreDroppedAndSayTheKind(string name, string words, PlaceKindHint hint)
    {
        var (kept, said) = PlaceNameKey.WithoutDesignator(name);
        Assert.Equal(words, string.Join(' ', kept));
        Assert.Equal(hint, said);
    }

    [Theory]
    [InlineData("forces entered the town of ", PlaceKindHint.Settlement)]
    [InlineData("clashes in the village of ", PlaceKindHint.Settlement)]
    [InlineData("fighting across the province of ", PlaceKindHint.Admin1)]
    [InlineData("in the district of ", PlaceKindHint.Admin2)]
    [InlineData("the army said in ", PlaceKindHint.None)]
    [InlineData(null, PlaceKindHint.None)]
    public void PhraseBeforeSaysWhatKindOfPlaceFollows(string? phrase, PlaceKindHint hint) =>
        Assert.Equal(hint, PlacePhrase.HintBefore(phrase));

    [Theory]
    [InlineData("Province du Soum", "soum")]
    [InlineData("Province de la Sissili", "sissili")]
    [InlineData("Province of Sulu", "sulu")]
    public void LeadingDesignatorsInFrenchAndEnglishAreDropped(string name, string key) =>
        Assert.Equal(key, PlaceNameKey.Exact(name));

    [Fact]
    public void ConnectorsInsideANameAreLooseButNotLeading()
    {
        Assert.Equal(PlaceNameKey.Loose("San Andres Tuxtla"), PlaceNameKey.Loose("San Andres de Tuxtla"));
        Assert.NotEqual(PlaceNameKey.Exact("San Andres Tuxtla"), PlaceNameKey.Exact("San Andres de Tuxtla"));
        Assert.NotEqual(PlaceNameKey.Loose("Aar"), PlaceNameKey.Loose("De Aar"));
    }
}
