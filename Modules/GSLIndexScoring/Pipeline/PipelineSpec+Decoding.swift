// Hand-written specs may leave out any key: each missing key takes its default.

extension PipelineSpec {
    private enum Keys: String, CodingKey {
        case period, denominate, screen, impute, treat, normalise, weights, aggregate
    }

    /// Decodes a spec; missing keys take their defaults (a missing `normalise` means min-max 0–100).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = PipelineSpec()
        self.init(
            period: try c.decodeIfPresent(String.self, forKey: .period),
            denominate: try c.decodeIfPresent(Bool.self, forKey: .denominate) ?? d.denominate,
            screen: try c.decodeIfPresent(Screen.self, forKey: .screen),
            impute: try c.decodeIfPresent(Impute.self, forKey: .impute),
            treat: try c.decodeIfPresent(Treat.self, forKey: .treat),
            normalise: c.contains(.normalise)
                ? try c.decodeIfPresent(Normalise.self, forKey: .normalise) : d.normalise,
            weights: try c.decodeIfPresent(Weights.self, forKey: .weights),
            aggregate: try c.decodeIfPresent(Aggregate.self, forKey: .aggregate) ?? d.aggregate)
    }
}

extension PipelineSpec.Screen {
    private enum Keys: String, CodingKey { case minAvailability, minNonZero, afterImpute }

    /// Decodes with defaults for missing keys; the fractions must lie in 0–1 (a 1.5 would screen
    /// out every unit and fail far from the line that caused it).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = Self()
        for key in [Keys.minAvailability, .minNonZero] {
            if let value = try c.decodeIfPresent(Double.self, forKey: key), !(0...1).contains(value) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "a fraction between 0 and 1")
            }
        }
        self.init(
            minAvailability: try c.decodeIfPresent(Double.self, forKey: .minAvailability)
                ?? d.minAvailability,
            minNonZero: try c.decodeIfPresent(Double.self, forKey: .minNonZero),
            afterImpute: try c.decodeIfPresent(Bool.self, forKey: .afterImpute) ?? d.afterImpute)
    }
}

extension PipelineSpec.Treat {
    private enum Keys: String, CodingKey {
        case winmax, skewThreshold, kurtosisThreshold, fallback, lambda, exclude
    }

    /// Decodes with defaults for missing keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = Self()
        self.init(
            winmax: try c.decodeIfPresent(Int.self, forKey: .winmax) ?? d.winmax,
            skewThreshold: try c.decodeIfPresent(Double.self, forKey: .skewThreshold) ?? d.skewThreshold,
            kurtosisThreshold: try c.decodeIfPresent(Double.self, forKey: .kurtosisThreshold)
                ?? d.kurtosisThreshold,
            fallback: try c.decodeIfPresent(TreatFallback.self, forKey: .fallback) ?? d.fallback,
            lambda: try c.decodeIfPresent(Double.self, forKey: .lambda) ?? d.lambda,
            exclude: try c.decodeIfPresent([String].self, forKey: .exclude) ?? d.exclude)
    }
}

extension PipelineSpec.Normalise {
    private enum Keys: String, CodingKey { case method, low, high, mean, sd, truncate, byIndicator }

    /// Decodes with defaults for missing keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = Self()
        self.init(
            method: try c.decodeIfPresent(NormaliseMethod.self, forKey: .method) ?? d.method,
            low: try c.decodeIfPresent(Double.self, forKey: .low) ?? d.low,
            high: try c.decodeIfPresent(Double.self, forKey: .high) ?? d.high,
            mean: try c.decodeIfPresent(Double.self, forKey: .mean) ?? d.mean,
            sd: try c.decodeIfPresent(Double.self, forKey: .sd) ?? d.sd,
            truncate: try c.decodeIfPresent(Bool.self, forKey: .truncate) ?? d.truncate,
            byIndicator: try c.decodeIfPresent([String: NormaliseMethod].self, forKey: .byIndicator)
                ?? d.byIndicator)
    }
}

extension PipelineSpec.Weights {
    private enum Keys: String, CodingKey { case method, byLevel, given, ahp, force }

    /// Decodes with defaults for missing keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = Self()
        self.init(
            method: try c.decodeIfPresent(WeightMethod.self, forKey: .method) ?? d.method,
            byLevel: try c.decodeIfPresent([String: WeightMethod].self, forKey: .byLevel) ?? d.byLevel,
            given: try c.decodeIfPresent([String: Double].self, forKey: .given) ?? d.given,
            ahp: try c.decodeIfPresent([String: [[Double]]].self, forKey: .ahp) ?? d.ahp,
            force: try c.decodeIfPresent(Bool.self, forKey: .force) ?? d.force)
    }
}

extension PipelineSpec.Aggregate {
    private enum Keys: String, CodingKey { case method, byLevel, byNode, power, minAvailability }

    /// Decodes with defaults for missing keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = Self()
        self.init(
            method: try c.decodeIfPresent(AggregationMethod.self, forKey: .method) ?? d.method,
            byLevel: try c.decodeIfPresent([String: AggregationMethod].self, forKey: .byLevel) ?? d.byLevel,
            byNode: try c.decodeIfPresent([String: AggregationMethod].self, forKey: .byNode) ?? d.byNode,
            power: try c.decodeIfPresent(Double.self, forKey: .power) ?? d.power,
            minAvailability: try c.decodeIfPresent(Double.self, forKey: .minAvailability))
    }
}
