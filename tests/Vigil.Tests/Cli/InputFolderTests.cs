using System.Diagnostics;
using Vigil.Ingest;

namespace Vigil.Tests.Cli;

/// <summary>Folders that would stall or stop a run: symbolic-link loops, FIFOs named like pages, folders that cannot be read.</summary>
public sealed class InputFolderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-inputs-").FullName;

    public InputFolderTests() => File.WriteAllText(Path.Combine(folder, "b.txt"), "Headline\n\nFirst body paragraph about a meeting.\n");

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            foreach (var locked in Directory.EnumerateDirectories(folder, "locked*"))
            {
                File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public void ALinkBackUpTheTreeIsWalkedOnce()
    {
        Skip.If(OperatingSystem.IsWindows(), "symbolic links to folders need privileges on Windows");
        var sub = Directory.CreateDirectory(Path.Combine(folder, "sub")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(sub, "loop"), "..");

        Assert.Equal([Path.Combine(folder, "b.txt")], InputFiles.Expand([folder]));
        var (exit, output, error) = CliRunner.Run("article", folder);
        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [SkippableFact]
    public void AFifoNamedLikeAPageIsNotRead()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/usr/bin/mkfifo"), "needs mkfifo");
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [Path.Combine(folder, "pipe.html")]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Reading the FIFO would wait forever for a writer; only regular files are taken.
        Assert.Equal([Path.Combine(folder, "b.txt")], InputFiles.Expand([folder]));
        var (exit, output, _) = CliRunner.Run("article", folder);
        Assert.Equal(0, exit);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [SkippableFact]
    public void AFolderThatCannotBeReadIsOneLineAndTheRunGoesOn()
    {
        Skip.If(Environment.IsPrivilegedProcess, "root reads any folder: run the tests as another user to check this");
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions
        }

        var locked = Directory.CreateDirectory(Path.Combine(folder, "locked")).FullName;
        File.WriteAllText(Path.Combine(locked, "c.txt"), "Other headline\n\nSecond body paragraph about a vote.\n");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var (exit, output, error) = CliRunner.Run("ingest", folder, "--db", Path.Combine(folder, "v.db"));

        Assert.Equal(1, exit);
        Assert.Equal($"vigil: {locked}: folder cannot be read (permission denied); its pages were skipped", error.Trim());
        Assert.Contains("1 pages read, 1 articles stored", output, StringComparison.Ordinal);
        Assert.EndsWith("1 failed", output.Trim(), StringComparison.Ordinal);
    }
}
