// Benchmarks print figures; they assert nothing. Usage:
//   dotnet run -c Release --project grader/Course.Benchmarks -- run     (the whole course headless, cold and warm)
//   dotnet run -c Release --project grader/Course.Benchmarks -- grade   (submissions per second, and against dotnet test)
using Course.Benchmarks;

return args.FirstOrDefault() switch
{
    "run" => await RunBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
    "grade" => await GradeBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Course.Benchmarks run|grade [options]");
    return 1;
}
