import GSLCore
import Yams

/// Reads YAML settings into a `ConfigNode` tree (line and column of every key and value) for strict
/// decoding. Aliases are expanded against a budget of nodes, so that an "alias bomb" (a kilobyte of
/// nested aliases that expands to billions of nodes) is refused at once instead of hanging.
public enum ConfigYAML {
    /// Most nodes a settings document may expand to (aliases counted at every use).
    public static let maxNodes = 200_000

    /// Parses `text`; errors are `.data` with `file`, line and column.
    public static func parse(_ text: String, file: String? = nil, maxNodes: Int = maxNodes) throws(GSLError)
        -> ConfigNode
    {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw syntaxError(e, file: file)
        } catch {
            throw GSLError.data("YAML 语法错误", en: "YAML syntax error", at: SourceLocation(file: file))
        }
        guard let root else { return ConfigNode(.object([]), line: 1, column: 1) }
        var budget = maxNodes
        return try convert(root, budget: &budget, file: file, maxNodes: maxNodes)
    }

    /// One line from a Yams error: what and where, without the echoed source excerpt.
    static func syntaxError(_ e: YamlError, file: String?) -> GSLError {
        var line: Int?, column: Int?, problem = "\(e)"
        switch e {
        case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _),
            .composer(_, let p, let mark, _):
            line = mark.line
            column = mark.column
            problem = p
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().joined(separator: ", ")
            return GSLError.data(
                "YAML 字段重复：\(keys)", en: "duplicate YAML keys: \(keys)",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            problem = String("\(e)".split(separator: "\n").first ?? "")
        }
        return GSLError.data(
            "YAML 语法错误：\(problem)", en: "YAML syntax error: \(problem)",
            at: SourceLocation(file: file, line: line, column: column))
    }

    private static func convert(_ node: Node, budget: inout Int, file: String?, maxNodes: Int)
        throws(GSLError)
        -> ConfigNode
    {
        budget -= 1
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        if budget < 0 {
            throw GSLError.data(
                "YAML 展开后超过 \(maxNodes) 个节点（别名嵌套过多），拒绝读取",
                en: "YAML expands to more than \(maxNodes) nodes (too many nested aliases); refused",
                at: SourceLocation(file: file, line: line, column: column))
        }
        switch node {
        case .scalar(let s):
            let plain = s.style == .plain
            if plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
                return ConfigNode(.null, line: line, column: column)
            }
            return ConfigNode(.string(s.string, plain: plain), line: line, column: column)
        case .sequence(let q):
            var items: [ConfigNode] = []
            for item in q { items.append(try convert(item, budget: &budget, file: file, maxNodes: maxNodes)) }
            return ConfigNode(.array(items), line: line, column: column)
        case .mapping(let m):
            var entries: [ConfigNode.Entry] = []
            for (k, v) in m {
                guard case .scalar(let ks) = k else {
                    throw GSLError.data(
                        "字段名应为文本", en: "a key must be text",
                        at: SourceLocation(file: file, line: k.mark?.line, column: k.mark?.column))
                }
                let value = try convert(v, budget: &budget, file: file, maxNodes: maxNodes)
                entries.append(
                    .init(
                        key: ks.string, line: k.mark?.line ?? line, column: k.mark?.column ?? column,
                        value: value))
            }
            return ConfigNode(.object(entries), line: line, column: column)
        case .alias:
            throw GSLError.data(
                "YAML 别名无法解析", en: "unresolved YAML alias",
                at: SourceLocation(file: file, line: line, column: column))
        }
    }
}
