namespace Vnd.Engine.Sessions;

/// <summary>How a run-time setting's value is checked and what setting it does.</summary>
public enum SettingKind : byte
{
    /// <summary>Any string, kept as given.</summary>
    Free,
    /// <summary>Shown but never changed by SET (55P02).</summary>
    ReadOnly,
    /// <summary>Milliseconds; integers or values with a unit (ms, s, min, h, d); shown with the largest exact unit.</summary>
    Duration,
    /// <summary>Kilobytes; values with a unit (kB, MB, GB, TB) or a bare number of 8 kB blocks; shown with the largest exact unit.</summary>
    Memory,
    /// <summary>extra_float_digits: an integer in -15..3.</summary>
    FloatDigits,
    /// <summary>Only the value VND implements is accepted (standard_conforming_strings on, IntervalStyle postgres, ...).</summary>
    Fixed,
    DateStyle,
    TimeZone,
    ClientEncoding,
    SearchPath,
    /// <summary>vnd.join_strategy: one of <see cref="Vnd.Planner.Distributed.JoinStrategyChoices.Names"/>.</summary>
    JoinStrategy,
}
