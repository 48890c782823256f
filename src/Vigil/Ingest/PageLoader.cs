using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Vigil.Ingest;

/// <summary>
/// Reads a page from disk: undoes gzip, refuses what is not a page (empty, binary, oversized, undecodable text), and
/// decodes HTML with its charset as a browser would (<see cref="PageCharset"/>).
/// </summary>
public static class PageLoader
{
    /// <summary>Pages larger than this, after decompression, are refused; no news article comes near it.</summary>
    public const int DefaultMaxBytes = 20 * 1024 * 1024;

    public static RawPage LoadFile(string path, int maxBytes = DefaultMaxBytes)
    {
        // A folder that could not be listed comes here as itself (InputFiles.Expand), to be reported in one line.
        if (InputFiles.FolderProblem(path) is { } problem)
        {
            throw new InputException(path, problem);
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InputException(path, "no such file");
            }

            if (info.Length > maxBytes && !IsGzipName(path))
            {
                throw new InputException(path, $"too large ({info.Length / (1024 * 1024)} MB; the limit is {maxBytes / (1024 * 1024)} MB)");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new InputException(path, $"cannot be read ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException(path, "permission denied", e);
        }

        var format = FormatFromName(path);
        return Decode(path, bytes, format, maxBytes);
    }

    /// <summary>Decodes bytes from any source (file, WARC record, HTTP body). <paramref name="format"/> null means sniff.</summary>
    public static RawPage Decode(string source, byte[] bytes, PageFormat? format, int maxBytes = DefaultMaxBytes, string? declaredCharset = null, string? url = null)
    {
        if (IsGzip(bytes))
        {
            bytes = Gunzip(source, bytes, maxBytes);
        }

        if (bytes.Length > maxBytes)
        {
            throw new InputException(source, $"too large ({bytes.Length / (1024 * 1024)} MB; the limit is {maxBytes / (1024 * 1024)} MB)");
        }

        if (bytes.Length == 0 || IsAllWhitespace(bytes))
        {
            throw new InputException(source, "empty");
        }

        var bomEncoding = PageCharset.EncodingFromBom(bytes, out var bomLength);
        if (bomEncoding is null && LooksBinary(bytes))
        {
            throw new InputException(source, "binary data, not a text or HTML page");
        }

        var resolvedFormat = format ?? (LooksLikeHtml(bytes) ? PageFormat.Html : PageFormat.Text);
        string content;
        PageDecoding decoding;
        if (bomEncoding is not null)
        {
            content = bomEncoding.GetString(bytes, bomLength, bytes.Length - bomLength);
            decoding = new PageDecoding(bomEncoding.WebName, CharsetSource.ByteOrderMark);
        }
        else if (resolvedFormat == PageFormat.Html)
        {
            (content, decoding) = PageCharset.DecodeHtml(bytes, declaredCharset);
        }
        else
        {
            content = DecodeStrictUtf8(source, bytes);
            decoding = new PageDecoding("utf-8", CharsetSource.Utf8);
        }

        return new RawPage(source, content, resolvedFormat, url) { Decoding = decoding };
    }

    public static PageFormat? FormatFromName(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension switch
        {
            ".html" or ".htm" or ".xhtml" => PageFormat.Html,
            ".txt" or ".text" => PageFormat.Text,
            _ => null,
        };
    }

    private static bool IsGzipName(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private const string TruncatedGzip = "truncated gzip data (the decompressed length does not match the gzip trailer)";

    private static byte[] Gunzip(string source, byte[] bytes, int maxBytes)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            // The trailer records the length (modulo 2^32). When that length is allowed, decompress straight into an
            // array of it: growing a stream and copying it out made three copies of every page for the collector.
            var recorded = bytes.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)) : uint.MaxValue;
            using var output = new MemoryStream();
            if (recorded <= (uint)maxBytes)
            {
                var exact = new byte[recorded];
                if (input.ReadAtLeast(exact, exact.Length, throwOnEndOfStream: false) < exact.Length)
                {
                    throw new InputException(source, TruncatedGzip);
                }

                var next = input.ReadByte();
                if (next < 0)
                {
                    return exact;
                }

                // More data than the trailer says: read on, so the checks below report it as before.
                output.Write(exact);
                output.WriteByte((byte)next);
            }

            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > maxBytes)
                {
                    throw new InputException(source, $"too large after decompression (over {maxBytes / (1024 * 1024)} MB)");
                }
            }

            // GZipStream stops quietly at the end of a cut file, so compare with the length the trailer records.
            if (bytes.Length < 18 || recorded != (uint)output.Length)
            {
                throw new InputException(source, TruncatedGzip);
            }

            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InputException(source, $"corrupt gzip data ({e.Message.TrimEnd('.')})", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InputException(source, "truncated gzip data", e);
        }
    }

    private static bool IsAllWhitespace(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0b or 0x0c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text has no NUL bytes and few C0 control characters; binary formats have many.</summary>
    private static bool LooksBinary(byte[] bytes)
    {
        var sample = Math.Min(bytes.Length, 8192);
        var control = 0;
        for (var i = 0; i < sample; i++)
        {
            var b = bytes[i];
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0c or 0x1b))
            {
                control++;
            }
        }

        return control > sample / 100 + 2;
    }

    /// <summary>
    /// HTML opens with a doctype or an html, head or body tag once any XML declaration and comments (generator banners,
    /// licence headers, which can run for kilobytes) are skipped.
    /// </summary>
    private static bool LooksLikeHtml(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 16384)).ToLowerInvariant();
        var start = 0;
        while (true)
        {
            while (start < head.Length && char.IsWhiteSpace(head[start]))
            {
                start++;
            }

            var rest = head.AsSpan(start);
            var skipTo = rest.StartsWith("<!--") ? rest.IndexOf("-->") + 3 : rest.StartsWith("<?xml") ? rest.IndexOf("?>") + 2 : 0;
            if (skipTo <= 2)
            {
                break;
            }

            start += skipTo;
        }

        var opening = head[start..];
        if (opening.StartsWith("<!doctype html", StringComparison.Ordinal) || opening.StartsWith("<html", StringComparison.Ordinal)
            || opening.StartsWith("<head", StringComparison.Ordinal) || opening.StartsWith("<body", StringComparison.Ordinal))
        {
            return true;
        }

        var window = opening.Length > 2048 ? opening[..2048] : opening;
        return window.Contains("<head", StringComparison.Ordinal) || window.Contains("<body", StringComparison.Ordinal);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static string DecodeStrictUtf8(string source, byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException(source, $"invalid UTF-8 at byte {e.Index}", e);
        }
    }
}
