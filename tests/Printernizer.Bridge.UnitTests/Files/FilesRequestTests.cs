using System.Text;
using Printernizer.Bridge.Files;

namespace Printernizer.Bridge.UnitTests.Files;

public sealed class FilesRequestTests
{
    [Fact]
    public void Parse_ListWithTransaction_Accepted()
    {
        var request = FilesRequest.Parse(Encoding.UTF8.GetBytes("""{"action":"LIST","path":"/cache","transaction":"t1"}"""));

        Assert.Null(request.Error);
        Assert.Equal("list", request.Action);
        Assert.Equal("/cache", request.Path);
        Assert.Equal("t1", request.Transaction);
    }

    [Theory]
    [InlineData("""{"action":"download","path":"/"}""", "download needs the path of a file")]
    [InlineData("""{"action":"delete","path":"/a"}""", "action must be 'list' or 'download'")]
    [InlineData("not json", "the request is not valid JSON")]
    [InlineData("[1]", "expected a JSON object with action, path and transaction")]
    public void Parse_Unusable_ExplainsWhy(string payload, string error) =>
        Assert.Equal(error, FilesRequest.Parse(Encoding.UTF8.GetBytes(payload)).Error);
}
