using Vigil.Language;

namespace Vigil.Tests.Language;

/// <summary>The shipped model on sentences of conflict reporting written for these tests.</summary>
public sealed class EntityRecognizerTests
{
    private static List<(string Label, string Text)> Entities(string text)
    {
        var document = new Pipeline([new Tokenizer(), new SentenceSplitter(), EntityRecognizer.Shipped()]).Run(new Document(text));
        foreach (var entity in document.Entities)
        {
            Assert.Equal(entity.Text, document[entity.Span]);
        }

        return document.Entities.Select(entity => (entity.Label, entity.Text)).ToList();
    }

    [Theory]
    [InlineData("Government troops said they had captured Abu Dujana al-Iraqi near the border.", "Abu Dujana al-Iraqi")]
    [InlineData("The court sentenced Hamza Saleh al-Dulaimi to death on Monday.", "Hamza Saleh al-Dulaimi")]
    [InlineData("Abu Qatada al-Filistini, the group's senior judge, was killed in the raid.", "Abu Qatada al-Filistini")]
    public void HyphenatedArabicNamesArePeople(string sentence, string name) =>
        Assert.Contains(("PER", name), Entities(sentence));

    [Fact]
    public void ATownNamedLikeAVerbIsAPlace()
    {
        var entities = Entities("Hundreds of families fled the city of Hit after the army began shelling on Sunday.");
        Assert.Contains(("LOC", "Hit"), entities);
    }

    [Fact]
    public void TheVerbHitIsNotAPlace()
    {
        var entities = Entities("A mortar round hit the school in Kirkuk on Sunday.");
        Assert.DoesNotContain(entities, entity => entity.Text == "hit");
        Assert.Contains(("LOC", "Kirkuk"), entities);
    }

    [Theory]
    [InlineData("The activist group Mosul Is Being Crushed Quietly said ten people had been executed.", "Mosul Is Being Crushed Quietly")]
    [InlineData("The Kurdish Observatory for Human Rights said the bodies were found in a well.", "Kurdish Observatory for Human Rights")]
    [InlineData("Iraq's Joint Operations Command said the operation to retake the town was over.", "Joint Operations Command")]
    [InlineData("Isis fighters set fire to the fields before they withdrew.", "Isis")]
    [InlineData("The Islamic State group said it had carried out the bombing.", "Islamic State")]
    public void MonitorsCommandsAndArmedGroupsAreOrganisations(string sentence, string name) =>
        Assert.Contains(("ORG", name), Entities(sentence));

    [Theory]
    [InlineData("The gunman shot his mother Mariam, 52, outside their home.", "Mariam")]
    [InlineData("Her brother Yousef, 19, was taken away by the police.", "Yousef")]
    public void GivenNamesAloneWithAnAgeArePeople(string sentence, string name) =>
        Assert.Contains(("PER", name), Entities(sentence));

    [Fact]
    public void SpansPointIntoTheDocumentText()
    {
        const string text = "Fighting broke out in Aleppo.\n\nThe United Nations said 40 people died.";
        var document = new Pipeline([new Tokenizer(), new SentenceSplitter(), EntityRecognizer.Shipped()]).Run(new Document(text));
        Assert.Contains(document.Entities, e => e is { Label: "LOC", Text: "Aleppo" } && e.Span == new TextSpan(22, 28));
        Assert.Contains(document.Entities, e => e is { Label: "ORG", Text: "United Nations" });
    }

    [Fact]
    public void ADocumentWithoutTokensHasNoEntities()
    {
        var document = new Document("");
        EntityRecognizer.Shipped().Process(document);
        Assert.Empty(document.Entities);
    }
}
