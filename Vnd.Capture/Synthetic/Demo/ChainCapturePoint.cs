namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// The capture points of the paper's middlebox chain (§5.1.1, Fig. 10): A on the link into the RE (seen at the RE's
/// port), B between the RE and the IDS (seen at the IDS's port), C between the IDS and the server (seen at the
/// server's port). Each sees both directions of its link.
/// </summary>
public enum ChainCapturePoint
{
    A,
    B,
    C,
}
