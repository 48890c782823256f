using System.Text;
using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public sealed class PageCharsetTests
{
    static PageCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string RussianText = "Москва, 12 мая. В результате обстрела пострадали несколько мирных жителей, сообщили "
        + "местные власти. Спасатели продолжают работу на месте происшествия, а причины случившегося выясняются. "
        + "По словам очевидцев, взрывы были слышны в нескольких районах города, и движение было перекрыто до вечера.";

    private static RawPage Load(byte[] bytes, string? transportCharset = null) =>
        PageLoader.Decode("page.html", bytes, PageFormat.Html, declaredCharset: transportCharset);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();

    [Fact]
    public void ByteOrderMarkWinsOverTheMetaTag()
    {
        var bytes = Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>Zürich</p></body></html>"));
        var page = Load(bytes);
        Assert.Contains("Zürich", page.Content);
        Assert.Equal(CharsetSource.ByteOrderMark, page.Decoding!.Source);
    }

    [Fact]
    public void Utf16ByteOrderMark()
    {
        var bytes = Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes("<html><body><p>Kraków</p></body></html>"));
        var page = Load(bytes);
        Assert.Contains("Kraków", page.Content);
        Assert.Equal("utf-16", page.Decoding!.Charset);
    }

    [Fact]
    public void HttpEquivContentTypeInEitherAttributeOrder()
    {
        var html = "<html><head><meta content=\"text/html; charset=iso-8859-2\" http-equiv=\"Content-Type\"></head><body><p>Łódź i Gdańsk</p></body></html>";
        var page = Load(Encoding.GetEncoding("iso-8859-2").GetBytes(html));
        Assert.Contains("Łódź i Gdańsk", page.Content);
        Assert.Equal(CharsetSource.Declared, page.Decoding!.Source);
        Assert.Equal("iso-8859-2", page.Decoding.Charset);
    }

    [Fact]
    public void XmlDeclarationEncoding()
    {
        var html = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><html><head></head><body><p>" + RussianText + "</p></body></html>";
        var page = Load(Encoding.GetEncoding(1251).GetBytes(html));
        Assert.Contains("Москва", page.Content);
        Assert.Equal(CharsetSource.Declared, page.Decoding!.Source);
    }

    [Fact]
    public void TransportCharsetWinsOverTheMetaTag()
    {
        var html = "<html><head><meta charset=\"windows-1252\"></head><body><p>" + RussianText + "</p></body></html>";
        var page = Load(Encoding.GetEncoding("koi8-r").GetBytes(html), transportCharset: "KOI8-R");
        Assert.Contains("Москва", page.Content);
        Assert.Equal(CharsetSource.Transport, page.Decoding!.Source);
    }

    [Fact]
    public void UndeclaredLegacyCyrillicIsDetected()
    {
        var html = "<html><head><title>Новости</title></head><body><p>" + RussianText + "</p></body></html>";
        var page = Load(Encoding.GetEncoding(1251).GetBytes(html));
        Assert.Contains(RussianText, page.Content);
        Assert.Equal(CharsetSource.Detected, page.Decoding!.Source);
        Assert.Equal("windows-1251", page.Decoding.Charset);
    }

    [Fact]
    public void UndeclaredValidUtf8IsUtf8()
    {
        var page = Load(Encoding.UTF8.GetBytes("<html><body><p>" + RussianText + "</p></body></html>"));
        Assert.Contains(RussianText, page.Content);
        Assert.Equal(CharsetSource.Utf8, page.Decoding!.Source);
        Assert.Null(page.Decoding.Note);
    }

    [Fact]
    public void OneStrayByteInAUtf8PageIsReplacedAndFlagged()
    {
        var before = Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>Café in Bogotá. ");
        var after = Encoding.UTF8.GetBytes(" Señor Núñez said the road was closed.</p></body></html>");
        var page = Load(Concat(before, [0xFF], after));
        Assert.Contains("Café in Bogotá. \uFFFD Señor Núñez said", page.Content);
        Assert.Equal(1, page.Decoding!.ReplacedSequences);
        Assert.Contains("1 invalid UTF-8 byte sequence", page.Decoding.Note);
    }

    [Fact]
    public void AMislabelledLegacyPageIsDecodedByItsBytes()
    {
        var html = "<html><head><meta charset=\"utf-8\"></head><body><p>Le café était fermé à Orléans, où la grève a duré "
            + "trois jours. Les élèves ont été renvoyés chez eux et la préfecture a publié un communiqué.</p></body></html>";
        var page = Load(Encoding.GetEncoding(1252).GetBytes(html));
        Assert.Contains("Le café était fermé à Orléans", page.Content);
        Assert.DoesNotContain('\uFFFD', page.Content);
        Assert.Contains("declares UTF-8 but is not UTF-8", page.Decoding!.Note);
    }

    [Fact]
    public void ValidUtf8WinsOverAStaleLegacyLabel()
    {
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Zürich – São Paulo</p></body></html>";
        var page = Load(Encoding.UTF8.GetBytes(html));
        Assert.Contains("Zürich – São Paulo", page.Content);
        Assert.Equal("utf-8", page.Decoding!.Charset);
        Assert.Contains("declares windows-1252 but is valid UTF-8", page.Decoding.Note);
    }

    [Theory]
    [InlineData("latin1", "windows-1252")]
    [InlineData("ISO8859_1", "windows-1252")]
    [InlineData("us-ascii", "windows-1252")]
    [InlineData("x-gbk", "gb2312")] // .NET names code page 936 (GBK, which the standard reads gb2312 as) "gb2312"
    [InlineData("Shift_JIS", "shift_jis")]
    [InlineData(" \"UTF8\" ", "utf-8")]
    public void LabelsFollowTheEncodingStandard(string label, string expected) =>
        Assert.Equal(expected, PageCharset.EncodingFromLabel(label)!.WebName);

    [Fact]
    public void UnknownLabelIsIgnored()
    {
        var page = Load(Encoding.UTF8.GetBytes("<html><head><meta charset=\"no-such-charset\"></head><body><p>Zürich</p></body></html>"));
        Assert.Contains("Zürich", page.Content);
        Assert.Equal(CharsetSource.Utf8, page.Decoding!.Source);
    }
}
