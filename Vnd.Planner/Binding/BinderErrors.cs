using Vnd.Planner.Errors;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>The binder's error constructors, worded as PostgreSQL's parse analysis words them.</summary>
internal static class BinderErrors
{
    public const string GroupingError = "42803";
    public const string UndefinedParameter = "42P18";
    public const string UndefinedObject = "42704";
    public const string CannotCoerce = "42846";
    public const string InvalidColumnReference = "42P10";
    public const string InvalidTextRepresentation = "22P02";
    public const string DuplicateAlias = "42712";

    /// <summary>PostgreSQL's 'P' field is 1-based; AST positions are 0-based.</summary>
    public static int At(SqlNode node) => node.Position + 1;

    public static SqlException Error(string state, string message, SqlNode? node) =>
        new(state, message, node is null ? null : At(node));

    public static SqlException Unsupported(string what, SqlNode? node) =>
        Error(SqlState.FeatureNotSupported, what + " is not supported", node);
}
