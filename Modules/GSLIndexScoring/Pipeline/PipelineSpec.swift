import Foundation
import GSLCore

import Yams

/// Every choice of one index computation; each step is optional (nil = skipped). Codable to YAML and JSON.
public struct PipelineSpec: Sendable, Equatable, Codable {
    /// Unit screening by data availability.
    public struct Screen: Sendable, Equatable, Codable {
        /// Minimum fraction of indicators present for a unit to stay (COINr `dat_thresh`).
        public var minAvailability: Double
        /// Optional minimum fraction of non-zero indicator values.
        public var minNonZero: Double?
        /// Screen after imputation (COINr's example order) instead of before it.
        public var afterImpute: Bool
        /// A screening step.
        public init(minAvailability: Double = 0.9, minNonZero: Double? = nil, afterImpute: Bool = false) {
            self.minAvailability = minAvailability
            self.minNonZero = minNonZero
            self.afterImpute = afterImpute
        }
    }

    /// Imputation of missing indicator values.
    public struct Impute: Sendable, Equatable, Codable {
        /// The method.
        public var method: ImputeMethod
        /// Group variable for `groupMean` / `groupMedian`.
        public var group: String?
        /// An imputation step.
        public init(method: ImputeMethod, group: String? = nil) {
            self.method = method
            self.group = group
        }
    }

    /// Outlier treatment.
    public struct Treat: Sendable, Equatable, Codable {
        /// Maximum points winsorised per indicator.
        public var winmax: Int
        /// Treat only when |skew| exceeds this…
        public var skewThreshold: Double
        /// …and kurtosis exceeds this.
        public var kurtosisThreshold: Double
        /// What to do when winsorising does not bring the indicator within thresholds.
        public var fallback: TreatFallback
        /// Box-Cox λ for the `boxCox` fallback.
        public var lambda: Double
        /// Indicators never treated.
        public var exclude: [String]
        /// A treatment step (COINr's defaults).
        public init(
            winmax: Int = 5, skewThreshold: Double = 2, kurtosisThreshold: Double = 3.5,
            fallback: TreatFallback = .log, lambda: Double = 0, exclude: [String] = []
        ) {
            self.winmax = winmax
            self.skewThreshold = skewThreshold
            self.kurtosisThreshold = kurtosisThreshold
            self.fallback = fallback
            self.lambda = lambda
            self.exclude = exclude
        }
    }

    /// Normalisation of indicators (direction is applied by every method).
    public struct Normalise: Sendable, Equatable, Codable {
        /// The method.
        public var method: NormaliseMethod
        /// Lower bound for min-max / scale factor base (default 0).
        public var low: Double
        /// Upper bound for min-max, or the scale for goalposts (default 100).
        public var high: Double
        /// Mean for z-scores.
        public var mean: Double
        /// Standard deviation for z-scores.
        public var sd: Double
        /// Truncate goalpost / 功效系数 scores to their range and cap distance-to-target at 1
        /// (false: uncapped, COINr's `cap_max = FALSE`).
        public var truncate: Bool
        /// Per-indicator methods overriding `method`.
        public var byIndicator: [String: NormaliseMethod]
        /// A normalisation step.
        public init(
            method: NormaliseMethod = .minMax, low: Double = 0, high: Double = 100, mean: Double = 0,
            sd: Double = 1, truncate: Bool = true, byIndicator: [String: NormaliseMethod] = [:]
        ) {
            self.method = method
            self.low = low
            self.high = high
            self.mean = mean
            self.sd = sd
            self.truncate = truncate
            self.byIndicator = byIndicator
        }
    }

    /// Weighting.
    public struct Weights: Sendable, Equatable, Codable {
        /// The method for every group (unless a level or node overrides it).
        public var method: WeightMethod
        /// Methods by the COINr level of the weighted children (indicators = 1), as text keys ("2").
        public var byLevel: [String: WeightMethod]
        /// Given weights overriding the framework's, by node code.
        public var given: [String: Double]
        /// AHP pairwise matrices by parent code, rows/columns in the framework's child order.
        public var ahp: [String: [[Double]]]
        /// Accept an AHP matrix with consistency ratio ≥ 0.1.
        public var force: Bool
        /// A weighting step.
        public init(
            method: WeightMethod = .given, byLevel: [String: WeightMethod] = [:],
            given: [String: Double] = [:],
            ahp: [String: [[Double]]] = [:], force: Bool = false
        ) {
            self.method = method
            self.byLevel = byLevel
            self.given = given
            self.ahp = ahp
            self.force = force
        }
    }

    /// Aggregation.
    public struct Aggregate: Sendable, Equatable, Codable {
        /// The default method.
        public var method: AggregationMethod
        /// Methods by COINr level (text keys, "2" = parents of indicators).
        public var byLevel: [String: AggregationMethod]
        /// Methods by node code (win over the framework's own choice).
        public var byNode: [String: AggregationMethod]
        /// Exponent of the generalised mean.
        public var power: Double
        /// Minimum fraction of children present, else the aggregate is missing.
        public var minAvailability: Double?
        /// An aggregation step.
        public init(
            method: AggregationMethod = .arithmetic, byLevel: [String: AggregationMethod] = [:],
            byNode: [String: AggregationMethod] = [:], power: Double = 1, minAvailability: Double? = nil
        ) {
            self.method = method
            self.byLevel = byLevel
            self.byNode = byNode
            self.power = power
            self.minAvailability = minAvailability
        }
    }

    /// Period to compute (nil = the latest in the data).
    public var period: String?
    /// Divide indicators by their framework denominators.
    public var denominate: Bool
    /// Screening step.
    public var screen: Screen?
    /// Imputation step.
    public var impute: Impute?
    /// Treatment step.
    public var treat: Treat?
    /// Normalisation step (nil = aggregate the values as they are).
    public var normalise: Normalise?
    /// Weighting (nil = framework weights).
    public var weights: Weights?
    /// Aggregation.
    public var aggregate: Aggregate

    /// A spec.
    public init(
        period: String? = nil, denominate: Bool = false, screen: Screen? = nil, impute: Impute? = nil,
        treat: Treat? = nil, normalise: Normalise? = Normalise(), weights: Weights? = nil,
        aggregate: Aggregate = Aggregate()
    ) {
        self.period = period
        self.denominate = denominate
        self.screen = screen
        self.impute = impute
        self.treat = treat
        self.normalise = normalise
        self.weights = weights
        self.aggregate = aggregate
    }

    /// COINr's `build_example_coin()` chain: denominate, group-mean impute, screen (0.9, after impute),
    /// default treatment, min-max 0–100, weighted arithmetic mean.
    public static func coinrExample(group: String = "EurAsia_group") -> PipelineSpec {
        PipelineSpec(
            denominate: true, screen: Screen(minAvailability: 0.9, afterImpute: true),
            impute: Impute(method: .groupMean, group: group), treat: Treat(),
            normalise: Normalise(method: .minMax, low: 0, high: 100))
    }

    /// YAML text of this spec (sorted keys, Chinese kept unescaped, numbers exact to the last bit).
    public func yaml() throws(GSLError) -> String {
        // Yams prints doubles with 15 digits; going through JSON (which is YAML) keeps shortest exact numbers.
        do {
            guard let node = try Yams.compose(yaml: try json()) else { return "{}\n" }
            return try Yams.serialize(node: Self.unquoted(node), allowUnicode: true)
        } catch {
            throw GSLError(
                .internalError, Message("无法编码流程规格：\(error)", en: "cannot encode pipeline spec: \(error)"))
        }
    }

    /// The node with scalar quoting left to the emitter and collections in block style.
    private static func unquoted(_ node: Node) -> Node {
        switch node {
        case .scalar(let s): return .scalar(.init(s.string, s.tag, .any))
        case .mapping(let m):
            return .mapping(.init(m.map { (unquoted($0.key), unquoted($0.value)) }, m.tag, .block))
        case .sequence(let q): return .sequence(.init(q.map { unquoted($0) }, q.tag, .block))
        default: return node
        }
    }

    /// Parses a spec from YAML text, strictly: an unknown key is refused with its line and a suggestion.
    public static func fromYAML(_ text: String, file: String? = nil) throws(GSLError) -> PipelineSpec {
        try ConfigDecoder.decode(PipelineSpec.self, from: ConfigYAML.parse(text, file: file), file: file)
    }

    /// Canonical JSON text (sorted keys).
    public func json() throws(GSLError) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        do { return String(decoding: try enc.encode(self), as: UTF8.self) } catch {
            throw GSLError(
                .internalError, Message("无法编码流程规格：\(error)", en: "cannot encode pipeline spec: \(error)"))
        }
    }

    /// Parses a spec from JSON text, strictly (unknown keys, out-of-range numbers and wrong types refused).
    public static func fromJSON(_ text: String, file: String? = nil) throws(GSLError) -> PipelineSpec {
        try ConfigDecoder.decodeJSON(PipelineSpec.self, from: text, file: file)
    }

    /// SHA-256 of the canonical JSON.
    public var contentHash: String { SHA256.hex((try? json()) ?? "") }
}
