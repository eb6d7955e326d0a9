using System.Net;
using Hub.Testing.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Hub.Web.Tests.Common;

/// <summary>What ./hub run does on a fresh checkout: a new embedded cluster, migrations, hub_app's login, demo data, served.</summary>
public sealed class EmbeddedStartTests
{
    private sealed class FreshEmbeddedHub(string home) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("HUB_HOME", home);
            builder.UseSetting("Hub:Cookies:AllowHttp", "true");
            builder.UseSetting("Hub:Demo:ReferenceData", "");
        }
    }

    [Fact]
    public async Task FreshHome_StartsItsOwnClusterMigratesAndServesAsHubApp()
    {
        var home = Path.Combine(Path.GetTempPath(), "ikzhub-fresh-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101);
        try
        {
            await using (var hub = new FreshEmbeddedHub(home))
            {
                var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
                var signIn = await HubWebFactory.PostFormAsync(client, "/anmelden", "/anmelden",
                    new() { ["Email"] = "editor@viernheim.demo", ["Password"] = HubWebFactory.DemoPassword });
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.True(File.Exists(Path.Combine(home, "app-password")));
            }

            // Started again on the same folder: the cluster and hub_app's login are reused.
            await using var again = new FreshEmbeddedHub(home);
            Assert.Equal(HttpStatusCode.OK, (await again.CreateClient().GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
