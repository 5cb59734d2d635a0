namespace Vnd.Planner.Types;

/// <summary>
/// Resolution of a stored timestamp. SQL arithmetic works in microseconds like PostgreSQL,
/// but a trace table keeps nanoseconds when the capture had them (pcap nanosecond magic,
/// pcapng if_tsresol 9) so that one-hop delays below a microsecond are not lost.
/// </summary>
public enum TimeUnit : byte
{
    Microsecond = 0,
    Nanosecond = 1,
}
