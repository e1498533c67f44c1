using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Engine;

namespace Course.Kernel.Tests;

public class WireFormatTests
{
    private static JupyterMessage Sample() => new(
        ["client-id"u8.ToArray()],
        JupyterMessage.NewHeader("execute_request", "session-1"),
        [],
        [],
        new JsonObject { ["code"] = "1 + 1" });

    [Fact]
    public void A_signed_message_decodes_to_the_same_parts()
    {
        var signer = new MessageSigner("secret");
        var frames = WireFormat.Encode(Sample(), signer);

        var decoded = WireFormat.Decode(frames, signer, out var problem);

        Assert.Null(problem);
        Assert.Equal("execute_request", decoded!.MessageType);
        Assert.Equal("1 + 1", (string?)decoded.Content["code"]);
        Assert.Equal("client-id"u8.ToArray(), decoded.Identities.Single());
        Assert.Equal(64, frames[2].Length); // hex of HMAC-SHA256
    }

    [Fact]
    public void The_signature_is_hmac_sha256_of_the_four_json_parts()
    {
        var frames = WireFormat.Encode(Sample(), new MessageSigner("secret"));
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("secret"));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash([.. frames[3], .. frames[4], .. frames[5], .. frames[6]]));

        Assert.Equal(expected, Encoding.ASCII.GetString(frames[2]));
    }

    [Fact]
    public void A_message_signed_with_another_key_or_tampered_with_is_refused()
    {
        var frames = WireFormat.Encode(Sample(), new MessageSigner("other key"));
        Assert.Null(WireFormat.Decode(frames, new MessageSigner("secret"), out var problem));
        Assert.Equal("bad signature", problem);

        var good = WireFormat.Encode(Sample(), new MessageSigner("secret"));
        good[6] = Encoding.UTF8.GetBytes("{\"code\":\"System.IO.File.Delete(\\\"x\\\")\"}");
        Assert.Null(WireFormat.Decode(good, new MessageSigner("secret"), out problem));
        Assert.Equal("bad signature", problem);
    }

    [Fact]
    public void Frames_without_the_delimiter_are_refused_not_thrown_on()
    {
        Assert.Null(WireFormat.Decode([[1, 2, 3]], new MessageSigner("secret"), out var problem));
        Assert.Contains("delimiter", problem, StringComparison.Ordinal);
    }
}

public class LoopInterruptTests
{
    [Fact]
    public void Every_kind_of_loop_gets_the_check_and_no_line_moves()
    {
        const string code = "#!csharp\nvar n = 0;\nwhile (n < 3)\n    n++;\nfor (var i = 0; i < 2; i++) { n += i; }\nforeach (var c in \"ab\")\n{\n    n++;\n}\ndo n--; while (n > 100);\nn";

        var instrumented = LoopInterrupts.Instrument(code);

        Assert.Equal(4, instrumented.Split(LoopInterrupts.Check).Length - 1);
        Assert.Equal(code.Split('\n').Length, instrumented.Split('\n').Length);
        Assert.StartsWith("#!csharp\n", instrumented, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_without_loops_is_left_exactly_as_it_is()
    {
        const string code = "var x = 1;\nx + 1";
        Assert.Same(code, LoopInterrupts.Instrument(code));
    }

    [Fact]
    public async Task An_instrumented_cell_computes_what_the_original_computes()
    {
        const string code = "var total = 0;\nfor (var i = 1; i <= 10; i++)\n{\n    if (i % 2 == 0) continue;\n    total += i;\n}\ntotal";
        using var plain = new NotebookKernel();
        using var checkedKernel = new NotebookKernel();

        var expected = await plain.SubmitAsync(code);
        var actual = await checkedKernel.SubmitAsync(LoopInterrupts.Instrument(code));

        var shown = ((Course.Notebooks.ExecuteResultOutput)expected.Run.Outputs.Single()).Data;
        Assert.Contains("<pre>25</pre>", shown["text/html"], StringComparison.Ordinal);
        Assert.Equal(shown, ((Course.Notebooks.ExecuteResultOutput)actual.Run.Outputs.Single()).Data);
    }
}

public class KernelInstallTests
{
    [Fact]
    public void Install_writes_a_kernelspec_that_starts_this_build_with_the_connection_file()
    {
        using var temp = new TempFolder();
        var (exit, output, _) = KernelFixture.RunCourse("kernel", "install", "--prefix", temp.Path);

        Assert.Equal(0, exit);
        var file = Path.Combine(temp.Path, "share", "jupyter", "kernels", KernelSpec.DefaultName, "kernel.json");
        Assert.Contains(Path.GetDirectoryName(file)!, output, StringComparison.Ordinal);
        using var spec = JsonDocument.Parse(File.ReadAllText(file));
        var argv = spec.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Equal("C# (course)", spec.RootElement.GetProperty("display_name").GetString());
        Assert.Equal("C#", spec.RootElement.GetProperty("language").GetString());
        Assert.True(Path.IsPathRooted(argv[1]) && File.Exists(argv[1]) && argv[1].EndsWith("course.dll", StringComparison.Ordinal), argv[1]);
        Assert.Equal(["kernel", "-f", "{connection_file}"], argv[2..]);
    }

    [Fact]
    public void Installing_again_changes_nothing_and_a_different_kernelspec_is_kept_unless_forced()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, KernelFixture.RunCourse("kernel", "install", "--prefix", temp.Path, "--name", "mine").Exit);
        var (again, output, _) = KernelFixture.RunCourse("kernel", "install", "--prefix", temp.Path, "--name", "mine");
        Assert.Equal(0, again);
        Assert.Contains("already up to date", output, StringComparison.Ordinal);

        var file = Path.Combine(temp.Path, "share", "jupyter", "kernels", "mine", "kernel.json");
        File.WriteAllText(file, "{\"argv\": [\"python3\"], \"display_name\": \"someone else's\"}");
        var (refused, _, error) = KernelFixture.RunCourse("kernel", "install", "--prefix", temp.Path, "--name", "mine");
        Assert.Equal(1, refused);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("someone else's", File.ReadAllText(file), StringComparison.Ordinal);

        Assert.Equal(0, KernelFixture.RunCourse("kernel", "install", "--prefix", temp.Path, "--name", "mine", "--force").Exit);
        Assert.Contains("C# (course)", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kernel", "install", "--name", "no/slashes", "--prefix", "PREFIX")]
    [InlineData("kernel", "/no/such/connection.json")]
    [InlineData("kernel")]
    public void Bad_input_gets_one_line_and_exit_code_1(params string[] args)
    {
        using var temp = new TempFolder();
        var (exit, _, error) = KernelFixture.RunCourse([.. args.Select(a => a == "PREFIX" ? temp.Path : a)]);
        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("course: ", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_connection_file_with_an_unsupported_transport_is_refused_in_one_line()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "connection.json");
        File.WriteAllText(file, "{\"transport\": \"ipc\", \"ip\": \"kernel\", \"shell_port\": 1, \"iopub_port\": 2, \"stdin_port\": 3, \"control_port\": 4, \"hb_port\": 5, \"key\": \"k\", \"signature_scheme\": \"hmac-sha256\"}");
        var (exit, _, error) = KernelFixture.RunCourse("kernel", "--connection-file", file);
        Assert.Equal(1, exit);
        Assert.Contains("supports only tcp", error, StringComparison.Ordinal);
    }
}
