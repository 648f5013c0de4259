using NSubstitute;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers.Bambu;

namespace Printernizer.Bridge.UnitTests.Printers.Bambu;

public sealed class BambuPrinterTypeTests
{
    [Fact]
    public void BindSettings_AllKeys_AreRead()
    {
        var reader = Reader();
        reader.String("serial", true).Returns("00M09A350100001");
        reader.String("access_code", true).Returns("12345678");
        reader.Bool("tls_insecure").Returns(true);
        reader.Duration("watchdog", Arg.Any<TimeSpan?>(), Arg.Any<TimeSpan?>()).Returns(TimeSpan.FromSeconds(90));
        reader.Duration("auth_retry", Arg.Any<TimeSpan?>(), Arg.Any<TimeSpan?>()).Returns(TimeSpan.FromMinutes(10));

        var settings = (BambuSettings)new BambuPrinterType().BindSettings(reader);

        Assert.Equal(new BambuSettings("00M09A350100001", "12345678", null, true, TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(10)), settings);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.CommandTimeout);
        reader.DidNotReceive().Problem(Arg.Any<string>(), Arg.Any<string>());
    }

    [Fact]
    public void BindSettings_OptionalKeysAbsent_UsesDefaults()
    {
        var reader = Reader();
        reader.String("serial", true).Returns("S");
        reader.String("access_code", true).Returns("A");

        var settings = (BambuSettings)new BambuPrinterType().BindSettings(reader);

        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5), false, null), (settings.Watchdog, settings.AuthRetry, settings.TlsInsecure, settings.CaFile));
    }

    [Fact]
    public void BindSettings_MissingCaFile_IsAProblem()
    {
        var reader = Reader();
        reader.String("ca_file").Returns("/nonexistent/bambu-ca.pem");

        new BambuPrinterType().BindSettings(reader);

        reader.Received(1).Problem("ca_file", Arg.Is<string>(m => m.Contains("does not exist")));
    }

    /// <summary>NSubstitute answers "" for strings; a real reader answers null for an absent key.</summary>
    private static IPrinterSettingsReader Reader()
    {
        var reader = Substitute.For<IPrinterSettingsReader>();
        reader.String(Arg.Any<string>(), Arg.Any<bool>()).Returns((string?)null);
        return reader;
    }

    [Fact]
    public void ToString_Settings_NeverShowsTheAccessCode()
    {
        var settings = new BambuSettings("S", "secret-code", null, false, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5));

        Assert.DoesNotContain("secret-code", settings.ToString());
        Assert.Equal("bambu_lab", new BambuPrinterType().Name);
        Assert.Equal(8883, new BambuPrinterType().DefaultPort);
    }
}
