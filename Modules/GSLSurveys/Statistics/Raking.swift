import GSLCore

/// Raking (iterative proportional fitting, Deming & Stephan 1940) of respondent weights to known
/// margins, with optional trimming of extreme weights and re-raking.
public struct Raking: Sendable {
    /// One margin: each respondent's category and the population total of every category.
    public struct Margin: Sendable, Equatable {
        /// What the margin is over (a question id or a store field), for messages.
        public var name: String
        /// The category labels, in order.
        public var labels: [String]
        /// Each respondent's category index into `labels`.
        public var categories: [Int]
        /// The target total of each category.
        public var targets: [Double]

        /// A margin.
        public init(name: String, labels: [String], categories: [Int], targets: [Double]) {
            self.name = name
            self.labels = labels
            self.categories = categories
            self.targets = targets
        }
    }

    /// Bounds on weights relative to their mean (e.g. 0.3 and 3): weights beyond are cut to them.
    public struct Trim: Sendable, Equatable {
        /// Lowest weight / mean weight.
        public var lower: Double
        /// Highest weight / mean weight.
        public var upper: Double

        /// Trimming bounds.
        public init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
        }
    }

    /// What raking produced.
    public struct Result: Sendable, Equatable {
        /// One weight per respondent.
        public var weights: [Double]
        /// Sweeps over all margins, summed over trimming rounds.
        public var iterations: Int
        /// Weights that were cut in the last trimming round.
        public var trimmed: Int
        /// Largest relative gap between a weighted margin and its target at the end.
        public var maxRelativeGap: Double
        /// Kish's design effect of the weights.
        public var designEffect: Double
        /// The effective sample size.
        public var effectiveN: Double
    }

    /// The margins.
    public var margins: [Margin]
    /// Starting weights (nil: 1 each).
    public var baseWeights: [Double]?
    /// Trimming, if any.
    public var trim: Trim?
    /// Stop when every margin is within this relative gap of its target.
    public var tolerance: Double
    /// Give up after this many sweeps (per round).
    public var maxIterations: Int

    /// A raking problem.
    public init(
        margins: [Margin], baseWeights: [Double]? = nil, trim: Trim? = nil, tolerance: Double = 1e-10,
        maxIterations: Int = 1000
    ) {
        self.margins = margins
        self.baseWeights = baseWeights
        self.trim = trim
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// Checks the margins: every margin must add up to the same total, no target negative, every
    /// category with a positive target must have respondents.
    public func validate() throws(GSLError) {
        guard let first = margins.first else {
            throw GSLError.usage("没有给出边际分布", en: "no margins given").because(.surveysMarginInvalid)
        }
        let total = first.targets.reduce(0, +)
        for margin in margins {
            let sum = margin.targets.reduce(0, +)
            if let bad = margin.targets.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
                throw GSLError.data(
                    "边际“\(margin.name)”中“\(margin.labels[bad])”的目标值无效：\(margin.targets[bad])",
                    en:
                        "margin \"\(margin.name)\": the target of \"\(margin.labels[bad])\" is invalid: \(margin.targets[bad])"
                ).because(.surveysMarginInvalid)
            }
            if abs(sum - total) > 1e-9 * max(1, abs(total)) {
                throw GSLError.data(
                    "边际“\(margin.name)”合计 \(Self.show(sum))，与边际“\(first.name)”的合计 \(Self.show(total)) 不一致",
                    en:
                        "margin \"\(margin.name)\" adds up to \(Self.show(sum)), margin \"\(first.name)\" to \(Self.show(total))"
                ).because(.surveysMarginInvalid)
            }
            var present = Array(repeating: false, count: margin.labels.count)
            for c in margin.categories { present[c] = true }
            if let empty = margin.targets.indices.first(where: { margin.targets[$0] > 0 && !present[$0] }) {
                throw GSLError.data(
                    "边际“\(margin.name)”的类别“\(margin.labels[empty])”没有受访者，无法加权到目标 \(Self.show(margin.targets[empty]))",
                    en:
                        "margin \"\(margin.name)\": category \"\(margin.labels[empty])\" has no respondents to weight to \(Self.show(margin.targets[empty]))"
                ).because(.surveysMarginInvalid)
            }
        }
    }

    static func show(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    /// Rakes; throws when the margins are invalid or the sweeps do not converge.
    public func run() throws(GSLError) -> Result {
        try validate()
        let n = margins[0].categories.count
        var w = baseWeights ?? Array(repeating: 1, count: n)
        var iterations = 0
        var trimmedCount = 0
        var gap = try rake(&w, iterations: &iterations)
        if let trim {
            // Cut, rake again, until no weight is beyond the bounds after raking (at most 100 rounds).
            var settled = false
            for _ in 0..<100 {
                let mean = w.reduce(0, +) / Double(n)
                let lo = trim.lower * mean
                let hi = trim.upper * mean
                var cut = 0
                for i in 0..<n {
                    if w[i] < lo * (1 - 1e-12) {
                        w[i] = lo
                        cut += 1
                    } else if w[i] > hi * (1 + 1e-12) {
                        w[i] = hi
                        cut += 1
                    }
                }
                if cut == 0 {
                    settled = true
                    break
                }
                trimmedCount = cut
                gap = try rake(&w, iterations: &iterations)
            }
            if !settled {
                throw GSLError.data(
                    "修剪界限（\(trim.lower)–\(trim.upper) 倍平均权数）与边际无法同时满足：请放宽界限",
                    en:
                        "the trimming bounds (\(trim.lower)–\(trim.upper) × the mean weight) and the margins cannot both be met: widen the bounds"
                ).because(.surveysRakingDiverged)
            }
        }
        let kish = Estimators.kish(w)
        return Result(
            weights: w, iterations: iterations, trimmed: trimmedCount, maxRelativeGap: gap,
            designEffect: kish.designEffect, effectiveN: kish.effectiveN)
    }

    /// Sweeps until converged; returns the final largest relative gap.
    private func rake(_ w: inout [Double], iterations: inout Int) throws(GSLError) -> Double {
        var totals: [[Double]] = margins.map { Array(repeating: 0, count: $0.targets.count) }
        func gapNow() -> Double {
            var worst = 0.0
            for (m, margin) in margins.enumerated() {
                for k in totals[m].indices { totals[m][k] = 0 }
                for (i, c) in margin.categories.enumerated() { totals[m][c] += w[i] }
                for (k, target) in margin.targets.enumerated() {
                    let g = target > 0 ? abs(totals[m][k] - target) / target : abs(totals[m][k])
                    worst = max(worst, g)
                }
            }
            return worst
        }
        for _ in 0..<maxIterations {
            for (m, margin) in margins.enumerated() {
                for k in totals[m].indices { totals[m][k] = 0 }
                for (i, c) in margin.categories.enumerated() { totals[m][c] += w[i] }
                let factors = margin.targets.indices.map { k in
                    totals[m][k] > 0 ? margin.targets[k] / totals[m][k] : 0
                }
                for (i, c) in margin.categories.enumerated() { w[i] *= factors[c] }
            }
            iterations += 1
            let gap = gapNow()
            if gap < tolerance { return gap }
        }
        let gap = gapNow()
        throw GSLError.data(
            "加权（迭代比例拟合）在 \(maxIterations) 轮后仍未收敛（最大相对偏差 \(gap)）：边际可能互相矛盾或类别过细",
            en:
                "raking did not converge after \(maxIterations) sweeps (largest relative gap \(gap)): the margins may contradict each other or the categories be too fine"
        ).because(.surveysRakingDiverged)
    }
}
