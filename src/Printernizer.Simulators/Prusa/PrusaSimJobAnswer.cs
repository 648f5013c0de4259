namespace Printernizer.Simulators.Prusa;

/// <summary>What a job command did, as the HTTP status the printer answers with.</summary>
internal enum PrusaSimJobAnswer
{
    Done = 204,
    BadId = 400,
    WrongJob = 404,
    NotApplicable = 409,
}
