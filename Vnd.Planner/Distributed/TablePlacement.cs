namespace Vnd.Planner.Distributed;

/// <summary>One trace table's home: the site (virtual capture point) whose table server stores it, and its statistics.</summary>
public sealed record TablePlacement(string Schema, string Table, Site Site, TableSiteStatistics Statistics);
