namespace Course.Notebooks;

/// <summary>Finds the notebooks a command is pointed at: one <c>.ipynb</c> file, or every one in a folder.</summary>
public static class NotebookFiles
{
    /// <summary>
    /// The notebook itself, or the <c>.ipynb</c> files directly in the folder (checkpoints skipped),
    /// sorted by name so runs are repeatable. Throws <see cref="FileNotFoundException"/> with a
    /// one-line message when the path does not exist, is not a notebook, or the folder has none.
    /// </summary>
    public static IReadOnlyList<string> Find(string fileOrFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileOrFolder);
        if (File.Exists(fileOrFolder))
        {
            return fileOrFolder.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
                ? [Path.GetFullPath(fileOrFolder)]
                : throw new FileNotFoundException($"{fileOrFolder}: not a notebook (expected a .ipynb file or a folder)", fileOrFolder);
        }

        if (!Directory.Exists(fileOrFolder))
        {
            throw new FileNotFoundException($"{fileOrFolder}: no such file or folder", fileOrFolder);
        }

        var notebooks = Directory.GetFiles(fileOrFolder, "*.ipynb")
            .Where(path => !path.Contains(".ipynb_checkpoints", StringComparison.Ordinal))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToList();
        return notebooks.Count > 0 ? notebooks : throw new FileNotFoundException($"{fileOrFolder}: the folder holds no .ipynb notebooks", fileOrFolder);
    }
}
