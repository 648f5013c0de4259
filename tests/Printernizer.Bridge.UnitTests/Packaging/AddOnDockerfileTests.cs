using Printernizer.Bridge.Hosting;

namespace Printernizer.Bridge.UnitTests.Packaging;

/// <summary><c>addon/Dockerfile</c>: built by the Supervisor from build.yaml's image, started in add-on mode.</summary>
public sealed class AddOnDockerfileTests
{
    private static readonly List<DockerfileInstruction> Instructions = DockerfileInstruction.Parse(RepositoryFiles.Read("addon", "Dockerfile"));

    [Fact]
    public void Dockerfile_BuildsFromTheImageTheSupervisorPasses()
    {
        Assert.Contains(Instructions, i => i.Keyword == "ARG" && i.Arguments == "BUILD_FROM" && i.Stage == 0);
        Assert.Equal("$BUILD_FROM", Assert.Single(Instructions, i => i.Keyword == "FROM").Arguments);
    }

    [Fact]
    public void Dockerfile_StartsTheBridgeInAddOnMode()
    {
        var entryPoint = Assert.Single(Instructions, i => i.Keyword == "ENTRYPOINT").ExecForm();

        Assert.Equal(["dotnet", "/app/Printernizer.Bridge.dll"], entryPoint.Take(2));
        var options = CommandLineOptions.Parse([.. entryPoint.Skip(2)], out var error);
        Assert.Null(error);
        Assert.True(options.HaAddOn);
        Assert.Empty(Assert.Single(Instructions, i => i.Keyword == "CMD").ExecForm());
    }

    [Fact]
    public void Dockerfile_CanWriteTheSupervisorsDataVolumeAndDropsTheInheritedHealthCheck()
    {
        Assert.Equal("root", Assert.Single(Instructions, i => i.Keyword == "USER").Arguments);
        Assert.Equal("NONE", Assert.Single(Instructions, i => i.Keyword == "HEALTHCHECK").Arguments);
    }
}
