/// Autonomous systems of hosting, cloud, VPS and proxy providers (datacenter traffic).
/// Reference data (who the clouds and hosts are), not fitted to any source; a source's own
/// hosting share is still read relative to the population's (`PopulationBaseline.hostingShare`).
/// An ASN is matched however a log writes it: `AS16509`, `as16509`, `16509`, `AS 16509` or
/// `ASN16509`.
public enum HostingASNs {
    /// Autonomous system numbers, each with its operator.
    static let numbers: Set<UInt32> = [
        // Clouds.
        16509, 14618, 8987,  // Amazon
        15169, 396982,  // Google
        8075,  // Microsoft
        31898,  // Oracle
        36351,  // IBM Cloud (SoftLayer)
        45102, 37963,  // Alibaba
        132203, 45090,  // Tencent
        55967,  // Baidu
        13335,  // Cloudflare
        20940,  // Akamai
        54825,  // Equinix Metal (Packet)
        // VPS and dedicated hosting.
        14061,  // DigitalOcean
        16276,  // OVH
        24940, 213230,  // Hetzner
        63949,  // Linode (Akamai)
        20473,  // Vultr (Choopa)
        51167, 40021,  // Contabo
        12876,  // Scaleway
        60781, 28753, 16265, 30633,  // Leaseweb
        49981,  // WorldStream
        43350,  // NForce
        50673,  // Serverius
        9123,  // Timeweb
        49505,  // Selectel
        199524,  // G-Core Labs
        47583,  // Hostinger
        53667,  // FranTech (BuyVM)
        40676,  // Psychz
        26496,  // GoDaddy
        22612,  // Namecheap
        8560,  // IONOS
        7979,  // Servers.com
        21859,  // Zenlayer
        8849,  // Melbicom
        35916,  // MultaCom
        29802,  // Hivelocity
        32097,  // WholeSale Internet
        13213,  // UK2
        20860,  // Iomart
        15003,  // Nobis (Ubiquity)
        25820,  // IT7 Networks
        46844,  // Sharktech
        23470,  // ReliableSite
        24961,  // myLoc
        34989,  // ServeTheWorld
        200019,  // AlexHost
        19318,  // Interserver
        54290,  // Hostwinds
        36352,  // ColoCrossing
        8100,  // QuadraNet
        397423,  // Tier.Net
        46606,  // Unified Layer
        62240,  // Clouvider
        174,  // Cogent
        // Proxy, VPN and bulletproof hosting.
        9009,  // M247
        212238, 60068,  // Datacamp (CDN77)
        202425,  // IP Volume
        51852,  // Private Layer
        44477,  // Stark Industries
        210644,  // Aeza
        200593,  // Prospero
        14956,  // RouterHosting (Cloudzy)
        63023,  // GTHost
        36007, 204287,  // Kamatera
        396356,  // Latitude.sh (Maxihost)
        209854,  // Surfshark (Cyberzone)
        136787, 147049,  // NordVPN (Tefincom, PacketHub)
        39351,  // Mullvad (31173 Services)
    ]

    /// True for a hosting / cloud / proxy ASN.
    public static func contains(_ asn: String) -> Bool {
        number(asn).map(numbers.contains) ?? false
    }

    /// The number of an ASN as logs write it (`AS16509`, `as16509`, `16509`, ` AS 16509 `,
    /// `ASN16509`), or nil when it is not one.
    public static func number(_ asn: String) -> UInt32? {
        var digits = Substring(asn).drop { $0 == " " || $0 == "\t" }
        if let a = digits.first, let s = digits.dropFirst().first, a == "A" || a == "a", s == "S" || s == "s" {
            digits = digits.dropFirst(2)
            if let n = digits.first, n == "N" || n == "n" { digits = digits.dropFirst() }
            digits = digits.drop { $0 == " " || $0 == "\t" }
        }
        while let last = digits.last, last == " " || last == "\t" { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt32(digits)
    }
}
