namespace Vnd.Engine.Tests.Control;

/// <summary>
/// The paper's Figure 5(a), reconstructed from its description (the figure itself is an image):
/// the tenant diagnoses node lb (line 1), captures its input and output (lines 2 and 9), and the
/// flows of interest are the web flows (port 80) between 10.0.0.6 and 10.0.0.8 (lines 3-8), in
/// both directions. Spelling follows Fig. 4 ("Appliance Type Node : n1", "Capture Point ...",
/// "Flow Pattern field = value, ...").
/// </summary>
internal static class PaperFigure5
{
    public const string Example = """
        Appliance Type Node : lb
        Capture Point input
        Flow Pattern ip.src = 10.0.0.6,
                     ip.dst = 10.0.0.8,
                     tcp.dst = 80
        Flow Pattern ip.src = 10.0.0.8,
                     ip.dst = 10.0.0.6,
                     tcp.src = 80
        Capture Point output
        """;
}
