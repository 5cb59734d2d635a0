namespace Vnd.Planner.Syntax.Ast;

/// <summary>A window frame's EXCLUDE clause: which rows around the current one leave its frame.</summary>
public enum FrameExclusion
{
    /// <summary>EXCLUDE NO OTHERS, the default.</summary>
    NoOthers,
    CurrentRow,
    /// <summary>The current row and its peers.</summary>
    Group,
    /// <summary>The current row's peers, not the row itself.</summary>
    Ties,
}
