namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// The test classes that start a control server and several <c>vnd table-server</c> processes run one after the
/// other: together they are a dozen processes (some kept busy with nested loops until cancelled) on a shared
/// machine, and a first Flight call that waits behind them past its deadline would change the plan under test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TableServerProcesses
{
    public const string Name = "table-server processes";
}
