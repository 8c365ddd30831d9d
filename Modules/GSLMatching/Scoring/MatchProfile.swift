import Foundation
import GSLCore

/// The weights profile (YAML): a `default` block and one block per kind, each giving feature
/// weights; `candidates` is how many best partners per posting a market run keeps.
public struct MatchProfile: Sendable, Hashable, Codable {
    /// Weights for kinds without their own block.
    public var `default`: FeatureWeights?
    /// 产品.
    public var product: FeatureWeights?
    /// 服务.
    public var service: FeatureWeights?
    /// 项目.
    public var project: FeatureWeights?
    /// 信贷.
    public var credit: FeatureWeights?
    /// 人才.
    public var talent: FeatureWeights?
    /// 培训.
    public var training: FeatureWeights?
    /// Candidates kept per posting on each side in market runs (default 20).
    public var candidates: Int?

    /// A profile.
    public init(
        default: FeatureWeights? = nil, product: FeatureWeights? = nil, service: FeatureWeights? = nil,
        project: FeatureWeights? = nil, credit: FeatureWeights? = nil, talent: FeatureWeights? = nil,
        training: FeatureWeights? = nil, candidates: Int? = nil
    ) {
        self.default = `default`
        self.product = product
        self.service = service
        self.project = project
        self.credit = credit
        self.talent = talent
        self.training = training
        self.candidates = candidates
    }

    /// The built-in weights, spelled out (what `gsl match profile show` prints on a fresh store).
    public static let standard = MatchProfile(
        default: FeatureWeights(
            industry: 0.25, region: 0.15, text: 0.35, size: 0.05, amount: 0.15, deadline: 0.05),
        credit: FeatureWeights(
            industry: 0.15, region: 0.2, text: 0.15, size: 0.2, amount: 0.25, deadline: 0.05),
        talent: FeatureWeights(industry: 0.2, region: 0.2, text: 0.45, size: 0, amount: 0.1, deadline: 0.05),
        training: FeatureWeights(
            industry: 0.2, region: 0.2, text: 0.45, size: 0, amount: 0.1, deadline: 0.05),
        candidates: 20)

    /// The block of `kind`, if any.
    public func block(_ kind: PostingKind) -> FeatureWeights? {
        switch kind {
        case .product: product
        case .service: service
        case .project: project
        case .credit: credit
        case .talent: talent
        case .training: training
        }
    }

    /// The complete weights for `kind`: its block, else this profile's default, else the built-in
    /// block of the kind, else the built-in default; every feature set.
    public func weights(_ kind: PostingKind) -> [MatchFeature: Double] {
        let builtIn = Self.standard
        var w = block(kind) ?? FeatureWeights()
        w = w.filled(from: self.default ?? FeatureWeights())
        w = w.filled(from: builtIn.block(kind) ?? FeatureWeights())
        w = w.filled(from: builtIn.default!)
        var out: [MatchFeature: Double] = [:]
        for f in MatchFeature.allCases { out[f] = w[f] ?? 0 }
        return out
    }

    /// Candidates per posting in market runs.
    public var candidateCount: Int { candidates ?? 20 }

    /// Parses and checks a profile (YAML or JSON): unknown keys are refused with a suggestion,
    /// weights must be finite and not negative, `candidates` at least 1.
    public static func parse(_ text: String, file: String) throws(GSLError) -> MatchProfile {
        let root = try ConfigYAML.parse(text, file: file)
        // An empty file (a failed `profile show > FILE`, say) would silently reset every weight.
        if root.entries?.isEmpty == true {
            throw GSLError.data("权重文件为空", en: "the weights profile is empty", at: SourceLocation(file: file))
                .because(.importEmptyFile)
        }
        let profile = try ConfigDecoder.decode(MatchProfile.self, from: root, file: file)
        for kind in ["default"] + PostingKind.allCases.map(\.rawValue) {
            let block: FeatureWeights? =
                kind == "default" ? profile.default : PostingKind(rawValue: kind).flatMap(profile.block)
            guard let block else { continue }
            for feature in MatchFeature.allCases {
                if let w = block[feature], !(w.isFinite && w >= 0) {
                    let at =
                        root[kind]?[feature.rawValue]?.location(
                            file: file, field: "\(kind).\(feature.rawValue)")
                        ?? SourceLocation(file: file, field: "\(kind).\(feature.rawValue)")
                    throw GSLError.data(
                        "权重应为非负数：\(kind).\(feature.rawValue) = \(w)",
                        en: "a weight must not be negative: \(kind).\(feature.rawValue) = \(w)", at: at
                    ).because(.matchingProfileInvalid)
                }
            }
        }
        if let k = profile.candidates, k < 1 {
            throw GSLError.data(
                "candidates 应为正整数：\(k)", en: "candidates must be at least 1: \(k)",
                at: root["candidates"]?.location(file: file, field: "candidates")
                    ?? SourceLocation(file: file, field: "candidates")
            ).because(.matchingProfileInvalid)
        }
        return profile
    }

    /// The profile as sorted, pretty JSON (stored, and printed by `profile show --format json`).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }

    /// The profile as YAML, in the order of the file format (printed by `profile show`).
    public func yaml() -> String {
        var lines: [String] = []
        func block(_ name: String, _ w: FeatureWeights?) {
            guard let w else { return }
            lines.append("\(name):")
            for f in MatchFeature.allCases { if let v = w[f] { lines.append("  \(f.rawValue): \(v)") } }
        }
        block("default", self.default)
        for kind in PostingKind.allCases { block(kind.rawValue, self.block(kind)) }
        if let candidates { lines.append("candidates: \(candidates)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
