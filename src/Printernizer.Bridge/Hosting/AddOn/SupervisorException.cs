namespace Printernizer.Bridge.Hosting.AddOn;

/// <summary>The Supervisor could not tell the broker; the message says why and never holds the token or a password.</summary>
internal sealed class SupervisorException : Exception
{
    public SupervisorException(string message)
        : base(message)
    {
    }

    public SupervisorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
