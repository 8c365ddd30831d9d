import Foundation
import GSLCore
import GSLIndexScoringStore
import GSLPairing
import GSLPairingStore
import GSLStore

extension YearRun {
    /// 商会联村: member firms paired with villages (村委会), their investment and workshops. A store
    /// paired in an earlier generated year keeps its pairings and gains only the firms still missing.
    mutating func pairingOfYear() throws(GSLError) {
        let p = plan.pairing
        let campaign = "商会联村·助力共富"
        let villages = try generator.records.regionList(parent: nil, level: .village, limit: nil)
            .filter { $0.code.hasPrefix("3302") && (200...399).contains(Int($0.code.suffix(3)) ?? 0) }
            .map(\.code)
        guard !villages.isEmpty else { return }
        let existing = try generator.pairing.list(
            campaign: nil, organisation: nil, village: nil, history: false, limit: Int.max)
        let pairedFirms = Set(existing.map { String($0.firmID) })
        var pairs: [(firm: String, village: String)] = existing.map { (String($0.firmID), $0.villageCode) }
        let chosenVillages = dice.sample(p.villages, of: villages.count).map { villages[$0] }
        let candidates = dice.sample(p.firms, of: enterprises.count).map { String(enterprises[$0]) }
        var made = 0
        for (i, firm) in candidates.enumerated() where pairs.count < p.firms {
            guard !pairedFirms.contains(firm) else { continue }
            let village = i < chosenVillages.count ? chosenVillages[i] : dice.pick(chosenVillages)
            let start =
                existing.isEmpty && dice.chance(0.7)
                ? dice.workday(
                    LocalDate(year: year - 2, month: 3, day: 1)!,
                    LocalDate(year: year - 1, month: 12, day: 20)!)
                : dice.workday(day(1, 10), day(9, 30))
            _ = try generator.pairing.add(
                organisation: firm, village: village, campaign: campaign, on: start, context: context)
            pairs.append((firm, village))
            made += 1
        }
        summary.add("pairings", Message("结对", en: "pairings"), made)
        guard !pairs.isEmpty else { return }
        let invested = try Money.parse(p.invested).fen
        let amounts = dice.split(invested, into: max(1, pairs.count * 6 / 5), unit: 1_000_000)
        for (i, amount) in amounts.enumerated() {
            let pair = i < pairs.count ? pairs[i] : dice.pick(pairs)
            _ = try generator.pairing.invest(
                organisation: pair.firm, village: pair.village, kind: dice.chance(0.8) ? .project : .charity,
                amount: Money(fen: amount).plainYuan, on: dice.workday(day(1, 15), day(12, 15)),
                project: dice.pick(["农产品加工", "乡村民宿", "光伏发电", "来料加工点", "冷链仓储", "村道硬化", "助学基金"]),
                context: context)
        }
        summary.add("investments", Message("投入", en: "investments"), amounts.count)
        let jobs = dice.spread(p.jobs, into: p.workshops)
        for (i, n) in jobs.enumerated() {
            let pair = dice.pick(pairs)
            let kind = dice.pick([WorkshopKind.processing, .agriculture, .ecommerce, .craft, .service])
            _ = try generator.pairing.addWorkshop(
                .init(
                    village: pair.village, organisation: pair.firm, name: "共富工坊（\(year)-\(i + 1)）",
                    kind: kind,
                    opened: dice.workday(day(1, 20), day(11, 30)), jobs: max(0, n),
                    wages: Money(fen: Int64(max(0, n)) * 3_600_000).plainYuan),
                context: context)
        }
        summary.add("workshops", Message("共富工坊", en: "workshops"), jobs.count)
    }

    /// The index framework and five years of district data, once per store.
    mutating func indexData(path: String, seed: UInt64) throws(GSLError) {
        let frameworks = try generator.index.frameworks()
        if frameworks.isEmpty {
            _ = try generator.index.importFrameworks(paths: [path], context: context)
        }
        let datasets = try generator.index.datasets()
        guard !datasets.contains(where: { $0.name == plan.index.dataset }) else { return }
        let framework = try generator.index.frameworks().last!
        let generated = try generator.index.generateSyntheticData(
            framework: "\(framework.code)@\(framework.version)", dataset: plan.index.dataset, seed: seed,
            context: context)
        summary.add("index-values", Message("指数数据", en: "index values"), generated.values)
    }
}
