import GSLCore

extension Framework {
    /// A canonical text form: one line per item, nodes in tree order, fixed field order, shortest
    /// round-trip numbers; file layout, comments and key order do not change it.
    public var canonicalText: String {
        func num(_ d: Double?) -> String { d.map { "\($0)" } ?? "-" }
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\n", with: "\\n")
        }
        var lines = [
            "framework|\(esc(id))|\(esc(version))|\(esc(nameZh))|\(esc(nameEn))|\(illustrative)|\(esc(note))"
        ]
        for d in denominators.sorted(by: { $0.code < $1.code }) {
            lines.append("denominator|\(esc(d.code))|\(esc(d.nameZh))|\(esc(d.nameEn))|\(esc(d.unit))")
        }
        for code in treeOrder {
            let n = node(code)!
            var line =
                "node|\(esc(n.code))|\(esc(n.parent ?? "-"))|\(esc(n.nameZh))|\(esc(n.nameEn))|\(num(n.weight))|\(n.aggregation?.rawValue ?? "-")"
            if let i = n.indicator {
                line += "|indicator|\(i.direction)|\(esc(i.unit))|\(esc(i.source))|"
                line += (i.goalposts?.map { num($0) }.joined(separator: ",") ?? "-")
                line +=
                    "|\(num(i.unacceptable))|\(num(i.satisfactory))|\(num(i.target))|\(i.transform)|\(esc(i.denominator ?? "-"))"
            }
            lines.append(line)
        }
        if let g = grading {
            lines.append("grading|\(g.kind.rawValue)|\(esc(g.fallbackZh))|\(esc(g.fallbackEn))")
            for gr in g.grades {
                lines.append("grade|\(esc(gr.labelZh))|\(esc(gr.labelEn))|\(num(gr.bound))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// SHA-256 (hex) of `canonicalText`: the framework version's content hash.
    public var contentHash: String { SHA256.hex(canonicalText) }
}
