namespace Printernizer.Bridge.Publishing.Mqtt;

/// <summary>The connection a publish went out on ended before the broker acknowledged it.</summary>
internal sealed class SessionEndedException : Exception
{
    public SessionEndedException()
        : base("The broker connection ended before the publish was acknowledged.")
    {
    }

    public SessionEndedException(string message)
        : base(message)
    {
    }

    public SessionEndedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
