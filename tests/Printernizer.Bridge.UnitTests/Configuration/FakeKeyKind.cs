namespace Printernizer.Bridge.UnitTests.Configuration;

internal enum FakeKeyKind
{
    String,
    Bool,
    Int,
    Duration,
}
