using System.Text;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// The last template text a formatting function saw and its compiled form: a constant template compiles once. Not
/// shared between workers: each batch (or stream) owns one.
/// </summary>
internal sealed class CompiledTemplates<T>(Func<string, T> compile) where T : class
{
    private byte[] _text = [];
    private T? _compiled;

    public T For(ReadOnlySpan<byte> utf8Template)
    {
        if (_compiled is null || !utf8Template.SequenceEqual(_text))
        {
            _compiled = compile(Encoding.UTF8.GetString(utf8Template));
            _text = utf8Template.ToArray();
        }
        return _compiled;
    }
}
