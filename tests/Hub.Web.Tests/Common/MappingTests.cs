using AutoMapper;
using Hub.Testing.Web;
using Hub.Web.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests.Common;

public sealed class MappingTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public void AutoMapper_Configuration_IsValid()
    {
        var mapper = app.Services.GetRequiredService<IMapper>();

        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("eyJ-test-key", "eyJ-test-key")]
    public void AddHubMapping_LicenseKeySetting_ReachesAutoMapperOnlyWhenSet(string? setting, string? expected)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new("Hub:AutoMapper:LicenseKey", setting)])
            .Build();
        using var services = new ServiceCollection().AddLogging().AddHubMapping(config).BuildServiceProvider();

        var mapper = services.GetRequiredService<IMapper>();

        Assert.Equal(expected, ((AutoMapper.Internal.IGlobalConfiguration)mapper.ConfigurationProvider).LicenseKey);
    }
}
