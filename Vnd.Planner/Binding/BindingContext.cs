using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>State of binding one statement: the catalog, the column-id counter and the parameter types learned so far.</summary>
internal sealed class BindingContext(ICatalog catalog, SqlList<SqlType>? declaredParameters)
{
    /// <summary>Views expanding views beyond this depth are a cycle (PostgreSQL: "infinite recursion detected").</summary>
    public const int MaxViewDepth = 32;

    private readonly List<SqlType?> _parameters = declaredParameters is null ? [] : [.. declaredParameters.Select(t => TypeRules.IsUnknown(t) ? null : t)];
    private int _nextColumn = 1;

    public ICatalog Catalog { get; } = catalog;

    public int ViewDepth { get; set; }

    /// <summary>Output columns holding a composite in record text form, with their fields (see <see cref="SelectListSets"/>).</summary>
    public Dictionary<ColumnId, SqlList<(string Name, SqlType Type)>> Composites { get; } = [];

    public PlanColumn NewColumn(string name, SqlType type) => new(new ColumnId(_nextColumn++), name, type);

    public SqlType ParameterType(int index) =>
        index >= 1 && index <= _parameters.Count ? _parameters[index - 1] ?? SqlType.Unknown : SqlType.Unknown;

    public void SetParameterType(int index, SqlType type)
    {
        while (_parameters.Count < index)
        {
            _parameters.Add(null);
        }
        _parameters[index - 1] = type;
    }

    public void NoteParameter(int index, SqlNode node)
    {
        if (index < 1 || index > 65535)
        {
            throw BinderErrors.Error(BinderErrors.UndefinedParameter, $"there is no parameter ${index}", node);
        }
        while (_parameters.Count < index)
        {
            _parameters.Add(null);
        }
    }

    /// <summary>All parameters must have a type by the end, as PostgreSQL requires (42P18).</summary>
    public SqlList<SqlType> ResolvedParameters()
    {
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (_parameters[i] is null)
            {
                throw new SqlException(BinderErrors.UndefinedParameter, $"could not determine data type of parameter ${i + 1}");
            }
        }
        return SqlList.From(_parameters.Select(t => t!));
    }
}
