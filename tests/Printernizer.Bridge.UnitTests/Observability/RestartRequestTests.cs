using System.Text;
using Printernizer.Bridge.Observability;

namespace Printernizer.Bridge.UnitTests.Observability;

public sealed class RestartRequestTests
{
    [Theory]
    [InlineData("x1c", "x1c", null)]
    [InlineData("  mk4\n", "mk4", null)]
    [InlineData("{\"printer\": \"x1c\", \"transaction\": \"t-1\"}", "x1c", "t-1")]
    [InlineData("{\"printer\": \"x1c\", \"transaction\": 17}", "x1c", "17")]
    public void Parse_ValidRequest_NamesPrinterAndTransaction(string payload, string printer, string? transaction)
    {
        var request = RestartRequest.Parse(Encoding.UTF8.GetBytes(payload));

        Assert.Equal((printer, transaction, (string?)null), (request.PrinterId, request.Transaction, request.Error));
    }

    [Theory]
    [InlineData("{\"transaction\": \"t-2\"}", "missing \"printer\"")]
    [InlineData("{\"printer\": ", "invalid JSON")]
    [InlineData("{\"printer\": [1]}", "missing \"printer\"")]
    [InlineData("   ", "expected a printer id")]
    public void Parse_InvalidRequest_HasAnError(string payload, string error)
    {
        var request = RestartRequest.Parse(Encoding.UTF8.GetBytes(payload));

        Assert.Null(request.PrinterId);
        Assert.StartsWith(error, request.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OversizedPayload_IsRefusedBeforeParsing()
    {
        var request = RestartRequest.Parse(new byte[4096]);

        Assert.Equal("request payload too large (4096 bytes)", request.Error);
    }
}
