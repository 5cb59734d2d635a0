using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Pidgin;
using Vnd.Planner.Syntax.Lexing;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>
/// Wraps the recursive entry of the grammar (the expression term) so that deep nesting ends in an
/// InsufficientExecutionStackException, which <see cref="SqlParser"/> reports as 54001, instead of
/// a StackOverflowException that would kill the server process.
/// </summary>
internal sealed class StackGuard<T>(Parser<Token, T> inner) : Parser<Token, T>
{
    public override bool TryParse(ref ParseState<Token> state, ref PooledList<Expected<Token>> expecteds, [MaybeNullWhen(false)] out T result)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return inner.TryParse(ref state, ref expecteds, out result);
    }
}
