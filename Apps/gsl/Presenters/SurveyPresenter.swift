import Foundation
import GSLCore
import GSLSurveys
import GSLSurveysStore
import GSLTabular

/// Tables and records for surveys: JSON carries the exact values and codes whatever `--lang`;
/// tables round and use the user's language.
enum SurveyPresenter {
    /// Codable results as one sorted JSON document (non-finite numbers spelt out as cells do).
    static func json<T: Encodable>(_ value: T, _ out: Output) {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            out.format == .json
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        out.line(String(decoding: data, as: UTF8.self))
    }

    static func imported(_ r: SurveyImportReport, _ out: Output) {
        for n in r.notices { out.notice(Message(n, en: n)) }
        if out.isJSON { return json(r, out) }
        out.record([
            ("survey", out.t("调查", "survey"), .text(r.survey)),
            (
                "layout", out.t("版式", "layout"),
                out.enumValue(
                    r.layout.rawValue,
                    r.layout == .text ? out.t("按选项文本", "option text") : out.t("按选项序号", "option codes"))
            ),
            ("questions", out.t("题目数", "questions"), .int(Int64(r.questions))),
            ("rows", out.t("读取答卷", "rows read"), .int(Int64(r.rows))),
            ("inserted", out.t("新增", "inserted"), .int(Int64(r.inserted))),
            ("skipped", out.t("已有（跳过）", "already stored (skipped)"), .int(Int64(r.skipped))),
            ("matched", out.t("匹配到人员/企业", "linked"), .int(Int64(r.matched))),
            ("ambiguous", out.t("有歧义（未关联）", "ambiguous (not linked)"), .int(Int64(r.ambiguous))),
            ("unmatched", out.t("未匹配", "unmatched"), .int(Int64(r.unmatched))),
            ("dry_run", out.t("仅校验", "dry run"), .bool(r.dryRun)),
        ])
    }

    static func codebook(_ c: Codebook, _ out: Output, explicitFormat: Bool) {
        if explicitFormat && out.isJSON { return json(c, out) }
        if explicitFormat && out.format != .table {
            out.table(
                [
                    Column("question"), Column("type", title: out.t("类型", "type")),
                    Column("text", title: out.t("题目", "text")),
                    Column("options", title: out.t("选项/行", "options/rows")),
                ],
                c.questions.map { q in
                    [
                        .text(q.id), .text(q.type.rawValue), .text(q.text),
                        .text((q.rows + q.options.map { "\($0.code)=\($0.label)" }).joined(separator: "；")),
                    ]
                })
            return
        }
        out.line(c.yaml())
    }

    static func list(_ surveys: [SurveyRecord], _ out: Output) {
        if out.isJSON { return json(surveys, out) }
        out.table(
            [
                Column("name", title: out.t("调查", "survey")), Column("title", title: out.t("标题", "title")),
                Column("respondents", title: out.t("答卷", "respondents")),
                Column("matched", title: out.t("已匹配", "linked")),
                Column("questions", title: out.t("题目", "questions")),
                Column("weighted", title: out.t("加权", "weighted")),
            ],
            surveys.map { s in
                [
                    .text(s.name), s.title.map(Cell.text) ?? .null, .int(Int64(s.respondents)),
                    .int(Int64(s.matched)),
                    .int(Int64(s.questions)), .text(s.weighting.map { $0.method.zh } ?? out.t("否", "no")),
                ]
            })
    }

    static func show(_ s: SurveyRecord, _ respondents: [RespondentView], _ out: Output) {
        struct Document: Encodable {
            let survey: SurveyRecord
            let respondents: [RespondentView]
        }
        if out.isJSON { return json(Document(survey: s, respondents: respondents), out) }
        var fields: [(key: String, label: String, value: Cell)] = [
            ("name", out.t("调查", "survey"), .text(s.name)),
            ("title", out.t("标题", "title"), s.title.map(Cell.text) ?? .null),
            ("respondents", out.t("答卷", "respondents"), .int(Int64(s.respondents))),
            ("matched", out.t("已匹配", "linked"), .int(Int64(s.matched))),
            ("ambiguous", out.t("有歧义", "ambiguous"), .int(Int64(s.ambiguous))),
            ("unmatched", out.t("未匹配", "unmatched"), .int(Int64(s.unmatched))),
            ("source_file", out.t("来源文件", "source file"), s.sourceFile.map(Cell.text) ?? .null),
        ]
        if let w = s.weighting {
            fields.append(
                (
                    "weighting", out.t("加权", "weighting"),
                    .text("\(w.method.zh) \(w.margins.joined(separator: "、"))")
                ))
            fields.append(("design_effect", out.t("设计效应", "design effect"), out.number(w.designEffect)))
            fields.append(("effective_n", out.t("有效样本量", "effective n"), out.number(w.effectiveN, digits: 1)))
        }
        out.record(fields)
        guard !respondents.isEmpty else { return }
        out.line("")
        out.table(
            [
                Column("number", title: out.t("序号", "no."), alignRight: true),
                Column("submitted_at", title: out.t("提交时间", "submitted")),
                Column("status", title: out.t("匹配", "link")),
                Column("identity", title: out.t("身份信息", "identity")),
                Column("person", title: out.t("人员", "person")),
                Column("organisation", title: out.t("企业", "enterprise")),
                Column("note", title: out.t("说明", "note")), Column("weight", title: out.t("权数", "weight")),
            ],
            respondents.map { r in
                [
                    .int(Int64(r.number)), r.submittedAt.map(Cell.text) ?? .null,
                    out.enumValue(r.status.rawValue, out.t(r.status.zh, r.status.rawValue)),
                    r.identity.map(Cell.text) ?? .null,
                    r.personID.map { .text("#\($0) \(r.personName ?? "")") } ?? .null,
                    r.organisationID.map { .text("#\($0) \(r.organisationName ?? "")") } ?? .null,
                    r.note.map(Cell.text) ?? .null, r.weight.map { out.number($0) } ?? .null,
                ]
            })
    }

    static func weighting(_ w: WeightingSummary, population: PopulationTable? = nil, _ out: Output) {
        if out.isJSON {
            guard let population else { return json(w, out) }
            return json(WeightedToStore(weighting: w, population: population), out)
        }
        var lines: [(String, String, Cell)] = []
        if let p = population {
            let missing =
                p.unknown > 0
                ? out.t(
                    "；另 \(p.unknown) 家未记录\(p.dimensions.map(\.zh).joined(separator: "或"))，未计入",
                    "; \(p.unknown) more without \(p.dimensions.map(\.rawValue).joined(separator: " or ")) left out"
                )
                : ""
            lines.append(
                (
                    "population", out.t("总体", "population"),
                    .text(
                        "\(out.t(p.description.zh, p.description.en)) \(p.total)\(out.t(" 家", ""))\(missing)")
                ))
        }
        out.record(
            lines + [
                (
                    "method", out.t("方法", "method"),
                    out.enumValue(w.method.rawValue, out.t(w.method.zh, w.method.rawValue))
                ),
                ("margins", out.t("边际", "margins"), .text(w.margins.joined(separator: "、"))),
                ("respondents", out.t("受访者", "respondents"), .int(Int64(w.respondents))),
                ("iterations", out.t("迭代轮数", "iterations"), .int(Int64(w.iterations))),
                ("trimmed", out.t("修剪的权数", "weights trimmed"), .int(Int64(w.trimmed))),
                ("design_effect", out.t("设计效应（Kish）", "design effect (Kish)"), out.number(w.designEffect)),
                ("effective_n", out.t("有效样本量", "effective sample size"), out.number(w.effectiveN, digits: 1)),
                ("min_weight", out.t("最小权数", "smallest weight"), out.number(w.minWeight)),
                ("max_weight", out.t("最大权数", "largest weight"), out.number(w.maxWeight)),
                ("total_weight", out.t("权数合计", "total weight"), out.number(w.totalWeight, digits: 1)),
            ])
    }

    /// A weighting to the store's population, as JSON: the weighting's fields and `population`.
    struct WeightedToStore: Encodable {
        let weighting: WeightingSummary
        let population: PopulationTable

        enum Key: String, CodingKey { case population }
        struct Cell: Encodable {
            let names: [String]
            let count: Int
        }
        struct Population: Encodable {
            let scope: String
            let dimensions: [String]
            let total: Int
            let unknown: Int
            let cells: [Cell]
        }

        func encode(to encoder: Encoder) throws {
            try weighting.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(
                Population(
                    scope: population.description.en, dimensions: population.dimensions.map(\.rawValue),
                    total: population.total, unknown: population.unknown,
                    cells: population.cells.map { Cell(names: $0.names, count: $0.count) }),
                forKey: .population)
        }
    }

    static func percent(_ x: Double, _ out: Output) -> Cell {
        out.format == .table ? (x.isFinite ? .text(String(format: "%.1f%%", x * 100)) : .null) : .double(x)
    }

    static func frequencies(_ tables: [FrequencyTable], weighting: WeightingSummary?, _ out: Output) {
        struct Document: Encodable {
            let tables: [FrequencyTable]
            let weighting: WeightingSummary?
        }
        if out.isJSON { return json(Document(tables: tables, weighting: weighting), out) }
        let weighted = weighting != nil
        var columns = [
            Column("question", title: out.t("题目", "question")), Column("row", title: out.t("行", "row")),
            Column("option", title: out.t("选项", "option")),
            Column("count", title: out.t("人数", "count"), alignRight: true),
        ]
        if weighted { columns.append(Column("weighted", title: out.t("加权人数", "weighted"), alignRight: true)) }
        columns += [
            Column("share", title: out.t("比例", "share"), alignRight: true),
            Column("lower", title: out.t("95%下限", "95% low"), alignRight: true),
            Column("upper", title: out.t("95%上限", "95% high"), alignRight: true),
            Column("answered", title: out.t("作答", "answered"), alignRight: true),
        ]
        var rows: [[Cell]] = []
        for t in tables {
            for r in t.rows {
                var cells: [Cell] = [
                    .text(t.question), t.row.map(Cell.text) ?? .null, .text(r.label), .int(Int64(r.count)),
                ]
                if weighted { cells.append(r.weighted.map { out.number($0, digits: 1) } ?? .null) }
                cells += [
                    percent(r.share.value, out), percent(r.share.lower, out), percent(r.share.upper, out),
                    .int(Int64(t.answered)),
                ]
                rows.append(cells)
            }
        }
        out.table(columns, rows)
        if let w = weighting {
            out.notice(
                Message(
                    "已加权（\(w.method.zh)）"
                        + String(format: "：设计效应 %.3f，有效样本量 %.1f；区间为线性化区间", w.designEffect, w.effectiveN),
                    en: "weighted (\(w.method.rawValue))"
                        + String(
                            format: ": design effect %.3f, effective n %.1f; linearisation intervals",
                            w.designEffect, w.effectiveN)))
        }
    }

    static func crosstab(_ t: CrosstabTable, _ out: Output) {
        if out.isJSON { return json(t, out) }
        let x = t.table
        var columns = [Column("row", title: t.rowQuestion)]
        columns += t.columnLabels.map { Column($0, title: $0, alignRight: true) }
        var rows: [[Cell]] = []
        for (i, label) in t.rowLabels.enumerated() {
            var cells: [Cell] = [.text(label)]
            for j in t.columnLabels.indices {
                let value = t.weighted ? x.weighted[i][j] : Double(x.counts[i][j])
                let residual = x.residuals[i][j]
                let flag = abs(residual) > Estimators.z975 ? (residual > 0 ? " ▲" : " ▼") : ""
                if out.format == .table {
                    cells.append(
                        .text((t.weighted ? String(format: "%.1f", value) : String(x.counts[i][j])) + flag))
                } else {
                    cells.append(.double(value))
                }
            }
            rows.append(cells)
        }
        out.table(columns, rows)
        var lines = [
            String(
                format: "Pearson χ² = %.4f，自由度 %d，p = %.4g；Cramér's V = %.4f；n = %d", x.pearson,
                x.degreesOfFreedom, x.pValue, x.cramersV, x.n)
        ]
        if t.weighted && x.raoScott == nil {
            lines.append(
                out.t(
                    "表中有空格，设计效应矩阵不可逆，未做 Rao–Scott 校正",
                    "an empty cell makes the design-effect matrix singular: no Rao–Scott correction"))
        }
        if let rs = x.raoScott {
            lines.append(
                String(
                    format: "Rao–Scott 二阶校正 χ² = %.4f，自由度 %.3f，p = %.4g（平均设计效应 %.3f）", rs.statistic,
                    rs.degreesOfFreedom, rs.pValue, rs.meanDesignEffect))
        }
        lines.append("▲/▼：调整标准化残差 |r| > 1.96")
        for l in lines { out.notice(Message(l, en: l)) }
    }

    static func means(_ m: MeanTable, _ out: Output) {
        if out.isJSON { return json(m, out) }
        var columns = [
            Column("row", title: out.t("项目", "item")),
            Column("mean", title: out.t("均值", "mean"), alignRight: true),
            Column("lower", title: out.t("95%下限", "95% low"), alignRight: true),
            Column("upper", title: out.t("95%上限", "95% high"), alignRight: true),
            Column("n", alignRight: true),
        ]
        columns += m.scale.enumerated().map {
            Column("p\($0.offset + 1)", title: $0.element, alignRight: true)
        }
        out.table(
            columns,
            m.lines.map { l in
                [
                    .text(l.label), out.number(l.mean.value, digits: 2), out.number(l.mean.lower, digits: 2),
                    out.number(l.mean.upper, digits: 2), .int(Int64(l.mean.n)),
                ]
                    + l.distribution.map { .int(Int64($0)) }
            })
        if let a = m.cronbachAlpha {
            out.notice(
                Message(
                    String(format: "Cronbach's α = %.4f（%d 人完整作答）", a, m.alphaN),
                    en: String(format: "Cronbach's alpha = %.4f (%d complete respondents)", a, m.alphaN)))
        }
    }

    static func profile(_ lines: [ProfileLine], _ out: Output) {
        if out.isJSON { return json(lines, out) }
        let weighted = lines.contains { $0.weightedShare != nil }
        var columns = [
            Column("category", title: out.t("类别", "category")),
            Column("respondents", title: out.t("人数", "respondents"), alignRight: true),
            Column("share", title: out.t("比例", "share"), alignRight: true),
            Column("lower", title: out.t("95%下限", "95% low"), alignRight: true),
            Column("upper", title: out.t("95%上限", "95% high"), alignRight: true),
        ]
        if weighted {
            columns.append(Column("weighted_share", title: out.t("加权比例", "weighted share"), alignRight: true))
        }
        out.table(
            columns,
            lines.map { l in
                var c: [Cell] = [
                    .text(l.category), .int(Int64(l.respondents)), percent(l.share.value, out),
                    percent(l.share.lower, out), percent(l.share.upper, out),
                ]
                if weighted { c.append(l.weightedShare.map { percent($0, out) } ?? .null) }
                return c
            })
    }
}
