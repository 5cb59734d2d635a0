using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The zone names an expression's zone argument may use besides the tz database's (AT TIME ZONE, date_trunc's third
/// argument, make_timestamptz), as PostgreSQL's timestamptz_zone reads them: first the abbreviations of its Default
/// timezone_abbreviations set (case-insensitive, each a fixed offset: 'CET' is +01 even in summer, 'IST' +02, 'PST'
/// -08), then the tz database, then a POSIX-style fixed offset ('+05', 'UTC+3', '&lt;+0330&gt;-3:30'), whose sign is
/// west of Greenwich: 'UTC+3' is three hours behind UTC. The Default set's abbreviations that refer to a zone's
/// history (MSK, SGT, …) are not here: they fall to the tz database and, missing there, are 22023.
/// </summary>
internal static partial class TimeZoneNames
{
    // Seconds east of UTC, from PostgreSQL 15's share/timezonesets/Default (its fixed-offset lines).
    private const string Default =
        "ACDT=37800 ACSST=37800 ACST=34200 ACT=-18000 ACWST=31500 ADT=-10800 AEDT=39600 AESST=39600 AEST=36000 " +
        "AFT=16200 AKDT=-28800 AKST=-32400 ALMST=25200 ALMT=21600 AMT=-14400 AST=-14400 AWSST=32400 AWST=28800 AZOST=0 " +
        "AZOT=-3600 BDST=7200 BDT=21600 BNT=28800 BORT=28800 BOT=-14400 BRA=-10800 BRST=-7200 BRT=-10800 BST=3600 " +
        "BTT=21600 CADT=37800 CAST=34200 CCT=28800 CDT=-18000 CEST=7200 CET=3600 CETDST=7200 CHADT=49500 CHAST=45900 " +
        "CHUT=36000 CLST=-10800 COT=-18000 CST=-21600 CXT=25200 DDUT=36000 EAT=10800 EDT=-14400 EEST=10800 EET=7200 " +
        "EETDST=10800 EGST=0 EGT=-3600 EST=-18000 FET=10800 FJST=46800 FJT=43200 FNST=-3600 FNT=-7200 GALT=-21600 " +
        "GAMT=-32400 GFT=-10800 GILT=43200 GMT=0 HKT=28800 HST=-36000 ICT=25200 IDT=10800 IRT=12600 IST=7200 " +
        "JAYT=32400 JST=32400 KDT=36000 KGST=21600 KST=32400 LHST=37800 LIGT=36000 MART=-34200 MDT=-21600 MEST=7200 " +
        "MESZ=7200 MET=3600 METDST=7200 MEZ=3600 MHT=43200 MMT=23400 MPT=36000 MSD=14400 MST=-25200 MUST=18000 " +
        "MUT=14400 MVT=18000 MYT=28800 NDT=-9000 NFT=-12600 NPT=20700 NST=-12600 NZDT=46800 NZST=43200 NZT=43200 " +
        "PDT=-25200 PET=-18000 PGT=36000 PHT=28800 PKST=21600 PKT=18000 PMDT=-7200 PMST=-10800 PONT=39600 PST=-28800 " +
        "PWT=32400 PYST=-10800 RET=14400 SADT=37800 SAST=7200 SCT=14400 TAHT=-36000 TFT=18000 TJT=18000 TOT=46800 " +
        "TRUT=36000 TVT=43200 UCT=0 ULAST=32400 UT=0 UTC=0 UYST=-7200 UYT=-10800 UZST=21600 UZT=18000 VUT=39600 " +
        "WADT=28800 WAKT=43200 WAST=25200 WAT=3600 WDT=32400 WET=0 WETDST=3600 WFT=43200 WGST=-7200 WGT=-10800 " +
        "XJT=21600 YAPT=36000 YEKST=21600 Z=0 ZULU=0";

    private static readonly FrozenDictionary<string, int> Abbreviations = Default.Split(' ')
        .Select(entry => entry.Split('='))
        .ToFrozenDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);

    /// <summary>The abbreviation's offset east of UTC in seconds, or null.</summary>
    public static int? Abbreviation(string name) => Abbreviations.TryGetValue(name, out var seconds) ? seconds : null;

    /// <summary>A POSIX-style zone without daylight rules ('+05', '5', 'UTC+3', 'XX-3:30', '&lt;+0330&gt;-3:30'): its
    /// offset east of UTC in seconds (the opposite of the written sign), or null.</summary>
    public static int? PosixOffset(string name)
    {
        var match = Posix().Match(name);
        if (!match.Success)
            return null;
        int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var west = (Part(2) * 3600) + (Part(3) * 60) + Part(4);
        return match.Groups[1].Value == "-" ? west : -west;
    }

    [GeneratedRegex(@"^(?:<[^>]*>|[A-Za-z]*)([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?$")]
    private static partial Regex Posix();
}
