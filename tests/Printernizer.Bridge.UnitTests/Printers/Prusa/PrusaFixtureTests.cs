namespace Printernizer.Bridge.UnitTests.Printers.Prusa;

public sealed class PrusaFixtureTests
{
    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(PrusaFixtures.Directory, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Read_EveryCapture_GivesItsKnownValues(string file)
    {
        var expectations = PrusaV1FixtureExpectations.All.Concat(PrusaLegacyFixtureExpectations.All).ToDictionary();

        // A capture without expectations fails here, so new fixtures cannot slip by untested.
        Assert.True(expectations.TryGetValue(file, out var check), $"no expectation for {file}");
        check(PrusaFixtures.Read(file));
    }

    [Fact]
    public void FixtureFiles_Folder_HoldsTheCapturesThisSuiteKnows()
    {
        Assert.Equal(34, FixtureFiles().Count);
    }
}
