using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Vigil.Ingest;

/// <summary>One WARC record: its type, its named headers (case-insensitive) and its content block.</summary>
public sealed record WarcRecord(string Type, IReadOnlyDictionary<string, string> Headers, byte[] Content, long Offset)
{
    public string? TargetUri => Headers.TryGetValue("WARC-Target-URI", out var uri) ? uri.Trim('<', '>', ' ') : null;

    public string? Date => Headers.TryGetValue("WARC-Date", out var date) ? date : null;
}

/// <summary>
/// Reads WARC 1.0/1.1 files (ISO 28500), plain or gzipped (a .warc.gz is a series of gzip members, one per record,
/// which GZipStream reads as one stream). Written here because NuGet has no maintained WARC reader for .NET.
/// A truncated or malformed record ends the file with an <see cref="InvalidDataException"/> naming the record's
/// offset; the records before it are still returned, since each is complete and checked.
/// </summary>
public static class WarcReader
{
    /// <summary>Header blocks are small; a longer one means we are not reading a WARC header at all.</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    public static bool IsWarcFile(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<WarcRecord> ReadFile(string path, long maxRecordBytes = PageLoader.DefaultMaxBytes)
    {
        using var file = File.OpenRead(path);
        var gzipped = file.Length >= 2 && file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using Stream stream = gzipped ? new GZipStream(file, CompressionMode.Decompress) : file;
        foreach (var record in Read(stream, maxRecordBytes))
        {
            yield return record;
        }
    }

    public static IEnumerable<WarcRecord> Read(Stream stream, long maxRecordBytes = PageLoader.DefaultMaxBytes)
    {
        var input = new BufferedStream(stream, 65536);
        long offset = 0;
        while (true)
        {
            // Records are separated by CRLF CRLF; tolerate extra blank lines between them.
            string? version;
            do
            {
                version = ReadLine(input, ref offset, out var ended);
                if (version is null && ended)
                {
                    yield break;
                }
            }
            while (version is "");

            var recordOffset = offset - Encoding.ASCII.GetByteCount(version!) - 2;
            if (!version!.StartsWith("WARC/", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"record at byte {Math.Max(0, recordOffset)}: expected a WARC version line, found \"{Shorten(version)}\"");
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var headerBytes = 0;
            string? lastName = null;
            while (true)
            {
                var line = ReadLine(input, ref offset, out _)
                    ?? throw new InvalidDataException($"record at byte {recordOffset}: truncated in its header");
                headerBytes += line.Length + 2;
                if (headerBytes > MaxHeaderBytes)
                {
                    throw new InvalidDataException($"record at byte {recordOffset}: header longer than {MaxHeaderBytes} bytes");
                }

                if (line.Length == 0)
                {
                    break;
                }

                if ((line[0] == ' ' || line[0] == '\t') && lastName is not null)
                {
                    headers[lastName] += " " + line.Trim(); // a folded continuation line
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new InvalidDataException($"record at byte {recordOffset}: malformed header line \"{Shorten(line)}\"");
                }

                lastName = line[..colon].Trim();
                headers[lastName] = line[(colon + 1)..].Trim();
            }

            if (!headers.TryGetValue("Content-Length", out var lengthText)
                || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new InvalidDataException($"record at byte {recordOffset}: missing or invalid Content-Length");
            }

            if (length > maxRecordBytes)
            {
                throw new InvalidDataException($"record at byte {recordOffset}: {length} bytes, over the limit of {maxRecordBytes}");
            }

            var content = new byte[length];
            var read = ReadFully(input, content);
            offset += read;
            if (read < length)
            {
                throw new InvalidDataException($"record at byte {recordOffset}: truncated ({read} of {length} content bytes)");
            }

            var type = headers.TryGetValue("WARC-Type", out var warcType) ? warcType : "";
            yield return new WarcRecord(type, headers, content, recordOffset);
        }
    }

    /// <summary>An HTTP response inside a WARC response record, split into status, headers and decoded body.</summary>
    public sealed record HttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string? MediaType => Headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0].Trim().ToLowerInvariant() : null;

        public string? Charset
        {
            get
            {
                if (!Headers.TryGetValue("Content-Type", out var type))
                {
                    return null;
                }

                var parameter = type.Split(';').Select(part => part.Trim()).FirstOrDefault(part => part.StartsWith("charset=", StringComparison.OrdinalIgnoreCase));
                return parameter?["charset=".Length..].Trim('"', '\'');
            }
        }
    }

    /// <summary>Parses the HTTP message of a response record; undoes chunked transfer coding and gzip, deflate or br content coding.</summary>
    public static HttpResponse ParseHttpResponse(byte[] message)
    {
        var headerEnd = IndexOf(message, "\r\n\r\n"u8, out var separatorLength);
        if (headerEnd < 0)
        {
            headerEnd = IndexOf(message, "\n\n"u8, out separatorLength);
        }

        if (headerEnd < 0)
        {
            throw new InvalidDataException("HTTP response without the blank line that ends its headers");
        }

        var lines = Encoding.Latin1.GetString(message, 0, headerEnd).Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new InvalidDataException($"not an HTTP status line: \"{Shorten(lines[0])}\"");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
            }
        }

        var body = message[(headerEnd + separatorLength)..];
        if (headers.TryGetValue("Transfer-Encoding", out var transfer) && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        if (headers.TryGetValue("Content-Encoding", out var coding))
        {
            body = coding.Trim().ToLowerInvariant() switch
            {
                "br" => Decompress(body, stream => new BrotliStream(stream, CompressionMode.Decompress)),
                "deflate" => Decompress(body, stream => new ZLibStream(stream, CompressionMode.Decompress)),
                _ => body, // gzip is recognized by its magic number when the page is decoded
            };
        }

        return new HttpResponse(status, headers, body);
    }

    private static byte[] Decompress(byte[] body, Func<Stream, Stream> open)
    {
        using var decoder = open(new MemoryStream(body));
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = Array.IndexOf(body, (byte)'\n', position);
            if (lineEnd < 0)
            {
                throw new InvalidDataException("truncated chunked body");
            }

            var sizeText = Encoding.ASCII.GetString(body, position, lineEnd - position).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new InvalidDataException($"bad chunk size \"{Shorten(sizeText)}\"");
            }

            position = lineEnd + 1;
            if (size == 0)
            {
                break;
            }

            if (position + size > body.Length)
            {
                throw new InvalidDataException("truncated chunked body");
            }

            output.Write(body, position, size);
            position += size;
            while (position < body.Length && body[position] is (byte)'\r' or (byte)'\n')
            {
                position++;
            }
        }

        return output.ToArray();
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle, out int length)
    {
        length = needle.Length;
        return haystack.AsSpan().IndexOf(needle);
    }

    /// <summary>One CRLF- (or LF-) terminated line as Latin-1, or null at the end of the stream.</summary>
    private static string? ReadLine(Stream input, ref long offset, out bool endedCleanly)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0)
            {
                endedCleanly = bytes.Count == 0;
                return bytes.Count == 0 ? null : Encoding.Latin1.GetString([.. bytes]);
            }

            offset++;
            if (b == '\n')
            {
                endedCleanly = false;
                if (bytes.Count > 0 && bytes[^1] == '\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }

                return Encoding.Latin1.GetString([.. bytes]);
            }

            bytes.Add((byte)b);
            if (bytes.Count > MaxHeaderBytes)
            {
                throw new InvalidDataException($"line at byte {offset - bytes.Count} longer than {MaxHeaderBytes} bytes: not a WARC header");
            }
        }
    }

    private static int ReadFully(Stream input, byte[] buffer)
    {
        var total = 0;
        try
        {
            while (total < buffer.Length)
            {
                var read = input.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // A cut gzip member: report it as the truncated record it makes.
        }

        return total;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
