namespace Vnd.Wire.Protocol;

/// <summary>ReadyForQuery's status byte, as the session handler reports it.</summary>
public enum PgTransactionStatus : byte
{
    Idle = (byte)'I',
    InTransaction = (byte)'T',
    Failed = (byte)'E',
}
