namespace Course.Engine.Runtime;

/// <summary>
/// A cell compiled to a script submission, as plain data: everything the executor needs to run it,
/// in this process or in another one (it serializes with System.Text.Json; the image travels as base64).
/// </summary>
/// <param name="Slot">
/// The submission's index in the shared state array (slot 0 holds the globals; the compiler numbers
/// submissions that have code from 1). 0 when the cell has no code to run (e.g. only <c>using</c> directives).
/// </param>
/// <param name="AssemblyName">The submission assembly's name; later submissions reference it by this name.</param>
/// <param name="Image">The PE image with an embedded portable PDB, so exceptions name lines of the cell; empty when <see cref="Slot"/> is 0.</param>
/// <param name="FactoryTypeName">The submission class (e.g. <c>Submission#3</c>).</param>
/// <param name="FactoryMethodName">Its static factory (<c>&lt;Factory&gt;</c>), taking the state array and returning <c>Task&lt;object&gt;</c>.</param>
/// <param name="DisplaysValue">True when the cell ends with an expression whose value is shown (no semicolon, not void).</param>
/// <param name="References">Full paths of the assemblies referenced with <c>#r</c> by this cell and the cells before it in the chain (and their resolved dependencies), loaded on demand.</param>
public sealed record CompiledCell(
    int Slot,
    string AssemblyName,
    byte[] Image,
    string FactoryTypeName,
    string FactoryMethodName,
    bool DisplaysValue,
    IReadOnlyList<string> References)
{
    /// <summary>True when the cell compiled to nothing runnable (e.g. only directives).</summary>
    public bool IsEmpty => Slot == 0 || Image.Length == 0;
}
