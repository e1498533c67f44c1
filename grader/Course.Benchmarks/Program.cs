// Benchmarks print figures; they assert nothing. Usage:
//   dotnet run -c Release --project grader/Course.Benchmarks -- run     (the whole course headless, cold and warm)
//   dotnet run -c Release --project grader/Course.Benchmarks -- grade   (submissions per second, and against dotnet test)
//   dotnet run -c Release --project grader/Course.Benchmarks -- hostile (what hostile notebooks cost the grader: time, allocations, peak memory)
using Course.Benchmarks;

return args.FirstOrDefault() switch
{
    "run" => await RunBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
    "grade" => await GradeBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
    "hostile" => await HostileInputBenchmark.RunAsync(args[1..]).ConfigureAwait(false),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Course.Benchmarks run|grade|hostile [options]");
    return 1;
}
