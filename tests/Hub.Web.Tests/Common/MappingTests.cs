using AutoMapper;
using Microsoft.Extensions.DependencyInjection;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Common;

public sealed class MappingTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public void AutoMapper_Configuration_IsValid()
    {
        var mapper = app.Services.GetRequiredService<IMapper>();

        mapper.ConfigurationProvider.AssertConfigurationIsValid();
    }
}
