namespace Vigil.Language;

/// <summary>
/// Finds the shipped model files: in the folder named by VIGIL_MODELS, or else in the <c>models/</c> folder of the
/// nearest directory above the running program (the repository root, for the CLI, the tests and the benchmarks).
/// </summary>
public static class ModelFiles
{
    public const string EnvironmentVariable = "VIGIL_MODELS";

    public static string? Folder()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var models = Path.Combine(directory.FullName, "models");
            if (Directory.Exists(models))
            {
                return models;
            }
        }

        return null;
    }

    /// <summary>The full path of a model file, or a <see cref="FileNotFoundException"/> that says where it looked.</summary>
    public static string Find(string name)
    {
        var folder = Folder() ?? throw new FileNotFoundException(
            $"no models/ folder above {AppContext.BaseDirectory} and {EnvironmentVariable} is not set to one");
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing; train it (see models/README.md)", path);
    }
}
