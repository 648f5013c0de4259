using NSubstitute;
using Printernizer.Bridge.Configuration;
using Printernizer.Bridge.Printers.Prusa;

namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

public sealed class PrusaPrinterTypeTests
{
    [Fact]
    public void BindSettings_OnlyPassword_UsesDefaults()
    {
        var reader = NullReader();
        reader.String("password").Returns("pw");

        var settings = (PrusaSettings)new PrusaPrinterType().BindSettings(reader);

        Assert.Equal(new PrusaSettings("maker", "pw", null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)), settings);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.FastPollWindow);
        reader.DidNotReceiveWithAnyArgs().Problem(default!, default!);
    }

    [Fact]
    public void BindSettings_PiUserApiKeyAndIntervals_AreRead()
    {
        var reader = NullReader();
        reader.String("username").Returns("pi-admin");
        reader.String("api_key").Returns("key");
        reader.Duration("poll_active", Arg.Any<TimeSpan?>(), Arg.Any<TimeSpan?>()).Returns(TimeSpan.FromSeconds(5));
        reader.Duration("poll_idle", Arg.Any<TimeSpan?>(), Arg.Any<TimeSpan?>()).Returns(TimeSpan.FromMinutes(1));
        reader.Duration("auth_retry", Arg.Any<TimeSpan?>(), Arg.Any<TimeSpan?>()).Returns(TimeSpan.FromMinutes(10));

        var settings = (PrusaSettings)new PrusaPrinterType().BindSettings(reader);

        Assert.Equal(new PrusaSettings("pi-admin", null, "key", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)), settings);
        Assert.True(settings.UsesApiKey);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("pw", "key")]
    public void BindSettings_NotExactlyOneSecret_ReportsProblem(string? password, string? apiKey)
    {
        var reader = NullReader();
        reader.String("password").Returns(password);
        reader.String("api_key").Returns(apiKey);

        new PrusaPrinterType().BindSettings(reader);

        reader.Received(1).Problem("password", Arg.Is<string>(m => m.Contains("exactly one", StringComparison.Ordinal)));
    }

    [Fact]
    public void ToString_Settings_NeverShowsSecrets()
    {
        var text = new PrusaSettings("maker", "hunter2", null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)).ToString()
            + new PrusaSettings("maker", null, "key-xyz", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("key-xyz", text, StringComparison.Ordinal);
    }

    // NSubstitute answers "" for strings; the real reader answers null for an absent key.
    private static IPrinterSettingsReader NullReader()
    {
        var reader = Substitute.For<IPrinterSettingsReader>();
        reader.String(Arg.Any<string>(), Arg.Any<bool>()).Returns((string?)null);
        return reader;
    }

    [Theory]
    [InlineData("prusa-mk4", "MK4")]
    [InlineData("prusa-mk4s", "MK4S")]
    [InlineData("prusa-mk35", "MK3.5")]
    [InlineData("prusa-mini", "MINI")]
    [InlineData("Prusa-Core-One", "Core One")]
    [InlineData("workshop", null)]
    public void FromHostname_DefaultHostnames_GiveModel(string hostname, string? model)
    {
        Assert.Equal(model, PrusaModelResolver.FromHostname(hostname));
    }

    [Fact]
    public void Resolve_ConfiguredModel_Wins()
    {
        var version = new PrusaServerVersion(PrusaServerKind.Buddy, "2.0.0", null, "PrusaLink", null, null, "prusa-mk4", null, true);

        Assert.Equal("MK4S", PrusaModelResolver.Resolve("MK4S", version, null));
    }
}
