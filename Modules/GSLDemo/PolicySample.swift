import Foundation
import GSLCore

/// A deterministic science-and-technology policy example (科技创新政策: R&D subsidies from the
/// city's innovation fund): firm × year outcomes and the recipients, staggered over several
/// adoption years, larger firms more likely to receive it (so matching has work to do), and a
/// true effect on R&D spending of 12 % of the firm's base level in the adoption year, growing by
/// 4 points a year (documented so that estimates can be checked against it). R&D otherwise moves
/// by a common 6万元 a year, so trends are parallel in levels.
public struct PolicySample: Sendable {
    /// The policy's name in the treatment file.
    public static let policyName = "科技创新券与研发费用补助"
    /// The panel file's header.
    public static let panelHeader = ["统一社会信用代码", "年份", "营业收入", "研发投入", "从业人员", "专利数", "纳税额"]
    /// The treatment file's header.
    public static let treatmentHeader = ["统一社会信用代码", "政策", "受惠年份", "金额"]

    /// First year and number of years.
    public let firstYear: Int, years: Int
    /// Adoption years (cohorts), after the first year.
    public let cohorts: [Int]
    /// The seed.
    public let seed: UInt64

    /// A sample over `years` years from `firstYear`, with `cohortCount` adoption years spread over
    /// the middle of the span.
    public init(firstYear: Int = 2017, years: Int = 8, cohortCount: Int = 3, seed: UInt64 = 1) {
        self.firstYear = firstYear
        self.years = max(years, 3)
        let span = max(self.years - 2, 1)
        let count = min(max(cohortCount, 1), span)
        // Evenly spread from the third year on.
        self.cohorts = (0..<count).map { firstYear + 2 + $0 * span / count }
        self.seed = seed
    }

    /// The true effect on R&D spending at event time `e` as a share of the firm's base level.
    public static func trueEffect(eventTime e: Int) -> Double { e < 0 ? 0 : 0.12 + 0.04 * Double(e) }

    /// Panel rows and treatment rows for the firms `usccs` (as CSV texts with the headers above).
    public func csv(usccs: [String]) -> (panel: String, treatments: String) {
        var panel = Self.panelHeader.joined(separator: ",") + "\n"
        var treatments = Self.treatmentHeader.joined(separator: ",") + "\n"
        panel.reserveCapacity(usccs.count * years * 60)
        for (i, uscc) in usccs.enumerated() {
            var rng = SeededGenerator(seed: seed &+ UInt64(i) &* 0x2545_F491_4F6C_DD1D)
            func normal() -> Double {
                let u = max(rng.uniform(), 1e-300), v = rng.uniform()
                return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
            }
            // Size: log revenue in 万元 around 8 (≈ 3,000万).
            let size = 8 + 1.2 * normal()
            let revenue0 = exp(size)
            let intensity = 0.02 + 0.02 * rng.uniform()
            let staff0 = max(5, revenue0 / 80 * (0.7 + 0.6 * rng.uniform()))
            let pTreat = 1 / (1 + exp(-(-0.9 + 0.6 * (size - 8))))
            let cohort: Int? = rng.uniform() < pTreat ? cohorts[Int(rng.next() % UInt64(cohorts.count))] : nil
            let growth = 0.04 + 0.03 * normal() * 0.3
            for t in 0..<years {
                let year = firstYear + t
                let trend = exp(growth * Double(t))
                let revenue = revenue0 * trend * exp(0.05 * normal())
                // R&D: the firm's level plus a common rise of 6万元 a year (parallel trends in
                // levels), plus the effect for recipients, plus noise.
                let base = revenue0 * intensity
                let effect = cohort.map { Self.trueEffect(eventTime: year - $0) } ?? 0
                let rd = max(0, base * (1 + effect) + 6 * Double(t) + base * 0.08 * normal())
                let staff = max(1, (staff0 * trend * exp(0.03 * normal())).rounded())
                let patents = max(0, (rd / 150 + 0.5 * normal()).rounded())
                let tax = revenue * 0.035 * exp(0.05 * normal())
                panel +=
                    "\(uscc),\(year),\(Self.two(revenue)),\(Self.two(rd)),\(Int(staff)),\(Int(patents)),\(Self.two(tax))\n"
            }
            if let cohort {
                let amount = Int(20 + revenue0 * intensity * 0.2)
                treatments += "\(uscc),\(Self.policyName),\(cohort),\(amount)万\n"
            }
        }
        return (panel, treatments)
    }

    static func two(_ v: Double) -> String { String(format: "%.2f", v) }
}
