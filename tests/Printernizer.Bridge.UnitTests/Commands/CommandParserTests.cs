using System.Text;
using Printernizer.Bridge.Commands;
using Printernizer.Bridge.Domain;

namespace Printernizer.Bridge.UnitTests.Commands;

public sealed class CommandParserTests
{
    private static CommandRequest Parse(string text) => CommandParser.Parse(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("cancel", "Cancel")]
    [InlineData("PAUSE", "Pause")]
    [InlineData(" resume \n", "Resume")]
    [InlineData("{\"command\": \"cancel\"}", "Cancel")]
    public void Parse_KnownCommand_Recognized(string payload, string expected)
    {
        var request = Parse(payload);

        Assert.Equal(Enum.Parse<PrinterCommand>(expected), request.Command);
        Assert.Null(request.Error);
    }

    [Fact]
    public void Parse_JsonWithTransaction_KeepsTransaction()
    {
        var request = Parse("{\"command\": \"pause\", \"transaction\": \"abc\"}");

        Assert.Equal("abc", request.Transaction);
        Assert.Equal("pause", request.Word);
    }

    [Theory]
    [InlineData("launch", "unknown command 'launch'")]
    [InlineData("{\"command\": 5}", "missing \"command\"")]
    [InlineData("{oops", "invalid JSON")]
    public void Parse_Invalid_ErrorSaysWhy(string payload, string expected)
    {
        var request = Parse(payload);

        Assert.Null(request.Command);
        Assert.Contains(expected, request.Error);
    }

    [Fact]
    public void Parse_HugePayload_Refused()
    {
        var request = CommandParser.Parse(new byte[100_000]);

        Assert.Contains("too large", request.Error);
    }
}
