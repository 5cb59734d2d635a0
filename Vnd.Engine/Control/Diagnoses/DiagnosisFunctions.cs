using Vnd.Engine.Control.Policy;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// The SQL functions a tenant calls to manage diagnoses — <c>vnd.start_diagnosis(name, collection_cfg,
/// parse_cfg)</c>, <c>vnd.stop_diagnosis(name)</c>, <c>vnd.drop_diagnosis(name)</c> — executed for the session's
/// tenant. The session layer routes a call here with its text arguments and returns the text result as the
/// function's value. Errors are <see cref="DiagnosisException"/> or <see cref="PolicyException"/>, each with its
/// SQLSTATE (42501 for naming another tenant's node, link or address; 42704 for a diagnosis the tenant does not
/// have, its own missing or another tenant's alike).
/// </summary>
public sealed class DiagnosisFunctions(DiagnosisManager manager)
{
    /// <summary>undefined_function: no such function or a wrong number of arguments.</summary>
    public const string UndefinedFunction = "42883";

    /// <summary>null_value_not_allowed.</summary>
    public const string NullValueNotAllowed = "22004";

    /// <summary>Whether <paramref name="name"/> (without the <c>vnd.</c> schema, any case) is one of these functions.</summary>
    public static bool Handles(string name) => Arity(name) >= 0;

    /// <summary>Runs <c>vnd.&lt;function&gt;(arguments)</c> for <paramref name="tenant"/>; returns the function's text value.</summary>
    public string Call(string tenant, string function, IReadOnlyList<string?> arguments)
    {
        var arity = Arity(function);
        if (arity < 0 || arguments.Count != arity)
            throw new DiagnosisException(UndefinedFunction,
                $"function vnd.{function.ToLowerInvariant()}({string.Join(", ", arguments.Select(_ => "text"))}) does not exist");
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is null)
                throw new DiagnosisException(NullValueNotAllowed, $"argument {i + 1} of vnd.{function.ToLowerInvariant()} must not be null");
        }
        var name = arguments[0]!;
        switch (function.ToLowerInvariant())
        {
            case "start_diagnosis":
                var started = manager.Start(tenant, name, arguments[1]!, arguments[2]!);
                return $"diagnosis {started.Name} started: {string.Join(", ", started.Tables.Select(t => t.Table.Table))}";
            case "stop_diagnosis":
                manager.Stop(tenant, name);
                return $"diagnosis {name} stopped";
            default:
                var freed = manager.Drop(tenant, name);
                return $"diagnosis {name} dropped: {freed.Rows} rows, {freed.Bytes} bytes freed";
        }
    }

    private static int Arity(string name) => name.ToLowerInvariant() switch
    {
        "start_diagnosis" => 3,
        "stop_diagnosis" or "drop_diagnosis" => 1,
        _ => -1,
    };
}
