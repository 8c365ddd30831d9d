import Foundation
import GSLCore
import GSLSurveys

extension SurveyService {
    /// `gsl survey report`: the report of survey `name` in `format`.
    public func report(_ name: String, format: ReportFormat, unweighted: Bool) throws(GSLError) -> String {
        let loaded = try surveys.load(name)
        let record = try surveys.record(name)
        let w = unweighted ? nil : loaded.weights
        var frequencies: [String: [FrequencyTable]] = [:]
        var means: [String: MeanTable] = [:]
        for q in loaded.codebook.questions {
            frequencies[q.id] = Tabulation.frequencies(q, respondents: loaded.respondents, weights: w)
            if q.type == .matrix || q.type == .rating {
                means[q.id] = try Tabulation.means(q, respondents: loaded.respondents, weights: w)
            }
        }
        var weighting: [String] = []
        if let s = loaded.weighting, w != nil {
            weighting = [
                "方法：\(s.method.zh)，边际：\(s.margins.joined(separator: "、"))",
                String(
                    format: "设计效应（Kish）%.3f，有效样本量 %.1f（样本 %d）", s.designEffect, s.effectiveN, s.respondents),
                String(
                    format: "权数范围 %.4f–%.4f，合计 %.1f；修剪 %d 个权数；迭代 %d 轮", s.minWeight, s.maxWeight,
                    s.totalWeight, s.trimmed, s.iterations),
                "比例的置信区间为基于设计的线性化（Taylor）区间。",
            ]
        }
        var linking: [String] = []
        if record.matched + record.ambiguous + record.unmatched > 0 {
            linking = [
                "已匹配 \(record.matched) 人，有歧义 \(record.ambiguous) 人，未匹配 \(record.unmatched) 人（有歧义和未匹配的受访者只列出、不猜测）"
            ]
        }
        let report = SurveyReport(
            title: loaded.title ?? loaded.codebook.title ?? name, respondents: loaded.respondents.count,
            weighting: weighting, linking: linking, frequencies: frequencies, means: means,
            codebook: loaded.codebook)
        return report.render(format)
    }
}
