#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws the `mixed` scenario needs beyond `SeededRandom`'s own: normal, log-normal,
/// exponential and weighted picks.
extension SeededRandom {
    /// A standard normal draw (Box-Muller).
    mutating func normal() -> Double {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let v = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// A log-normal draw with the given median and spread (sigma of the log).
    mutating func logNormal(median: Double, sigma: Double) -> Double { median * exp(sigma * normal()) }

    /// An exponential draw with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -log(Double.random(in: Double.ulpOfOne..<1, using: &self)) * mean
    }

    /// One of `items`, each as likely as its weight.
    mutating func weighted<T>(_ items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var x = Double.random(in: 0..<total, using: &self)
        for (item, weight) in items {
            if x < weight { return item }
            x -= weight
        }
        return items[items.count - 1].0
    }
}
