namespace Vnd.Planner.Syntax.Ast;

public enum TransactionAction
{
    Begin,
    Commit,
    Rollback,
    /// <summary>SET TRANSACTION / SET SESSION CHARACTERISTICS AS TRANSACTION.</summary>
    SetCharacteristics,
}
