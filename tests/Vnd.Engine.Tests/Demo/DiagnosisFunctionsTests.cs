using Vnd.Engine.Control.Demo;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.Policy;
using Vnd.Engine.Tests.Control.Diagnoses;

namespace Vnd.Engine.Tests.Demo;

public sealed class DiagnosisFunctionsTests : IDisposable
{
    private readonly ControlDirectory dir = new();

    public void Dispose() => dir.Dispose();

    private DiagnosisFunctions Functions => new(dir.Manager());

    [Fact]
    public void Start_stop_and_drop_run_for_the_calling_tenant()
    {
        Assert.Equal("diagnosis web started: lb_in, lb_out",
            Functions.Call("tenant2", "start_diagnosis", ["web", DemoDiagnoses.WebCollection, DemoDiagnoses.WebParse]));
        Assert.Equal("diagnosis web stopped", Functions.Call("tenant2", "STOP_DIAGNOSIS", ["web"]));
        Assert.Equal(DiagnosisState.Stopped, dir.State.Find("tenant2", "web")!.State);
        Assert.StartsWith("diagnosis web dropped: 0 rows", Functions.Call("tenant2", "drop_diagnosis", ["web"]));
        Assert.Null(dir.State.Find("tenant2", "web"));
    }

    [Fact]
    public void Another_tenants_node_is_refused_with_42501_and_its_diagnosis_looks_missing()
    {
        var node = Assert.Throws<PolicyException>(() =>
            Functions.Call("tenant2", "start_diagnosis", ["spy", DemoDiagnoses.ChainCollection, DemoDiagnoses.ChainParse]));
        Assert.Equal("42501", node.SqlState);
        Assert.Empty(dir.State.List("tenant2"));

        Functions.Call("tenant1", "start_diagnosis", ["chain", DemoDiagnoses.ChainCollection, DemoDiagnoses.ChainParse]);
        var theirs = Assert.Throws<DiagnosisException>(() => Functions.Call("tenant2", "stop_diagnosis", ["chain"]));
        var missing = Assert.Throws<DiagnosisException>(() => Functions.Call("tenant2", "stop_diagnosis", ["nosuch"]));
        Assert.Equal((DiagnosisException.UndefinedObject, "diagnosis \"chain\" does not exist"), (theirs.SqlState, theirs.Message));
        Assert.Equal(missing.SqlState, theirs.SqlState);
        Assert.Throws<DiagnosisException>(() => Functions.Call("tenant2", "drop_diagnosis", ["chain"]));
        Assert.Equal(DiagnosisState.Running, dir.State.Find("tenant1", "chain")!.State);
    }

    [Fact]
    public void Wrong_arguments_keep_their_sqlstates()
    {
        Assert.Equal(DiagnosisFunctions.UndefinedFunction,
            Assert.Throws<DiagnosisException>(() => Functions.Call("tenant1", "stop_diagnosis", ["a", "b"])).SqlState);
        Assert.Equal(DiagnosisFunctions.UndefinedFunction,
            Assert.Throws<DiagnosisException>(() => Functions.Call("tenant1", "pause_diagnosis", ["a"])).SqlState);
        Assert.Equal(DiagnosisFunctions.NullValueNotAllowed,
            Assert.Throws<DiagnosisException>(() => Functions.Call("tenant1", "stop_diagnosis", [null])).SqlState);
        Assert.Equal(DiagnosisException.SyntaxError,
            Assert.Throws<DiagnosisException>(() => Functions.Call("tenant1", "start_diagnosis", ["x", "Capture Point re", DemoDiagnoses.ChainParse])).SqlState);
        Assert.True(DiagnosisFunctions.Handles("Drop_Diagnosis"));
        Assert.False(DiagnosisFunctions.Handles("list_diagnoses"));
    }
}
