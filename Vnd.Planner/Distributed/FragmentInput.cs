namespace Vnd.Planner.Distributed;

/// <summary>
/// An exchange input of a fragment: the producing fragment's ticket and the site that runs it. The endpoint is
/// transport detail the coordinator fills in from its site directory; tenants only ever see <see cref="Site"/>.
/// </summary>
public sealed record FragmentInput(int Producer, Site Site, string Endpoint, FragmentTicket Ticket);
