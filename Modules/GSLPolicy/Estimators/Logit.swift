import Foundation
import GSLCore

/// Logistic regression by Newton–Raphson (iteratively reweighted least squares): the propensity
/// model. Stops when no coefficient moves by more than `1e-10 · (1 + |β|)`; a model that has not
/// converged in 100 steps, or that separates the groups (a fitted probability within 1e-10 of 0 or
/// 1 for every firm of a group, or a coefficient beyond ±50), is an error, not a result.
public struct Logit: Sendable {
    /// The coefficients: `const` then the covariates, with standard errors from the inverse
    /// information matrix.
    public let coefficients: [Coefficient]
    /// Newton steps taken.
    public let iterations: Int
    /// The log-likelihood at the estimate.
    public let logLikelihood: Double
    /// The fitted probabilities, one per row.
    public let fitted: [Double]

    /// Fits `y` (0/1) on an intercept and `x` (rows of covariates named `names`).
    public init(y: [Double], x: [[Double]], names: [String]) throws(GSLError) {
        let n = y.count, k = names.count + 1
        guard n > k, y.contains(1), y.contains(0) else {
            throw GSLError.data(
                "倾向得分模型的样本太少或只有一组", en: "too few firms or only one group for the propensity model"
            )
            .because(.policyInsufficientData)
        }
        let rows = x.map { [1.0] + $0 }
        var beta = [Double](repeating: 0, count: k)
        var p = [Double](repeating: 0.5, count: n)
        func refit() {
            for i in 0..<n {
                var eta = 0.0
                for a in 0..<k { eta += rows[i][a] * beta[a] }
                p[i] = 1 / (1 + exp(-eta))
            }
        }
        func notConverged(_ why: Message) -> GSLError {
            GSLError.data(
                "倾向得分模型（logit）不收敛：\(why.zh)", en: "the propensity model (logit) does not converge: \(why.en)"
            )
            .because(.policyLogitNotConverged)
        }
        var information = [Double](repeating: 0, count: k * k)
        var steps = 0
        var converged = false
        while steps < 100 {
            steps += 1
            var score = [Double](repeating: 0, count: k)
            for a in information.indices { information[a] = 0 }
            for i in 0..<n {
                let w = p[i] * (1 - p[i]), r = y[i] - p[i]
                for a in 0..<k {
                    score[a] += rows[i][a] * r
                    for b in 0..<k { information[a * k + b] += w * rows[i][a] * rows[i][b] }
                }
            }
            guard let l = SymmetricSolve.cholesky(information, n: k) else {
                throw notConverged(
                    Message(
                        "信息矩阵奇异（协变量共线或完全分离）",
                        en: "singular information matrix (collinear covariates or separation)"))
            }
            let step = SymmetricSolve.solve(factor: l, n: k, score)
            var largest = 0.0
            for a in 0..<k {
                beta[a] += step[a]
                largest = max(largest, abs(step[a]) / (1 + abs(beta[a])))
            }
            guard beta.allSatisfy({ $0.isFinite && abs($0) < 50 }) else {
                throw notConverged(
                    Message(
                        "系数发散（处理组与对照组被协变量完全分离）",
                        en: "coefficients diverge (the covariates separate the groups)"))
            }
            refit()
            if largest <= 1e-10 {
                converged = true
                break
            }
        }
        guard converged else {
            throw notConverged(Message("100 次迭代后仍未收敛", en: "no convergence after 100 iterations"))
        }
        let treatedExtreme = (0..<n).filter { y[$0] == 1 }.allSatisfy { p[$0] > 1 - 1e-10 }
        let controlExtreme = (0..<n).filter { y[$0] == 0 }.allSatisfy { p[$0] < 1e-10 }
        if treatedExtreme || controlExtreme {
            throw notConverged(
                Message("拟合概率为 0 或 1（完全分离）", en: "fitted probabilities of 0 or 1 (separation)"))
        }
        // Information at the final estimate for the standard errors.
        for a in information.indices { information[a] = 0 }
        var ll = 0.0
        for i in 0..<n {
            let w = p[i] * (1 - p[i])
            ll += y[i] == 1 ? log(p[i]) : log(1 - p[i])
            for a in 0..<k { for b in 0..<k { information[a * k + b] += w * rows[i][a] * rows[i][b] } }
        }
        guard let inverse = SymmetricSolve.inverse(information, n: k) else {
            throw notConverged(Message("信息矩阵奇异", en: "singular information matrix"))
        }
        let terms = ["const"] + names
        coefficients = (0..<k).map {
            Coefficient(term: terms[$0], estimate: beta[$0], standardError: inverse[$0 * k + $0].squareRoot())
        }
        iterations = steps
        logLikelihood = ll
        fitted = p
    }
}
