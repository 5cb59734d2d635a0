namespace Vnd.Engine.TableServer.Registration;

/// <summary>Where the registration endpoint tells the operator that a table server joined or came back (the serve console).</summary>
public sealed class RegistrationLog(TextWriter output)
{
    private readonly Lock _lock = new();

    public void Write(string line)
    {
        lock (_lock)
            output.WriteLine(line);
    }
}
