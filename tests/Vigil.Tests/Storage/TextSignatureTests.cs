using Vigil.Storage;

namespace Vigil.Tests.Storage;

public sealed class TextSignatureTests
{
    private const string Report =
        "A roadside bomb struck an army convoy on a supply route on Tuesday morning, killing four soldiers, a military spokesman said. "
        + "The device exploded under the second vehicle of a column carrying fuel and food to a forward base. "
        + "Two other soldiers were taken to hospital with burns.";

    [Fact]
    public void LayoutAndCaseDoNotChangeTheSignature()
    {
        var signature = TextSignature.Of(Report);
        Assert.Equal(1.0, signature.Similarity(TextSignature.Of(Report.ToUpperInvariant().Replace(". ", ".\n\n", StringComparison.Ordinal))));
        Assert.Equal(signature.BandKeys(), TextSignature.Of(Report).BandKeys());
    }

    [Fact]
    public void ACopyWithASentenceAddedIsNearAndAnotherReportFar()
    {
        var signature = TextSignature.Of(Report);
        var copy = TextSignature.Of(Report + " Officials did not respond to requests for comment.");
        var other = TextSignature.Of(
            "Police fired tear gas and water cannon at hundreds of teachers who marched on the education ministry on Monday to demand "
            + "four months of unpaid salaries. Union leaders said at least a dozen marchers were hurt in the crush.");

        Assert.InRange(signature.Similarity(copy), 0.6, 1.0);
        Assert.InRange(signature.Similarity(other), 0.0, 0.15);
        Assert.Contains(copy.BandKeys(), signature.BandKeys().Contains);
    }

    [Fact]
    public void AShortNoteIsNotComparedAndAStoredSignatureReadsBackTheSame()
    {
        Assert.False(TextSignature.Of("Four soldiers were killed by a roadside bomb.").IsComparable);
        var signature = TextSignature.Of(Report);
        Assert.True(signature.IsComparable);
        var decoded = TextSignature.Decode(signature.Encode());
        Assert.Equal(signature.Shingles, decoded.Shingles);
        Assert.Equal(1.0, signature.Similarity(decoded));
        Assert.Throws<InvalidDataException>(() => TextSignature.Decode(Convert.ToBase64String(new byte[12])));
    }
}
