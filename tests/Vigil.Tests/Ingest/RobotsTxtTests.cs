using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public sealed class RobotsTxtTests
{
    private static bool Allowed(string robots, string path, string token = "Vigil") =>
        RobotsTxt.Parse(robots, token).IsAllowed(new Uri("https://news.example" + path));

    [Fact]
    public void TheLongestMatchingRuleDecidesAndAllowWinsATie()
    {
        const string Robots = "User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /page\nAllow: /page\n";
        Assert.False(Allowed(Robots, "/news/secret.html"));
        Assert.True(Allowed(Robots, "/news/public/story.html"));
        Assert.True(Allowed(Robots, "/page")); // equal length: allow
        Assert.True(Allowed(Robots, "/about"));
    }

    [Fact]
    public void WildcardsAndTheEndAnchor()
    {
        const string Robots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n";
        Assert.False(Allowed(Robots, "/files/report.pdf"));
        Assert.True(Allowed(Robots, "/files/report.pdf.html"));
        Assert.False(Allowed(Robots, "/search?lang=en&q=war"));
        Assert.True(Allowed(Robots, "/search"));
    }

    [Fact]
    public void AGroupNamingTheCrawlerReplacesTheStarGroup()
    {
        const string Robots = "# comment\nUser-agent: *\nDisallow: /\n\nUser-agent: OtherBot\nUser-agent: vigil\nDisallow: /private/ # ours\n";
        Assert.True(Allowed(Robots, "/story"));
        Assert.False(Allowed(Robots, "/private/x"));
        Assert.False(Allowed(Robots, "/story", token: "SomeoneElse"));
        Assert.True(Allowed("User-agent: *\nDisallow:\n", "/anything"));
        Assert.True(Allowed("", "/anything"));
    }
}
