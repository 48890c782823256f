namespace Vigil.Ingest;

/// <summary>Expands the paths a user gives into the files to read: files as given, folders recursively by extension.</summary>
public static class InputFiles
{
    private static readonly string[] PageExtensions = [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt"];

    public static bool IsPageFile(string path) =>
        PageExtensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>Files in the order given; a folder's files in ordinal path order, so runs are repeatable.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths, Func<string, bool>? accept = null)
    {
        accept ??= IsPageFile;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(accept).Order(StringComparer.Ordinal);
                foreach (var file in files)
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
}
