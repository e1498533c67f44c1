using Course.Cli;
using Course.Cli.Infrastructure;

return await CourseApp.RunAsync(args, CliConsole.Create()).ConfigureAwait(false);
