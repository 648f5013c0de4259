using Printernizer.Bridge.Configuration;

namespace Printernizer.Bridge.IntegrationTests.Infrastructure;

internal sealed record FakePrinterSettings : IPrinterSettings;
