namespace Printernizer.Bridge.Printers.Bambu.Ftps;

/// <summary>One FTP reply: the three-digit code and the text of its last line.</summary>
internal sealed record FtpReply(int Code, string Text)
{
    public bool IsPreliminary => Code is >= 100 and < 200;

    public bool IsSuccess => Code is >= 200 and < 400;

    public override string ToString() => $"{Code} {Text}";
}
