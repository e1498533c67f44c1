namespace Course.Engine.Tests;

/// <summary>Paths of the test notebooks copied next to the test assembly.</summary>
internal static class TestFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Notebooks");

    public static string Notebook(string name) => Path.Combine(Folder, name);

    /// <summary>A fresh empty folder under the system temp folder, deleted with the returned handle.</summary>
    public static TempFolder NewTempFolder() => new();

    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "course-engine-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow machine is not a test failure.
            }
        }
    }
}
