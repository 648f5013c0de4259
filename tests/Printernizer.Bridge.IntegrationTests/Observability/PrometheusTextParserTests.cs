namespace Printernizer.Bridge.IntegrationTests.Observability;

/// <summary>The test parser must refuse what Prometheus would refuse, or the /metrics test proves nothing.</summary>
public sealed class PrometheusTextParserTests
{
    [Fact]
    public void Parse_WellFormedExposition_ReadsFamiliesAndLabels()
    {
        var families = PrometheusTextParser.Parse(
            "# HELP a_total Things.\n# TYPE a_total counter\na_total{printer=\"x\\\"1\",type=\"fake\"} 3\n"
            + "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1.5\nh_count 2\n# TYPE g gauge\ng NaN\n");

        Assert.Equal("x\"1", families["a_total"].Samples.Single().Label("printer"));
        Assert.Equal(4, families["h"].Samples.Count);
        Assert.True(double.IsNaN(families["g"].Samples.Single().Value));
    }

    [Theory]
    [InlineData("a 1")]
    [InlineData("a{b=\"1\"} one\n")]
    [InlineData("a{b=1} 1\n")]
    [InlineData("# TYPE a counter\n# TYPE a counter\na 1\n")]
    [InlineData("# TYPE a countr\na 1\n")]
    [InlineData("# TYPE a gauge\na 1\na 2\n")]
    [InlineData("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x=\"y\"} 1\n")]
    [InlineData("# TYPE a gauge\na{x=\"1\",x=\"2\"} 1\n")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")]
    [InlineData("# TYPE 1a gauge\n1a 1\n")]
    public void Parse_Malformed_Throws(string text)
    {
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse(text));
    }
}
