using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Crawling;

/// <summary>
/// Keeps the crawler off loopback, private, link-local and cloud-metadata addresses. The connect callback resolves the
/// host itself, checks every address and connects to the checked ones, so DNS cannot answer differently in between.
/// </summary>
public sealed class AddressGuard(IOptions<CrawlerOptions> options)
{
    private static readonly (IPAddress Network, int Prefix)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.0.2.0"), 24), (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15), (IPAddress.Parse("198.51.100.0"), 24), (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Prefix)[] BlockedV6 =
    [
        (IPAddress.IPv6None, 128), (IPAddress.IPv6Loopback, 128), (IPAddress.Parse("fc00::"), 7), (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10), (IPAddress.Parse("ff00::"), 8), (IPAddress.Parse("2001:db8::"), 32), (IPAddress.Parse("64:ff9b:1::"), 48),
    ];

    public bool AllowPrivateNetworks => options.Value.AllowPrivateNetworks;

    /// <summary>Resolves a host name (or parses a literal) into addresses: the system resolver unless a test swaps it.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; init; } = Dns.GetHostAddressesAsync;

    /// <summary>True for addresses on the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? BlockedV4 : BlockedV6;
        return !ranges.Any(range => InRange(address, range.Network, range.Prefix));
    }

    /// <summary>The addresses of <paramref name="host"/> the crawler may connect to; throws when any of them is refused.</summary>
    public async Task<IPAddress[]> CheckAsync(string host, CancellationToken cancellationToken)
    {
        var literal = host.Trim('[', ']');
        var addresses = IPAddress.TryParse(literal, out var parsed) ? [parsed] : await Resolve(literal, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (!AllowPrivateNetworks && addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused)
        {
            throw new BlockedAddressException(host, refused);
        }

        return addresses;
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>: connect only to addresses that passed the check.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await CheckAsync(endpoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var full = prefix / 8;
        if (!a.AsSpan(0, full).SequenceEqual(n.AsSpan(0, full)))
        {
            return false;
        }

        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (a[full] & mask) == (n[full] & mask);
    }
}

/// <summary>The guard refused a target address; never retried.</summary>
public sealed class BlockedAddressException(string host, IPAddress address)
    : Exception($"{host} resolves to {address}, which is not a public address (set Crawler:AllowPrivateNetworks=true to allow it)")
{
    public IPAddress Address { get; } = address;
}
