using Vnd.Wire.Errors;
using Vnd.Wire.Handlers;

namespace Vnd.Wire.Connection;

internal sealed partial class PgConnection
{
    /// <summary>The engine's back channel; writes are buffered and go out with the connection's next flush.</summary>
    private sealed class SessionContext : PgSessionContext
    {
        private readonly PgConnection _connection;
        private TimeZoneInfo _timeZone;

        public SessionContext(PgConnection connection, TimeZoneInfo timeZone)
        {
            _connection = connection;
            _timeZone = timeZone;
        }

        public override TimeZoneInfo TimeZone
        {
            get => _timeZone;
            set
            {
                _timeZone = value;
                if (_connection._rows is not null)
                {
                    _connection._rows.TimeZone = value;
                }

                ReportParameter("TimeZone", value.Id);
            }
        }

        public override void SendNotice(PgErrorException notice) => _connection._writer.WriteError(notice, notice: true);

        public override void ReportParameter(string name, string value) => _connection._writer.WriteParameterStatus(name, value);
    }
}
