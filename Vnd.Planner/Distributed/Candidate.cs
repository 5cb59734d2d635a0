namespace Vnd.Planner.Distributed;

/// <summary>
/// One way to have a sub-result available at <see cref="Site"/>: its accumulated cost (bytes moved so far plus CPU),
/// predicted rows and row width, and the <see cref="Shape"/> that says how to build it.
/// </summary>
public sealed record Candidate(Site Site, double Cost, double Rows, double RowWidth, Shape Shape)
{
    public double Bytes => Rows * RowWidth;
}
