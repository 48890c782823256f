using Vigil.Events;

namespace Vigil.Tests.Events;

public class DateResolverTests
{
    private static readonly DateOnly Thursday = new(2021, 3, 11);

    [Theory]
    [InlineData("Gunmen raided the market on Tuesday.", "2021-03-09", DatePrecision.Day)]
    [InlineData("The convoy was ambushed yesterday.", "2021-03-10", DatePrecision.Day)]
    [InlineData("Drones struck the city overnight.", "2021-03-11", DatePrecision.Day)]
    [InlineData("Drones struck the city last night.", "2021-03-10", DatePrecision.Day)]
    [InlineData("Fighting broke out last week near the dam.", "2021-03-04", DatePrecision.Week)]
    [InlineData("The village was shelled on 2 March.", "2021-03-02", DatePrecision.Day)]
    [InlineData("On 14 February 2021, rebels attacked a post.", "2021-02-14", DatePrecision.Day)]
    [InlineData("Around 20 February 2021 (as reported), a bomb exploded.", "2021-02-20", DatePrecision.Week)]
    [InlineData("Strikes hit the town between 3 and 5 March.", "2021-03-03", DatePrecision.Week)]
    [InlineData("Clashes resumed earlier this month.", "2021-03-01", DatePrecision.Month)]
    [InlineData("Troops retook the town on December 28.", "2020-12-28", DatePrecision.Day)]
    [InlineData("His jet was shot down over the city in 1967.", "1967-01-01", DatePrecision.Year)]
    [InlineData("The remains of two soldiers killed in a 2019 ambush were recovered.", "2019-01-01", DatePrecision.Year)]
    public void ResolvesAgainstThePublicationDate(string sentence, string expected, DatePrecision precision)
    {
        var found = DateResolver.Find(sentence, Thursday);
        Assert.NotNull(found);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), found.Value.Date.Value);
        Assert.Equal(precision, found.Value.Date.Precision);
    }

    [Theory]
    [InlineData("Two officers were found guilty on Thursday of raping a tourist in 2014.", "raping", "2014-01-01")]
    [InlineData("Police said on Tuesday that gunmen killed five herders on Monday.", "killed", "2021-03-08")]
    [InlineData("On Monday, gunmen killed five herders, police said on Wednesday.", "killed", "2021-03-08")]
    [InlineData("Gunmen killed five herders on Monday, police said on Wednesday.", "killed", "2021-03-08")]
    [InlineData("Around 12 February 2021 (between 10 and 12 February), soldiers burned houses in the village.", "burned", "2021-02-12")]
    public void TheDateIsTheOneThatFollowsTheActOrElseTheFirstBeforeIt(string sentence, string act, string expected)
    {
        var found = DateResolver.Find(sentence, Thursday, sentence.IndexOf(act, StringComparison.Ordinal));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), found?.Date.Value);
    }

    [Fact]
    public void RelativeDatesNeedAPublicationDate()
    {
        Assert.Null(DateResolver.Find("Gunmen raided the market on Tuesday.", null));
        Assert.NotNull(DateResolver.Find("On 14 February 2021, rebels attacked a post.", null));
    }

    [Fact]
    public void TheModalMayIsNotAMonth()
    {
        Assert.Null(DateResolver.Find("Officials said the toll may rise in the coming days.", Thursday));
    }

    [Theory]
    [InlineData("March 23 Movement rebels began their advance into the city.")]
    [InlineData("Protesters gathered at the 9 April Square in the capital.")]
    [InlineData("The rebels announced a truce ahead of the minister's visit on 12 March.")]
    [InlineData("Fighting was expected to resume next Tuesday.")]
    public void NoDateOfANameOrOfSomethingToCome(string sentence) => Assert.Null(DateResolver.Find(sentence, Thursday));

    [Theory]
    [InlineData("The government sent in 2000 troops.")]
    [InlineData("The 2019-2020 season ended.")]
    public void AYearThatCountsOrSpansIsNoDate(string sentence) => Assert.Null(DateResolver.Find(sentence, null));
}
