using System.Net;
using System.Net.Sockets;

namespace Hub.Web.Accounts;

/// <summary>
/// The source address the sign-in limits count: the connection's, or the one a configured proxy forwarded. An IPv6
/// client counts as its /64 (one host usually holds a whole /64, so single addresses would be unlimited sources).
/// </summary>
public static class SignInSource
{
    public static string Of(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress;
        if (ip is null)
            return "unknown";
        if (ip.IsIPv4MappedToIPv6)
            return ip.MapToIPv4().ToString();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
            return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>429 for a source with too many failures across accounts; Retry-After is the window's length.</summary>
    public static void Refuse(HttpContext context, Hub.Core.Accounts.SignInPolicy policy)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)policy.LockoutDuration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
