using System.IO.Compression;
using System.Text;
using Vigil.Ingest;

namespace Vigil.Tests.Ingest;

public sealed class PageLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-pages-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    [Fact]
    public void RefusesEmptyFile()
    {
        var error = Assert.Throws<InputException>(() => PageLoader.LoadFile(Write("empty.html", [])));
        Assert.Equal("empty", error.Reason);
        Assert.EndsWith("empty.html", error.Input);
    }

    [Fact]
    public void RefusesBinary()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var error = Assert.Throws<InputException>(() => PageLoader.LoadFile(Write("photo.html", bytes)));
        Assert.Contains("binary", error.Reason);
    }

    [Fact]
    public void RefusesTruncatedGzip()
    {
        var whole = Gzip(Encoding.UTF8.GetBytes("<html><body><p>" + new string('x', 5000) + "</p></body></html>"));
        var error = Assert.Throws<InputException>(() => PageLoader.LoadFile(Write("cut.html.gz", whole[..(whole.Length / 2)])));
        Assert.Contains("gzip", error.Reason);
    }

    [Fact]
    public void RefusesOversizedPage()
    {
        var path = Write("huge.html", Encoding.ASCII.GetBytes("<html>" + new string('a', 2048) + "</html>"));
        var error = Assert.Throws<InputException>(() => PageLoader.LoadFile(path, maxBytes: 1024));
        Assert.Contains("too large", error.Reason);
    }

    [Fact]
    public void RefusesInvalidUtf8Text()
    {
        var error = Assert.Throws<InputException>(() => PageLoader.LoadFile(Write("bad.txt", [0x41, 0x42, 0xC3, 0x28, 0x43, 0x0A])));
        Assert.Contains("invalid UTF-8", error.Reason);
    }

    [Fact]
    public void DecodesGzippedHtmlWithDeclaredCharset()
    {
        var html = "<html><head><meta charset=\"windows-1251\"></head><body><p>Москва</p></body></html>";
        var bytes = Encoding.GetEncoding(1251).GetBytes(html);
        var page = PageLoader.LoadFile(Write("ru.html.gz", Gzip(bytes)));
        Assert.Equal(PageFormat.Html, page.Format);
        Assert.Contains("Москва", page.Content);
    }

    [Fact]
    public void FallsBackToWindows1252ForUndeclaredNonUtf8Html()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><body><p>Caf\u00e9 in Bogot\u00e1</p></body></html>");
        var page = PageLoader.LoadFile(Write("latin.html", bytes));
        Assert.Contains("Café in Bogotá", page.Content);
    }

    static PageLoaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
