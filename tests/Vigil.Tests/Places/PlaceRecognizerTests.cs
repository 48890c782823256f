using System.Text.RegularExpressions;
using Vigil.Places;

namespace Vigil.Tests.Places;

public sealed class PlaceRecognizerTests
{
    private readonly PlaceRecognizer recognizer = new(new PlaceResolver(TinyGazetteer.Create()));

    [Fact]
    public void FindsAndResolvesPlacesInPlainText()
    {
        var document = new Document("Police said gunmen attacked a checkpoint in the town of Hit, west of Ar Raqqah, on Monday. Nice weather did not help.");
        recognizer.Process(document);

        var names = document.Places.Select(place => place.Name).ToList();
        Assert.Contains("Hīt", names);
        Assert.Contains("Ar Raqqah", names);
        Assert.DoesNotContain("Nice", names);
        var hit = document.Places.Single(place => place.Name == "Hīt");
        Assert.Equal("Hit", document[hit.Mention!.Value]);
    }

    [Fact]
    public void DocumentCountriesSettleNamesakes()
    {
        var document = new Document("Lebanese troops deployed in Tripoli after clashes overnight.");
        recognizer.Process(document);
        Assert.Equal("LB", Assert.Single(document.Places).CountryCode);

        var libyan = new Document("Fighting resumed south of Tripoli, Libya, on Sunday.");
        recognizer.Process(libyan);
        Assert.Contains(libyan.Places, place => place.Name == "Tripoli" && place.CountryCode == "LY");
        Assert.Contains(libyan.Places, place => place.Precision == PlacePrecision.Country && place.CountryCode == "LY");
    }

    [Fact]
    public void StateAfterTheNameGivesAdmin1()
    {
        var document = new Document("Insurgents raided villages in Borno state, near Maiduguri.");
        recognizer.Process(document);
        var borno = document.Places.Single(place => place.Precision == PlacePrecision.Admin1);
        Assert.Equal("Borno state", document[borno.Mention!.Value]);
        Assert.Contains(document.Places, place => place.Name == "Maiduguri");
    }

    [Fact]
    public void UsesLocationEntitiesWhenTheLanguageStageFoundThem()
    {
        const string text = "A strike hit Mosul and Hit on Friday.";
        var document = new Document(text);
        var hitAt = text.LastIndexOf("Hit", StringComparison.Ordinal);
        document.Entities.Add(new LabeledSpan(new TextSpan(hitAt, hitAt + 3), "LOC", "Hit"));
        document.Entities.Add(new LabeledSpan(new TextSpan(text.IndexOf("Friday", StringComparison.Ordinal), text.IndexOf("Friday", StringComparison.Ordinal) + 6), "MISC", "Friday"));
        recognizer.Process(document);

        var place = Assert.Single(document.Places);
        Assert.Equal("Hīt", place.Name);
        Assert.Equal(hitAt, place.Mention!.Value.Start);
    }

    [Fact]
    public void TextWithoutPlacesGivesNone()
    {
        var document = new Document("The minister said the talks would go on along the usual lines.");
        recognizer.Process(document);
        Assert.Empty(document.Places);
    }

    [Fact]
    public void DemonymsAndSentenceInitialCommonWordsAreNoPlaces()
    {
        var document = new Document("Syrian troops advanced. Man arrested after Somali gunmen attacked Mogadishu.");
        recognizer.Process(document);
        Assert.Equal(["Mogadishu"], document.Places.Select(place => place.Name));
    }

    [Fact]
    public void PossessiveIsNoPartOfTheName()
    {
        var document = new Document("Mosul's old city was shelled, and Ma'arrat residents fled.");
        recognizer.Process(document);
        var mosul = Assert.Single(document.Places);
        Assert.Equal("Mosul", document[mosul.Mention!.Value]);
    }

    [Fact]
    public void MentionsFollowTheTokensWhenThereAreSome()
    {
        const string text = "Fighters left Mosul for Ar Raqqah.";
        var tokenised = new Document(text);
        foreach (Match word in Regex.Matches(text, @"\w+|[^\w\s]"))
        {
            tokenised.Tokens.Add(new Token(word.Index, word.Index + word.Length));
        }

        recognizer.Process(tokenised);
        Assert.Equal(["Mosul", "Ar Raqqah"], tokenised.Places.Select(place => tokenised[place.Mention!.Value]));

        // Tokens that put "Mosul for" in one token leave no token boundary where "Mosul" ends.
        var glued = new Document(text);
        foreach (var (start, end) in new[] { (0, 8), (9, 13), (14, 23), (24, 26), (27, 33), (33, 34) })
        {
            glued.Tokens.Add(new Token(start, end));
        }

        recognizer.Process(glued);
        Assert.Equal(["Ar Raqqah"], glued.Places.Select(place => glued[place.Mention!.Value]));
    }

    [Fact]
    public void ContextForAMentionCarriesTheDocumentsPlaces()
    {
        const string text = "Soldiers patrolled Lebanon's north. Later the army entered the town of Tripoli.";
        var document = new Document(text);
        recognizer.Process(document);
        var at = text.IndexOf("Tripoli", StringComparison.Ordinal);

        var context = PlaceRecognizer.ContextFor(document, new TextSpan(at, at + 7));
        Assert.Contains("LB", context.CountryCodes);
        Assert.EndsWith("the town of ", context.PhraseBefore);
        Assert.DoesNotContain(context.OtherPlaces, place => place.Mention is { } span && span.Start == at);
        Assert.Equal("LB", recognizer.Resolver.Resolve("Tripoli", context: context)?.CountryCode);
    }
}
