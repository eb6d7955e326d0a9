using Hub.Data.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hub.Web.Common;

internal static class Banner
{
    public static void Print(WebApplication app, DatabaseBootstrap bootstrap)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine($"IKZ Hub is ready: {string.Join(", ", addresses)}");
        if (bootstrap.HasDemoData)
        {
            Console.WriteLine($"Demo sign-ins (password {DemoSeeder.Password}):");
            foreach (var (email, who) in DemoSeeder.SignIns)
                Console.WriteLine($"  {email,-28} {who}");
        }

        Console.WriteLine("Stop with Ctrl+C.");
        Console.WriteLine();
    }
}
