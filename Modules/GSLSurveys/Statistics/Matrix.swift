/// A small dense matrix (row-major) for the contingency tests' design-effect matrix.
struct Matrix: Equatable {
    let rows: Int
    let columns: Int
    var values: [Double]

    init(rows: Int, columns: Int, values: [Double]? = nil) {
        self.rows = rows
        self.columns = columns
        self.values = values ?? Array(repeating: 0, count: rows * columns)
    }

    subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    static func * (a: Matrix, b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a[i, k]
                if aik == 0 { continue }
                for j in 0..<b.columns { c[i, j] += aik * b[k, j] }
            }
        }
        return c
    }

    var trace: Double { (0..<min(rows, columns)).reduce(0) { $0 + self[$1, $1] } }

    /// Solves `self · X = b` by Gaussian elimination with partial pivoting; nil when singular.
    func solve(_ b: Matrix) -> Matrix? {
        precondition(rows == columns && b.rows == rows)
        var a = self
        var x = b
        let n = rows
        for col in 0..<n {
            var pivot = col
            for r in col + 1..<n where abs(a[r, col]) > abs(a[pivot, col]) { pivot = r }
            guard abs(a[pivot, col]) > 1e-300 else { return nil }
            if pivot != col {
                for j in 0..<n { (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]) }
                for j in 0..<x.columns { (x[col, j], x[pivot, j]) = (x[pivot, j], x[col, j]) }
            }
            for r in 0..<n where r != col {
                let f = a[r, col] / a[col, col]
                if f == 0 { continue }
                for j in col..<n { a[r, j] -= f * a[col, j] }
                for j in 0..<x.columns { x[r, j] -= f * x[col, j] }
            }
        }
        for r in 0..<n {
            let d = a[r, r]
            for j in 0..<x.columns { x[r, j] /= d }
        }
        return x
    }
}
