using Vnd.Planner.Types;

namespace Vnd.Capture.ParseConfigs.Validation;

/// <summary>
/// What a parse configuration needs to know about packet header fields: whether a name is one, its
/// SQL type, and its canonical spelling. The field catalog implements it; validation depends only on
/// this interface so that it can be tested with a fixed table of fields.
/// </summary>
public interface IFieldResolver
{
    /// <param name="name">A lower-cased field name as written, e.g. <c>ip.src</c> or <c>tcp</c>.</param>
    bool TryResolve(string name, out SqlType type, out string canonicalName);
}
