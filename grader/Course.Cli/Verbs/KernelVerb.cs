using System.CommandLine;
using Course.Cli.Infrastructure;
using Course.Kernel;

namespace Course.Cli.Verbs;

/// <summary>
/// <c>course kernel &lt;connection-file&gt;</c> (or <c>-f FILE</c>) runs the course's own Jupyter kernel;
/// <c>course kernel install [--user] [--name NAME] [--prefix DIR] [--force]</c> registers it with Jupyter
/// as a kernelspec whose command is this very build (<c>dotnet /abs/path/course.dll kernel -f {connection_file}</c>).
/// </summary>
public static class KernelVerb
{
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var file = new Argument<string?>("connection-file") { Description = "The Jupyter connection file (JSON) the front end wrote.", Arity = ArgumentArity.ZeroOrOne };
        var fileOption = new Option<string?>("--connection-file", "-f") { Description = "The connection file, as an option (the kernelspec passes it this way).", HelpName = "FILE" };
        var command = new Command("kernel", "Run the course's own Jupyter kernel (C# cells on the course engine, as `course run` runs them), or register it with `course kernel install`.");
        command.Arguments.Add(file);
        command.Options.Add(fileOption);
        command.Subcommands.Add(CreateInstall(console));
        command.SetAction(parse => Serve(console, parse.GetValue(fileOption) ?? parse.GetValue(file)));
        return command;
    }

    private static Command CreateInstall(CliConsole console)
    {
        var user = new Option<bool>("--user") { Description = "Install for this user only (~/.local/share/jupyter/kernels on Linux) instead of machine-wide (/usr/local/share/jupyter/kernels)." };
        var name = new Option<string>("--name") { Description = "The kernelspec name.", DefaultValueFactory = _ => KernelSpec.DefaultName, HelpName = "NAME" };
        var prefix = new Option<string?>("--prefix") { Description = "Install under DIR/share/jupyter/kernels (a virtual environment, or a folder on JUPYTER_PATH).", HelpName = "DIR" };
        var force = new Option<bool>("--force") { Description = "Replace a different kernelspec of the same name." };
        var install = new Command(
            "install",
            "Register the course kernel with Jupyter (display name \"C# (course)\"). The kernelspec starts this build of the CLI by its absolute path "
            + "(dotnet /abs/path/course.dll kernel -f {connection_file}), so it works from a fresh clone after one build; run it again after moving the clone.");
        install.Options.Add(user);
        install.Options.Add(name);
        install.Options.Add(prefix);
        install.Options.Add(force);
        install.SetAction(parse => Install(console, parse.GetValue(user), parse.GetValue(name)!, parse.GetValue(prefix), parse.GetValue(force)));
        return install;
    }

    private static int Serve(CliConsole console, string? connectionFile)
    {
        if (string.IsNullOrEmpty(connectionFile))
        {
            throw new CourseUserException("kernel: give the connection file (course kernel FILE or course kernel -f FILE), or use `course kernel install`");
        }

        try
        {
            var connection = ConnectionFile.Load(connectionFile);
            using var server = new KernelServer(connection, console.Error);
            return server.Run();
        }
        catch (KernelStartupException ex)
        {
            throw new CourseUserException(ex.Message, ex);
        }
    }

    private static int Install(CliConsole console, bool user, string name, string? prefix, bool force)
    {
        if (user && prefix is not null)
        {
            throw new CourseUserException("kernel install: give --user or --prefix, not both");
        }

        var data = prefix is not null
            ? Path.Combine(Path.GetFullPath(prefix), "share", "jupyter")
            : user ? KernelSpec.UserDataDirectory() : KernelSpec.SystemDataDirectory();
        try
        {
            var (folder, written) = KernelSpec.Install(data, name, Argv(), force);
            console.WriteLine(written
                ? $"installed the kernelspec '{name}' (\"{KernelSpec.DisplayName}\") in {folder}"
                : $"the kernelspec '{name}' in {folder} is already up to date");
            return 0;
        }
        catch (ArgumentException ex)
        {
            throw new CourseUserException("kernel install: " + ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CourseUserException($"kernel install: cannot write to {data}: {ex.Message}{(user || prefix is not null ? string.Empty : " (use --user to install for yourself)")}", ex);
        }
    }

    /// <summary>The command that starts this build of the CLI as a kernel: the dotnet host and the absolute path of course.dll.</summary>
    private static string[] Argv()
    {
        var dll = typeof(KernelVerb).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath
            ? hostPath
            : Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
        return [host, dll, "kernel", "-f", "{connection_file}"];
    }
}
