/// Random bytes for keys (bundle signing seeds, snapshot MAC keys), from the system's
/// cryptographically secure generator (`getrandom` on Linux), with no buffer pointers.
enum SecureRandom {
    /// `count` random bytes.
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
