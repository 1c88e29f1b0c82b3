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
        var tridiagonal = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for i in 0..<m {
            tridiagonal[i][i] = alpha[i]
            if i + 1 < m {
                tridiagonal[i][i + 1] = beta[i]
                tridiagonal[i + 1][i] = beta[i]
            }
        }
        let (values, vectors) = SymmetricEigen.decompose(tridiagonal)
        let ranked = (0..<m).sorted { values[$0] > values[$1] }
        return ranked.prefix(2).map { column in
            var ritz = [Double](repeating: 0, count: count)
            for k in 0..<m where vectors[k][column] != 0 {
                let weight = vectors[k][column]
                for i in 0..<count { ritz[i] += weight * basis[k][i] }
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

/// Eigenvalues and eigenvectors of a small dense symmetric matrix by cyclic Jacobi rotations.
enum SymmetricEigen {
    /// (eigenvalues, eigenvectors as the columns of a matrix given row by row).
    /// - Complexity: O(n³) per sweep, a handful of sweeps.
    static func decompose(_ matrix: [[Double]]) -> ([Double], [[Double]]) {
        let n = matrix.count
        var a = matrix
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<60 {
            var off = 0.0
            for p in 0..<n { for q in (p + 1)..<max(p + 1, n) { off += a[p][q] * a[p][q] } }
            if off < 1e-22 { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where abs(a[p][q]) > 1e-300 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0][$0] }, v)
    }
}
