using System.Runtime.InteropServices;

namespace Vigil.Ingest;

/// <summary>Expands the paths a user gives into the files to read: files as given, folders recursively by extension.</summary>
public static class InputFiles
{
    private static readonly string[] PageExtensions = [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt"];

    public static bool IsPageFile(string path) =>
        PageExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Files in the order given; a folder's files in ordinal path order, so runs are repeatable. A folder is walked
    /// once however many links lead to it (no symbolic-link loops), and only its regular files are taken: a FIFO or a
    /// device named like a page would block the run. A folder that cannot be listed is given as itself, so that the
    /// reader reports it in one line (<see cref="FolderProblem"/>) and the run goes on with the rest.
    /// </summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths, Func<string, bool>? accept = null)
    {
        accept ??= IsPageFile;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Walk(path, accept))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>Why a path that is a folder cannot be read as a page: it cannot be listed, or it is a folder; null for anything else.</summary>
    public static string? FolderProblem(string path)
    {
        if (!Directory.Exists(path))
        {
            return null;
        }

        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(path).GetEnumerator();
            entries.MoveNext();
            return "a folder, not a page";
        }
        catch (UnauthorizedAccessException)
        {
            return "folder cannot be read (permission denied); its pages were skipped";
        }
        catch (IOException e)
        {
            return $"folder cannot be read ({e.Message}); its pages were skipped";
        }
    }

    private static List<string> Walk(string root, Func<string, bool> accept)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false, MatchType = MatchType.Simple };
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var pending = new Stack<(string Folder, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (folder, depth) = pending.Pop();
            // Without the file system's identity of a folder (not Linux), its resolved path stands in, and a depth limit
            // stops what a chain of links could still lead round.
            if (!visited.Add(FolderIdentity(folder)) || depth > MaxDepth)
            {
                continue;
            }

            List<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options)];
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                found.Add(folder);
                continue;
            }

            foreach (var entry in entries)
            {
                var path = Path.Combine(folder, entry.Name);
                if (entry is DirectoryInfo)
                {
                    pending.Push((path, depth + 1));
                }
                else if (accept(path) && FileKind(path) is null or UnixRegular)
                {
                    found.Add(path);
                }
            }
        }

        return [.. found.Order(StringComparer.Ordinal)];
    }

    private const int MaxDepth = 64;

    private const int UnixTypeMask = 0xF000;
    private const int UnixRegular = 0x8000;

    /// <summary>The Unix file type (S_IFMT bits) of the path, following links; null where the system cannot say (not Linux, or no such file).</summary>
    private static int? FileKind(string path) => Stat(path) is { } status ? status.Mode & UnixTypeMask : null;

    private static string FolderIdentity(string folder) =>
        Stat(folder) is { } status
            ? $"{status.Device}:{status.Inode}"
            : (new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(folder));

    private static bool statAvailable = OperatingSystem.IsLinux();

    private static (int Mode, ulong Inode, string Device)? Stat(string path)
    {
        if (!statAvailable)
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (NativeMethods.Statx(AtCurrentDirectory, path, 0, StatxBasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            statAvailable = false;
            return null;
        }

        // struct statx: stx_mode (u16) at 28, stx_ino (u64) at 32, stx_dev_major and stx_dev_minor (u32) at 136 and 140.
        return (BitConverter.ToUInt16(buffer, 28), BitConverter.ToUInt64(buffer, 32), $"{BitConverter.ToUInt32(buffer, 136)}.{BitConverter.ToUInt32(buffer, 140)}");
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxBasicStats = 0x7ff;

    private static class NativeMethods
    {
        /// <summary>Linux statx(2) (glibc 2.28+): the same structure layout on every architecture, unlike stat(2).</summary>
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        public static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
