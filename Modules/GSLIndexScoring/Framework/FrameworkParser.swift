import Foundation
import GSLCore

/// Reads a framework from YAML text (nested `children` or flat `parent` references) and validates it.
public enum FrameworkParser {
    /// Parses YAML text; `file` names the source in error locations. `strict: false` ignores unknown keys
    /// (only for re-reading a version stored before files were read strictly: its hash must not change).
    public static func parse(yaml text: String, file: String? = nil, strict: Bool = true) throws(GSLError)
        -> Framework
    {
        // Read with an expansion budget (alias bombs) into a tree that keeps every key's line.
        let root = try ConfigYAML.parse(text, file: file)
        if root.entries?.isEmpty == true {
            throw GSLError.data("框架文件为空", en: "framework file is empty", at: SourceLocation(file: file))
                .because(.importEmptyFile)
        }
        do {
            return try build(root, file: file, strict: strict)
        } catch {
            throw error.at(SourceLocation(file: file))
        }
    }

    private static func loc(_ n: ConfigNode?, _ field: String? = nil) -> SourceLocation {
        SourceLocation(line: n?.line, column: n?.column, field: field)
    }

    /// Keys each part of a framework file may have (Chinese aliases included); any other is refused.
    static let rootKeys = [
        "id", "version", "name_zh", "name_en", "illustrative", "note", "denominators", "grading", "nodes",
    ]
    static let denominatorKeys = ["code", "name_zh", "name_en", "unit"]
    static let nodeKeys = [
        "code", "name_zh", "name_en", "weight", "权重", "parent", "aggregation", "indicator", "children",
    ]
    static let indicatorKeys = [
        "direction", "unit", "source", "goalposts", "unacceptable", "不允许值", "satisfactory", "满意值", "target",
        "transform", "denominator",
    ]
    static let gradingKeys = ["kind", "grades", "fallback_zh", "fallback_en"]
    static let gradeKeys = ["label_zh", "label_en", "min", "top", "bound"]

    /// Refuses keys of mapping `n` other than `allowed` (error without file; `parse` adds it).
    private static func known(_ n: ConfigNode, _ allowed: [String], path: String, _ strict: Bool)
        throws(GSLError)
    {
        guard strict else { return }
        try ConfigDecoder.refuseUnknownKeys(n, allowed: allowed, path: path, file: nil)
    }

    private static func string(_ n: ConfigNode, _ key: String, required: Bool = false, path: String)
        throws(GSLError) -> String?
    {
        guard let v = n[key], v.value != .null else {
            if required {
                throw .data("缺少字段 \(path).\(key)", en: "missing field \(path).\(key)", at: loc(n, key))
            }
            return nil
        }
        guard let s = v.scalarText else {
            throw .data("字段 \(path).\(key) 应为文本", en: "field \(path).\(key) must be text", at: loc(v, key))
        }
        return s
    }

    private static func number(_ n: ConfigNode, _ keys: [String], path: String) throws(GSLError) -> Double? {
        for key in keys {
            guard let v = n[key] else { continue }
            guard let s = v.scalarText, let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite
            else {
                throw .data(
                    "字段 \(path).\(key) 应为数值", en: "field \(path).\(key) must be a number", at: loc(v, key)
                ).because(.configWrongType)
            }
            return d
        }
        return nil
    }

    private static func build(_ root: ConfigNode, file: String?, strict: Bool) throws(GSLError) -> Framework {
        guard root.entries != nil else {
            throw .data("框架文件顶层应为映射", en: "framework file must be a mapping at top level", at: loc(root))
        }
        try known(root, rootKeys, path: "", strict)
        let id = try string(root, "id", required: true, path: "")!
        let version = try string(root, "version", required: true, path: "")!
        let nameZh = try string(root, "name_zh", path: "") ?? ""
        let nameEn = try string(root, "name_en", path: "") ?? ""
        var illustrative = false
        if let v = root["illustrative"], v.value != .null {
            guard let b = v.bool else {
                throw .data(
                    "字段 illustrative 应为 true 或 false", en: "field illustrative must be true or false",
                    at: loc(v, "illustrative"))
            }
            illustrative = b
        }
        let note = try string(root, "note", path: "") ?? ""
        var denominators: [Denominator] = []
        if let ds = root["denominators"] {
            for d in ds.items ?? [] {
                try known(d, denominatorKeys, path: "denominators", strict)
                let code = try string(d, "code", required: true, path: "denominators")!
                denominators.append(
                    Denominator(
                        code: code, nameZh: try string(d, "name_zh", path: "denominators") ?? "",
                        nameEn: try string(d, "name_en", path: "denominators") ?? "",
                        unit: try string(d, "unit", path: "denominators") ?? ""))
            }
        }
        var nodes: [IndexNode] = []
        guard let list = root["nodes"], list.items != nil else {
            throw GSLError.data("缺少节点列表 nodes", en: "missing node list: nodes", at: loc(root, "nodes"))
                .because(.configMissingKey)
        }
        func walk(_ items: [ConfigNode], parent: String?, path: String) throws(GSLError) {
            for (i, item) in items.enumerated() {
                let p = "\(path)[\(i)]"
                guard item.entries != nil else {
                    throw .data("\(p) 应为映射", en: "\(p) must be a mapping", at: loc(item))
                }
                try known(item, nodeKeys, path: p, strict)
                let code = try string(item, "code", required: true, path: p)!
                let weight = try number(item, ["weight", "权重"], path: p) ?? 1
                let explicitParent = try string(item, "parent", path: p)
                var aggregation: AggregationMethod?
                if let a = try string(item, "aggregation", path: p) {
                    guard let m = AggregationMethod(rawValue: a) else {
                        throw .data(
                            "未知汇总方法：\(a)", en: "unknown aggregation method: \(a)",
                            at: loc(item["aggregation"], "aggregation"))
                    }
                    aggregation = m
                }
                var indicator: IndicatorSpec?
                if let ind = item["indicator"] {
                    let ip = "\(p).indicator"
                    guard ind.entries != nil else {
                        throw .data("\(ip) 应为映射", en: "\(ip) must be a mapping", at: loc(ind))
                    }
                    try known(ind, indicatorKeys, path: ip, strict)
                    let dir = try number(ind, ["direction"], path: ip) ?? 1
                    var goalposts: [Double]?
                    if let g = ind["goalposts"] {
                        goalposts = []
                        for v in g.items ?? [] {
                            guard let s = v.scalarText, let d = Double(s), d.isFinite else {
                                throw .data(
                                    "\(ip).goalposts 应为数值列表", en: "\(ip).goalposts must be a list of numbers",
                                    at: loc(v))
                            }
                            goalposts!.append(d)
                        }
                    }
                    indicator = IndicatorSpec(
                        direction: Int(dir), unit: try string(ind, "unit", path: ip) ?? "",
                        source: try string(ind, "source", path: ip) ?? "", goalposts: goalposts,
                        unacceptable: try number(ind, ["unacceptable", "不允许值"], path: ip),
                        satisfactory: try number(ind, ["satisfactory", "满意值"], path: ip),
                        target: try number(ind, ["target"], path: ip),
                        transform: try string(ind, "transform", path: ip) ?? "none",
                        denominator: try string(ind, "denominator", path: ip))
                }
                nodes.append(
                    IndexNode(
                        code: code, nameZh: try string(item, "name_zh", path: p) ?? "",
                        nameEn: try string(item, "name_en", path: p) ?? "", weight: weight,
                        parent: explicitParent ?? parent, aggregation: aggregation,
                        indicator: indicator, line: item.line))
                if let kids = item["children"] {
                    try walk(kids.items ?? [], parent: code, path: "\(p).children")
                }
            }
        }
        try walk(list.items ?? [], parent: nil, path: "nodes")
        var grading: GradingRule?
        if let g = root["grading"] {
            try known(g, gradingKeys, path: "grading", strict)
            let kindText = try string(g, "kind", path: "grading") ?? "thresholds"
            guard
                let kind = GradingRule.Kind(
                    rawValue: kindText == "rank_quantiles" ? "rankQuantiles" : kindText)
            else {
                throw .data("未知评级方式：\(kindText)", en: "unknown grading kind: \(kindText)", at: loc(g, "kind"))
            }
            var grades: [GradingRule.Grade] = []
            for (i, gr) in (g["grades"]?.items ?? []).enumerated() {
                let p = "grading.grades[\(i)]"
                try known(gr, gradeKeys, path: p, strict)
                guard let bound = try number(gr, ["min", "top", "bound"], path: p) else {
                    throw .data("\(p) 缺少界限（min 或 top）", en: "\(p) needs a bound (min or top)", at: loc(gr))
                }
                grades.append(
                    .init(
                        labelZh: try string(gr, "label_zh", path: p) ?? "",
                        labelEn: try string(gr, "label_en", path: p) ?? "", bound: bound))
            }
            grading = GradingRule(
                kind: kind, grades: grades,
                fallbackZh: try string(g, "fallback_zh", path: "grading") ?? "不合格",
                fallbackEn: try string(g, "fallback_en", path: "grading") ?? "Fail")
        }
        return try Framework(
            id: id, version: version, nameZh: nameZh, nameEn: nameEn, illustrative: illustrative,
            note: note, nodes: nodes, denominators: denominators, grading: grading)
    }
}
