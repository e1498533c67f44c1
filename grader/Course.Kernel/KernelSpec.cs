using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Course.Kernel;

/// <summary>
/// The kernelspec that registers the course kernel with Jupyter: a folder <c>kernels/NAME</c> holding
/// <c>kernel.json</c>, laid out as <c>jupyter kernelspec install</c> does, under a Jupyter data folder.
/// </summary>
public static partial class KernelSpec
{
    /// <summary>The kernelspec name used when none is given.</summary>
    public const string DefaultName = "csharp-course";

    /// <summary>What front ends show in their kernel pickers.</summary>
    public const string DisplayName = "C# (course)";

    /// <summary>The user's Jupyter data folder: <c>JUPYTER_DATA_DIR</c>, else <c>~/.local/share/jupyter</c> (Linux), <c>~/Library/Jupyter</c> (macOS), <c>%APPDATA%\jupyter</c> (Windows).</summary>
    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }

        return OperatingSystem.IsMacOS()
            ? Path.Combine(home, "Library", "Jupyter")
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
    }

    /// <summary>The machine-wide Jupyter data folder: <c>/usr/local/share/jupyter</c>, or <c>%PROGRAMDATA%\jupyter</c> on Windows.</summary>
    public static string SystemDataDirectory() => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter")
        : "/usr/local/share/jupyter";

    /// <summary>The contents of <c>kernel.json</c> for a kernel started by <paramref name="argv"/> (which must contain <c>{connection_file}</c>).</summary>
    public static string KernelJson(IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var json = new JsonObject
        {
            ["argv"] = new JsonArray([.. argv.Select(a => (JsonNode?)a)]),
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>
    /// Writes <c>DATA/kernels/NAME/kernel.json</c>. An identical kernelspec already there is left as it is;
    /// a different one is replaced only with <paramref name="force"/>.
    /// </summary>
    /// <returns>The kernelspec folder and whether anything was written.</returns>
    /// <exception cref="ArgumentException">The name is not a valid kernelspec name, or a different kernelspec exists and <paramref name="force"/> is false (the message says which).</exception>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    public static (string Directory, bool Written) Install(string dataDirectory, string name, IReadOnlyList<string> argv, bool force)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        if (!ValidName().IsMatch(name ?? string.Empty))
        {
            throw new ArgumentException($"'{name}' is not a valid kernel name (use letters, digits, '.', '_' and '-')", nameof(name));
        }

        var folder = Path.Combine(dataDirectory, "kernels", name!.ToLowerInvariant());
        var file = Path.Combine(folder, "kernel.json");
        var content = KernelJson(argv);
        if (File.Exists(file))
        {
            if (File.ReadAllText(file) == content)
            {
                return (folder, false);
            }

            if (!force)
            {
                throw new ArgumentException($"a different kernelspec is already installed at {folder}; use --force to replace it, or --name to pick another name");
            }
        }

        Directory.CreateDirectory(folder);
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, file, overwrite: true);
        return (folder, true);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ValidName();
}
