namespace Printernizer.Bridge.Printers.Bambu;

/// <summary>The kinds of bad input a printer can send; each is counted and logged once.</summary>
internal enum BambuInputFault
{
    InvalidJson,
    NonUtf8,
    WrongType,
    TooLarge,
    TooDeep,
    NotAnObject,
}
