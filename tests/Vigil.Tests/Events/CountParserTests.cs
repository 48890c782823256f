using Vigil.Events;

namespace Vigil.Tests.Events;

public class CountParserTests
{
    [Theory]
    [InlineData("12", 12, 12, 12)]
    [InlineData("at least 12", 12, 12, null)]
    [InlineData("more than 20", 20, 20, null)]
    [InlineData("over 150", 150, 150, null)]
    [InlineData("twenty-five", 25, 25, 25)]
    [InlineData("a dozen", 12, 12, 12)]
    [InlineData("dozens of", 24, 36, 99)]
    [InlineData("hundreds", 200, 300, 999)]
    [InlineData("6-15", 6, 6, 15)]
    [InlineData("between three and five", 3, 3, 5)]
    [InlineData("1,500", 1500, 1500, 1500)]
    [InlineData("up to 40", 1, 40, 40)]
    public void ReadsCountsWithTheirQualifiers(string phrase, int low, int best, int? high)
    {
        Assert.Equal(new CasualtyCount(low, best, high), CountParser.Parse(phrase));
    }

    [Theory]
    [InlineData("the")]
    [InlineData("soldiers")]
    [InlineData("")]
    public void RefusesWhatIsNotACount(string phrase)
    {
        Assert.Null(CountParser.Parse(phrase));
    }
}
