using System.Globalization;
using System.Text;

namespace Vnd.Executor.Remote;

/// <summary>
/// The exchanges measured during one EXPLAIN ANALYZE, by producing fragment. Whoever reads an exchange records it
/// here — the coordinator, or a table server reading another table server's fragment, which then sends what it
/// measured back in the <see cref="TableServerProtocol.AnalysisTrailer"/> of its own stream (<see cref="Encode"/>,
/// <see cref="Merge"/>), so the coordinator ends up with every exchange of the plan.
/// </summary>
public sealed class ExchangeActuals
{
    private readonly Dictionary<int, ExchangeActual> _byProducer = [];
    private readonly Lock _gate = new();

    public void Record(int producer, ExchangeActual actual)
    {
        lock (_gate)
            _byProducer[producer] = _byProducer.TryGetValue(producer, out var known) ? known.Add(actual) : actual;
    }

    /// <summary>What fragment <paramref name="producer"/>'s exchange moved, or null if it never ran.</summary>
    public ExchangeActual? For(int producer)
    {
        lock (_gate)
            return _byProducer.TryGetValue(producer, out var actual) ? actual : null;
    }

    /// <summary>"producer:rows:bytes:batches:microseconds" entries separated by ';' (invariant culture).</summary>
    public string Encode()
    {
        var text = new StringBuilder();
        lock (_gate)
        {
            foreach (var (producer, a) in _byProducer)
            {
                text.Append(CultureInfo.InvariantCulture, $"{producer}:{a.Rows}:{a.Bytes}:{a.Batches}:{(long)(a.Elapsed.Ticks / 10)};");
            }
        }
        return text.ToString();
    }

    /// <summary>Adds the entries of a trailer another site sent; a malformed entry is a protocol violation.</summary>
    public void Merge(string encoded, string site)
    {
        foreach (var entry in encoded.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(':');
            if (parts.Length != 5 || !TryLong(parts[0], out var producer) || !TryLong(parts[1], out var rows) ||
                !TryLong(parts[2], out var bytes) || !TryLong(parts[3], out var batches) || !TryLong(parts[4], out var micros) ||
                producer > int.MaxValue || micros > TimeSpan.MaxValue.Ticks / 10)
                throw new ExecutionException(RemoteSqlStates.ProtocolViolation, $"the table server of capture point \"{site}\" sent a malformed analysis");
            Record((int)producer, new ExchangeActual(rows, bytes, batches, TimeSpan.FromTicks(micros * 10)));
        }
    }

    private static bool TryLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
