import ByteCore

/// Approximations of a linked group's slowest modes for `SparseCut`: the two leading
/// eigenvectors of its normalised adjacency D^-½ A D^-½ once the first (√degree) is projected
/// out, by Lanczos iteration with full reorthogonalisation. A sparse cut shows as a mode whose
/// eigenvalue is close to 1, often beside other close ones (a long chain's slow mode); Lanczos
/// separates close eigenvalues in tens of steps where power iteration needs thousands.
enum FiedlerVectors {
    /// Lanczos steps at most (fewer for small groups).
    static let steps = 60

    /// The group's graph in compressed rows (`start`, `neighbours` in local numbers) with its
    /// degrees; the start vector is fixed by the accounts' numbers, so the result is too.
    static func leading(accounts: [Int32], start: [Int], neighbours: [Int32], degree: [Double]) -> [[Double]] {
        let count = accounts.count
        let root = degree.map { $0.squareRoot() }
        let rootNorm = root.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let top = root.map { $0 / rootNorm }
        func apply(_ x: [Double]) -> [Double] {
            let scaled = (0..<count).map { x[$0] / root[$0] }
            return (0..<count).map { i in
                var sum = 0.0
                for j in start[i]..<start[i + 1] { sum += scaled[Int(neighbours[j])] }
                return sum / root[i]
            }
        }
        var basis: [[Double]] = []
        var alpha: [Double] = [], beta: [Double] = []
        var q = accounts.map { Double(ByteHash.mix(UInt64(UInt32($0))) >> 11) / Double(1 << 53) - 0.5 }
        project(&q, off: top)
        guard normalise(&q) else { return [] }
        var previous = [Double](repeating: 0, count: count)
        var lastBeta = 0.0
        for _ in 0..<min(steps, count - 1) {
            basis.append(q)
            var w = apply(q)
            for i in 0..<count { w[i] -= lastBeta * previous[i] }
            let a = dot(w, q)
            alpha.append(a)
            for i in 0..<count { w[i] -= a * q[i] }
            for v in basis { project(&w, off: v) }
            project(&w, off: top)
            let b = dot(w, w).squareRoot()
            if b < 1e-9 { break }
            beta.append(b)
            previous = q
            lastBeta = b
            for i in 0..<count { w[i] /= b }
            q = w
        }
        let m = alpha.count
        let ritzVectors = TridiagonalEigen.leading(diagonal: alpha, offDiagonal: Array(beta.prefix(max(0, m - 1))), count: 2)
        return ritzVectors.map { y in
            var ritz = [Double](repeating: 0, count: count)
            for k in 0..<m where y[k] != 0 {
                for i in 0..<count { ritz[i] += y[k] * basis[k][i] }
            }
            return ritz
        }
    }

    static func dot(_ x: [Double], _ y: [Double]) -> Double {
        var sum = 0.0
        for i in x.indices { sum += x[i] * y[i] }
        return sum
    }

    /// Removes from `x` its part along the unit vector `v`.
    static func project(_ x: inout [Double], off v: [Double]) {
        let along = dot(x, v)
        for i in x.indices { x[i] -= along * v[i] }
    }

    /// Scales `x` to unit length; false when it is (nearly) zero.
    static func normalise(_ x: inout [Double]) -> Bool {
        let norm = dot(x, x).squareRoot()
        guard norm > 1e-12 else { return false }
        for i in x.indices { x[i] /= norm }
        return true
    }
}

/// The leading eigenvectors of a symmetric tridiagonal matrix: each eigenvalue by bisection on
/// Sturm counts, each vector by inverse iteration (kept orthogonal to the ones before it).
enum TridiagonalEigen {
    /// Unit eigenvectors of the `count` largest eigenvalues, largest first (fewer if the matrix is smaller).
    /// - Complexity: O(m × (bisection steps + inverse-iteration steps)) per vector.
    static func leading(diagonal a: [Double], offDiagonal b: [Double], count: Int) -> [[Double]] {
        let m = a.count
        guard m > 0 else { return [] }
        // Gershgorin bounds hold every eigenvalue.
        var low = Double.infinity, high = -Double.infinity
        for i in 0..<m {
            let radius = (i > 0 ? abs(b[i - 1]) : 0) + (i + 1 < m ? abs(b[i]) : 0)
            low = min(low, a[i] - radius)
            high = max(high, a[i] + radius)
        }
        var vectors: [[Double]] = []
        for k in 0..<min(count, m) {
            // The (k+1)-th largest: the least x with at most k eigenvalues at or above it.
            var lo = low, hi = high
            for _ in 0..<64 {
                let mid = (lo + hi) / 2
                if m - below(mid, a, b) > k { lo = mid } else { hi = mid }
            }
            vectors.append(inverseIteration(eigenvalue: lo, a, b, orthogonalTo: vectors, spread: high - low))
        }
        return vectors
    }

    /// Eigenvalues below `x` (Sturm sequence of the LDLᵀ pivots).
    static func below(_ x: Double, _ a: [Double], _ b: [Double]) -> Int {
        var count = 0
        var pivot = 1.0
        for i in a.indices {
            pivot = a[i] - x - (i > 0 ? b[i - 1] * b[i - 1] / pivot : 0)
            if pivot == 0 { pivot = -1e-300 }
            if pivot < 0 { count += 1 }
        }
        return count
    }

    /// A unit vector for `eigenvalue` by three solves of (T − λ·I) y = x, shifted off exact
    /// singularity, each result kept orthogonal to `earlier`. The matrix is factored once, by
    /// Gaussian elimination with partial pivoting (LAPACK's dgttrf and dgttrs).
    static func inverseIteration(eigenvalue: Double, _ a: [Double], _ b: [Double], orthogonalTo earlier: [[Double]], spread: Double) -> [Double] {
        let m = a.count
        let tiny = max(spread, 1) * 1e-14
        var d = a.map { $0 - eigenvalue - max(spread, 1) * 1e-10 }
        var lower = b, upper = b
        var upper2 = [Double](repeating: 0, count: m)
        var swapped = [Bool](repeating: false, count: m)
        for i in 0..<max(0, m - 1) {
            if abs(d[i]) >= abs(lower[i]) {
                if d[i] == 0 { d[i] = tiny }
                let factor = lower[i] / d[i]
                lower[i] = factor
                d[i + 1] -= factor * upper[i]
            } else {
                let factor = d[i] / lower[i]
                d[i] = lower[i]
                lower[i] = factor
                let previous = upper[i]
                upper[i] = d[i + 1]
                d[i + 1] = previous - factor * d[i + 1]
                if i + 2 < m {
                    upper2[i] = upper[i + 1]
                    upper[i + 1] = -factor * upper[i + 1]
                }
                swapped[i] = true
            }
        }
        if d[m - 1] == 0 { d[m - 1] = tiny }
        var x = (0..<m).map { 1 + Double($0 % 7) / 7 }
        for _ in 0..<3 {
            var y = x
            for i in 0..<max(0, m - 1) {
                if swapped[i] {
                    let top = y[i]
                    y[i] = y[i + 1]
                    y[i + 1] = top - lower[i] * y[i]
                } else {
                    y[i + 1] -= lower[i] * y[i]
                }
            }
            for i in stride(from: m - 1, through: 0, by: -1) {
                var value = y[i]
                if i + 1 < m { value -= upper[i] * y[i + 1] }
                if i + 2 < m { value -= upper2[i] * y[i + 2] }
                y[i] = value / d[i]
            }
            for v in earlier { FiedlerVectors.project(&y, off: v) }
            guard FiedlerVectors.normalise(&y) else { break }
            x = y
        }
        return x
    }
}
