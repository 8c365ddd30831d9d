import GSLCore
import Yams

/// Reads YAML settings into a `ConfigNode` tree (line and column of every key and value) for strict
/// decoding. Aliases are expanded against a budget of nodes, so that an "alias bomb" (a kilobyte of
/// nested aliases that expands to billions of nodes) is refused at once instead of hanging. Without
/// aliases every node takes at least one byte of text, so the budget — one node per byte, at least
/// `minimumBudget` — never refuses an honest document.
public enum ConfigYAML {
    /// Nodes any document may expand to, however short.
    public static let minimumBudget = 10_000

    /// Parses `text`; errors are `.data` with `file`, line and column. `maxNodes` overrides the budget.
    public static func parse(_ text: String, file: String? = nil, maxNodes: Int? = nil) throws(GSLError)
        -> ConfigNode
    {
        let maxNodes = maxNodes ?? max(minimumBudget, text.utf8.count)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw syntaxError(e, file: file)
        } catch {
            throw GSLError.data("YAML 语法错误", en: "YAML syntax error", at: SourceLocation(file: file))
                .because(.configSyntax)
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
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            ).because(.configSyntax)
        default:
            problem = String("\(e)".split(separator: "\n").first ?? "")
        }
        return GSLError.data(
            "YAML 语法错误：\(chinese(problem))", en: "YAML syntax error: \(problem)",
            at: SourceLocation(file: file, line: line, column: column)
        ).because(.configSyntax)
    }

    /// libyaml's common problems in Chinese (others keep libyaml's words).
    static func chinese(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("did not find expected key", "缺少预期的键（缩进或冒号有误？）"),
            ("mapping values are not allowed in this context", "此处不允许键值对（冒号后缺空格或缩进有误？）"),
            ("found character that cannot start any plain token", "出现不能作为值开头的字符（如 Tab、@、`）"),
            ("could not find expected ':'", "缺少冒号"),
            ("found undefined alias", "引用了未定义的别名"),
            ("did not find expected ',' or ']'", "缺少逗号或 ]"),
            ("did not find expected ',' or '}'", "缺少逗号或 }"),
            ("found unexpected end of stream", "文件意外结束"),
            ("found a tab character that violates indentation", "缩进中有 Tab"),
            ("did not find expected node content", "缺少值"),
            ("found unknown escape character", "未知的转义字符"),
        ]
        return known.first { problem.hasPrefix($0.0) }?.1 ?? problem
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
                at: SourceLocation(file: file, line: line, column: column)
            ).because(.configAliasExpansion)
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
