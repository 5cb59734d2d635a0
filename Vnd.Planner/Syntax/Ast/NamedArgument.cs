namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// A function argument in named notation, <c>make_interval(days => 3)</c>. Only a function call's argument list
/// holds one; the binder turns the call into positional form (<see cref="Binding.NamedArguments"/>).
/// </summary>
public sealed record NamedArgument(string Name, Expr Value) : Expr;
