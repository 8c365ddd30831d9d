/// 三率 over a set of cases: response (响应率), resolution (解决率) and satisfaction (满意率), plus
/// a weighted composite.
///
/// Definitions (all rates are fractions in 0…1):
/// - The denominator `V` is the number of cases whose callback is present and `valid`. Cases without
///   a callback, or with an invalid one, are counted in `cases` but in no rate.
/// - 响应率 = (valid callbacks with `contacted`) / V.
/// - 解决率 = (valid callbacks with `solved`) / V.
/// - 满意率 = (满意 + credit × 基本满意) / V, credit 0.9 by default; 不满意 and no rating count 0.
/// - composite = w_r × 响应率 + w_s × 解决率 + w_m × 满意率 (default 0.1 / 0.5 / 0.4).
/// When V is 0 every rate and the composite are nil.
public struct ServiceRates: Sendable, Hashable {
    /// Cases considered (with or without a callback).
    public var cases: Int
    /// Cases with a valid callback: the denominator V.
    public var validCallbacks: Int
    /// Valid callbacks where the enterprise was contacted.
    public var contacted: Int
    /// Valid callbacks where the request was solved.
    public var solved: Int
    /// Valid callbacks rated 满意.
    public var satisfied: Int
    /// Valid callbacks rated 基本满意.
    public var basicallySatisfied: Int
    /// Valid callbacks rated 不满意.
    public var unsatisfied: Int
    /// The weights used for the satisfaction credit and the composite.
    public var weights: RateWeights

    /// 响应率, or nil when there is no valid callback.
    public var responseRate: Double? {
        validCallbacks == 0 ? nil : Double(contacted) / Double(validCallbacks)
    }

    /// 解决率, or nil when there is no valid callback.
    public var resolutionRate: Double? {
        validCallbacks == 0 ? nil : Double(solved) / Double(validCallbacks)
    }

    /// 满意率, or nil when there is no valid callback.
    public var satisfactionRate: Double? {
        guard validCallbacks > 0 else { return nil }
        let points = Double(satisfied) + weights.basicallySatisfiedCredit * Double(basicallySatisfied)
        return points / Double(validCallbacks)
    }

    /// The weighted composite, or nil when there is no valid callback.
    public var composite: Double? {
        guard let response = responseRate, let resolution = resolutionRate,
            let satisfaction = satisfactionRate
        else { return nil }
        return weights.response * response + weights.resolution * resolution
            + weights.satisfaction * satisfaction
    }

    /// Rates over the callbacks of `cases` (nil: the case has no callback yet).
    public static func compute(callbacks: [Callback?], weights: RateWeights = .standard) -> ServiceRates {
        var rates = ServiceRates(
            cases: 0, validCallbacks: 0, contacted: 0, solved: 0, satisfied: 0,
            basicallySatisfied: 0, unsatisfied: 0, weights: weights)
        for callback in callbacks {
            rates.add(callback)
        }
        return rates
    }

    /// Rates over `cases`, reading each case's latest callback with `callback`.
    public static func compute<Case>(
        cases: [Case], weights: RateWeights = .standard,
        callback: (Case) -> Callback?
    ) -> ServiceRates {
        compute(callbacks: cases.map(callback), weights: weights)
    }

    /// Rates per group: `key` gives each case's group (department, county, category …).
    public static func grouped<Case, Key: Hashable>(
        _ cases: [Case], by key: (Case) -> Key, weights: RateWeights = .standard,
        callback: (Case) -> Callback?
    ) -> [Key: ServiceRates] {
        var groups: [Key: ServiceRates] = [:]
        for item in cases {
            groups[key(item), default: compute(callbacks: [], weights: weights)].add(callback(item))
        }
        return groups
    }

    /// Counts one more case.
    mutating func add(_ callback: Callback?) {
        cases += 1
        guard let callback, callback.valid else { return }
        validCallbacks += 1
        if callback.contacted { contacted += 1 }
        if callback.solved { solved += 1 }
        switch callback.satisfaction {
        case .satisfied: satisfied += 1
        case .basicallySatisfied: basicallySatisfied += 1
        case .unsatisfied: unsatisfied += 1
        case nil: break
        }
    }

    /// Makes one from its parts.
    public init(
        cases: Int,
        validCallbacks: Int,
        contacted: Int,
        solved: Int,
        satisfied: Int,
        basicallySatisfied: Int,
        unsatisfied: Int,
        weights: RateWeights
    ) {
        self.cases = cases
        self.validCallbacks = validCallbacks
        self.contacted = contacted
        self.solved = solved
        self.satisfied = satisfied
        self.basicallySatisfied = basicallySatisfied
        self.unsatisfied = unsatisfied
        self.weights = weights
    }
}
