namespace Vnd.Planner.Syntax.Ast;

/// <summary>An option as name [value] (EXPLAIN (FORMAT TEXT), COPY … (HEADER, DELIMITER ',')); value null when absent.</summary>
public sealed record SqlOption(string Name, string? Value) : SqlNode;
