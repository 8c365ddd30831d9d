import Foundation

extension Framework {
    /// The framework as YAML in gsl's nested form; parsing it gives the same content hash.
    public func yaml() -> String {
        func q(_ s: String) -> String {
            var out = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out + "\""
        }
        func num(_ d: Double) -> String { "\(d)" }
        var lines = [
            "id: \(q(id))", "version: \(q(version))", "name_zh: \(q(nameZh))", "name_en: \(q(nameEn))",
            "illustrative: \(illustrative)", "note: \(q(note))",
        ]
        if !denominators.isEmpty {
            lines.append("denominators:")
            for d in denominators {
                lines.append(
                    "  - {code: \(q(d.code)), name_zh: \(q(d.nameZh)), name_en: \(q(d.nameEn)), unit: \(q(d.unit))}"
                )
            }
        }
        if let g = grading {
            lines += [
                "grading:", "  kind: \(g.kind == .thresholds ? "thresholds" : "rank_quantiles")", "  grades:",
            ]
            let key = g.kind == .thresholds ? "min" : "top"
            for gr in g.grades {
                lines.append(
                    "    - {label_zh: \(q(gr.labelZh)), label_en: \(q(gr.labelEn)), \(key): \(num(gr.bound))}"
                )
            }
            lines += ["  fallback_zh: \(q(g.fallbackZh))", "  fallback_en: \(q(g.fallbackEn))"]
        }
        lines.append("nodes:")
        func emit(_ code: String, _ indent: String) {
            let n = node(code)!
            lines.append("\(indent)- code: \(q(n.code))")
            let pad = indent + "  "
            lines += [
                "\(pad)name_zh: \(q(n.nameZh))", "\(pad)name_en: \(q(n.nameEn))",
                "\(pad)weight: \(num(n.weight))",
            ]
            if let a = n.aggregation { lines.append("\(pad)aggregation: \(a.rawValue)") }
            if let i = n.indicator {
                lines += [
                    "\(pad)indicator:", "\(pad)  direction: \(i.direction)", "\(pad)  unit: \(q(i.unit))",
                    "\(pad)  source: \(q(i.source))", "\(pad)  transform: \(i.transform)",
                ]
                if let g = i.goalposts {
                    lines.append("\(pad)  goalposts: [\(g.map(num).joined(separator: ", "))]")
                }
                if let v = i.satisfactory { lines.append("\(pad)  satisfactory: \(num(v))") }
                if let v = i.unacceptable { lines.append("\(pad)  unacceptable: \(num(v))") }
                if let v = i.target { lines.append("\(pad)  target: \(num(v))") }
                if let d = i.denominator { lines.append("\(pad)  denominator: \(q(d))") }
            }
            let kids = children(of: code)
            if !kids.isEmpty {
                lines.append("\(pad)children:")
                for k in kids { emit(k, pad + "  ") }
            }
        }
        emit(rootCode, "  ")
        return lines.joined(separator: "\n") + "\n"
    }
}
