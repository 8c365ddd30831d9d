import Foundation
import GSLCore

/// A versioned indicator framework: a validated tree of nodes with indicators at the leaves.
public struct Framework: Sendable, Equatable, Codable {
    /// Framework identifier, e.g. `qinqing`.
    public var id: String
    /// Version label, e.g. `v2`.
    public var version: String
    /// Chinese title.
    public var nameZh: String
    /// English title.
    public var nameEn: String
    /// True when weights or indicators are illustrative rather than published.
    public var illustrative: Bool
    /// Free-text note (source, caveats).
    public var note: String
    /// Nodes in file order (parents before or after children; validated as a tree).
    public private(set) var nodes: [IndexNode]
    /// Denominator variables.
    public var denominators: [Denominator]
    /// Grading rule, when the framework defines one.
    public var grading: GradingRule?

    /// Builds and validates a framework; throws a data error naming the offending node.
    public init(
        id: String, version: String, nameZh: String, nameEn: String, illustrative: Bool = false,
        note: String = "", nodes: [IndexNode], denominators: [Denominator] = [],
        grading: GradingRule? = nil
    ) throws(GSLError) {
        self.id = id
        self.version = version
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.illustrative = illustrative
        self.note = note
        self.nodes = nodes
        self.denominators = denominators
        self.grading = grading
        try validate()
        buildIndex()
    }

    private var position: [String: Int] = [:]
    private var childMap: [String: [String]] = [:]

    private enum CodingKeys: String, CodingKey {
        case id, version, nameZh, nameEn, illustrative, note, nodes, denominators, grading
    }

    /// Decodes and validates.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: c.decode(String.self, forKey: .id), version: c.decode(String.self, forKey: .version),
            nameZh: c.decode(String.self, forKey: .nameZh), nameEn: c.decode(String.self, forKey: .nameEn),
            illustrative: c.decode(Bool.self, forKey: .illustrative),
            note: c.decode(String.self, forKey: .note),
            nodes: c.decode([IndexNode].self, forKey: .nodes),
            denominators: c.decode([Denominator].self, forKey: .denominators),
            grading: c.decodeIfPresent(GradingRule.self, forKey: .grading))
    }

    /// Encodes the framework's fields.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(version, forKey: .version)
        try c.encode(nameZh, forKey: .nameZh); try c.encode(nameEn, forKey: .nameEn)
        try c.encode(illustrative, forKey: .illustrative); try c.encode(note, forKey: .note)
        try c.encode(nodes, forKey: .nodes); try c.encode(denominators, forKey: .denominators)
        try c.encodeIfPresent(grading, forKey: .grading)
    }

    /// Equality on content (not on lookup caches).
    public static func == (a: Framework, b: Framework) -> Bool {
        a.id == b.id && a.version == b.version && a.nameZh == b.nameZh && a.nameEn == b.nameEn
            && a.illustrative == b.illustrative && a.note == b.note && a.nodes == b.nodes
            && a.denominators == b.denominators && a.grading == b.grading
    }

    private mutating func buildIndex() {
        position = [:]
        childMap = [:]
        for (i, n) in nodes.enumerated() {
            position[n.code] = i
            if let p = n.parent { childMap[p, default: []].append(n.code) }
        }
    }

    /// Checks the nodes; every refusal is `frameworkInvalid`.
    private func validate() throws(GSLError) {
        do { try checkNodes() } catch { throw error.because(.frameworkInvalid) }
    }

    /// The checks of `validate()`.
    private func checkNodes() throws(GSLError) {
        var seen: [String: IndexNode] = [:]
        for n in nodes {
            let loc = SourceLocation(line: n.line, field: n.code)
            if n.code.trimmingCharacters(in: .whitespaces).isEmpty {
                throw .data("节点代码为空", en: "a node has an empty code", at: SourceLocation(line: n.line))
            }
            if let first = seen[n.code] {
                let where0 = first.line.map { String($0) } ?? "?"
                throw .data(
                    "节点代码重复：\(n.code)（首次出现于第 \(where0) 行）",
                    en: "duplicate node code: \(n.code) (first at line \(where0))", at: loc)
            }
            seen[n.code] = n
            if !n.weight.isFinite || n.weight < 0 {
                throw .data(
                    "权重为负或无效：\(n.code) = \(n.weight)",
                    en: "negative or invalid weight: \(n.code) = \(n.weight)", at: loc)
            }
            if let ind = n.indicator {
                if ind.direction != 1 && ind.direction != -1 {
                    throw .data("方向必须为 1 或 -1：\(n.code)", en: "direction must be 1 or -1: \(n.code)", at: loc)
                }
                if ind.transform != "none" && ind.transform != "log" {
                    throw .data(
                        "未知变换：\(ind.transform)（\(n.code)）",
                        en: "unknown transform: \(ind.transform) (\(n.code))", at: loc)
                }
                if let g = ind.goalposts, g.count != 2 || g[0] >= g[1] {
                    throw .data(
                        "目标值区间须为 [最小, 最大] 且最小 < 最大：\(n.code)",
                        en: "goalposts must be [min, max] with min < max: \(n.code)", at: loc)
                }
                if let u = ind.unacceptable, let s = ind.satisfactory, u == s {
                    throw .data(
                        "满意值与不允许值相同：\(n.code)",
                        en: "satisfactory and unacceptable values are equal: \(n.code)", at: loc)
                }
                if let d = ind.denominator, !denominators.contains(where: { $0.code == d }) {
                    throw .data(
                        "分母未声明：\(d)（\(n.code)）", en: "undeclared denominator: \(d) (\(n.code))", at: loc)
                }
            }
        }
        let roots = nodes.filter { $0.parent == nil }
        for n in nodes {
            if let p = n.parent, seen[p] == nil {
                throw .data(
                    "父节点不存在：\(n.code) 的父节点 \(p)",
                    en: "missing parent: \(p) (parent of \(n.code))",
                    at: SourceLocation(line: n.line, field: n.code))
            }
        }
        // Cycles: follow parents from each node.
        for n in nodes {
            var visited: [String] = [n.code]
            var cur = n.parent
            while let c = cur {
                if visited.contains(c) {
                    let path = (visited + [c]).joined(separator: " → ")
                    throw .data(
                        "框架中存在循环：\(path)", en: "cycle in framework: \(path)",
                        at: SourceLocation(line: n.line, field: n.code))
                }
                visited.append(c)
                cur = seen[c]?.parent
            }
        }
        if roots.count != 1 {
            let names = roots.map(\.code).joined(separator: ", ")
            throw .data(
                "框架须恰有一个根节点，现有 \(roots.count) 个：\(names)",
                en: "a framework needs exactly one root, found \(roots.count): \(names)")
        }
        var children: [String: [IndexNode]] = [:]
        for n in nodes { if let p = n.parent { children[p, default: []].append(n) } }
        for n in nodes {
            let kids = children[n.code] ?? []
            let loc = SourceLocation(line: n.line, field: n.code)
            if n.indicator != nil && !kids.isEmpty {
                throw .data("指标不能有子节点：\(n.code)", en: "an indicator cannot have children: \(n.code)", at: loc)
            }
            if n.indicator == nil && kids.isEmpty {
                throw .data("汇总节点没有子节点：\(n.code)", en: "aggregate node has no children: \(n.code)", at: loc)
            }
            if !kids.isEmpty && kids.allSatisfy({ $0.weight == 0 }) {
                throw .data("\(n.code) 的子节点权重全为零", en: "all child weights of \(n.code) are zero", at: loc)
            }
        }
    }

    /// The root node's code.
    public var rootCode: String { nodes.first { $0.parent == nil }!.code }

    /// The node with `code`, if any.
    public func node(_ code: String) -> IndexNode? { position[code].map { nodes[$0] } }

    /// Children codes of `code`, in file order.
    public func children(of code: String) -> [String] { childMap[code] ?? [] }

    /// Indicator codes (leaves) in file order.
    public var indicatorCodes: [String] { nodes.filter(\.isIndicator).map(\.code) }

    /// Aggregate codes (non-leaves) in file order.
    public var aggregateCodes: [String] { nodes.filter { !$0.isIndicator }.map(\.code) }

    /// Level of a node counted COINr-style: indicators are level 1, a parent is one above its highest child.
    public func level(of code: String) -> Int {
        let kids = children(of: code)
        return kids.isEmpty ? 1 : 1 + kids.map { level(of: $0) }.max()!
    }

    /// Depth from the root (root = 0).
    public func depth(of code: String) -> Int {
        var d = 0
        var cur = node(code)?.parent
        while let c = cur { d += 1; cur = node(c)?.parent }
        return d
    }

    /// Aggregate codes ordered so every node comes after all its descendants.
    public var aggregationOrder: [String] {
        var out: [String] = []
        func visit(_ c: String) {
            for k in children(of: c) { visit(k) }
            if node(c)?.isIndicator == false { out.append(c) }
        }
        visit(rootCode)
        return out
    }

    /// All codes in depth-first pre-order from the root.
    public var treeOrder: [String] {
        var out: [String] = []
        func visit(_ c: String) { out.append(c); for k in children(of: c) { visit(k) } }
        visit(rootCode)
        return out
    }

    /// Indicator codes under `code` (itself when it is an indicator).
    public func indicators(under code: String) -> [String] {
        if node(code)?.isIndicator == true { return [code] }
        return children(of: code).flatMap { indicators(under: $0) }
    }

    /// Path of codes from the root down to `code`.
    public func path(to code: String) -> [String] {
        var out = [code]
        var cur = node(code)?.parent
        while let c = cur { out.insert(c, at: 0); cur = node(c)?.parent }
        return out
    }

    /// `id@version`.
    public var reference: String { "\(id)@\(version)" }
}
