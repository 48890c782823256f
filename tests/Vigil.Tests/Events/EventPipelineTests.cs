using Vigil.Articles;
using Vigil.Events;

namespace Vigil.Tests.Events;

public class EventPipelineTests
{
    private static Article Page(string text, string? language) =>
        new("test.txt", null, null, null, "2024-06-12", null, null, language, text, [text]);

    [Fact]
    public void APageInAnotherLanguageIsNotRunThroughTheEnglishRules()
    {
        var pipeline = new EventPipeline();
        const string French = "Des hommes armés ont tué trois villageois à Dalwa lundi, selon la police.";
        Assert.False(EventPipeline.IsCodable(Page(French, "fr")));
        Assert.Empty(pipeline.Extract(Page(French, "fr")));

        // A page whose language could not be told is still read.
        const string English = "Gunmen killed three villagers in Dalwa on Monday, police said.";
        Assert.True(EventPipeline.IsCodable(Page(English, null)));
        Assert.NotEmpty(pipeline.Extract(Page(English, "en")));
    }

    [Fact]
    public void EveryEventNamesTheCoderThatCodedIt()
    {
        var rules = new EventPipeline();
        var found = Assert.Single(rules.Extract("Gunmen killed three villagers in Dalwa on Monday, police said.", new DateOnly(2024, 6, 12)));
        Assert.Equal(rules.CoderVersion, found.Coder);
        Assert.Matches("^rules\\+lexicon-[0-9a-f]{10}$", found.Coder);
    }
}
