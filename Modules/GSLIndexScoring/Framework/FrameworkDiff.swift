/// Differences between two framework versions, matched by node code.
public struct FrameworkDiff: Sendable, Equatable {
    /// One change to one node.
    public enum Change: Sendable, Equatable, CustomStringConvertible {
        /// A node present only in the new version.
        case added(code: String, parent: String?, isIndicator: Bool)
        /// A node present only in the old version.
        case removed(code: String, parent: String?, isIndicator: Bool)
        /// A node whose parent changed.
        case moved(code: String, from: String?, to: String?)
        /// A node whose Chinese or English name changed.
        case renamed(code: String, fromZh: String, toZh: String, fromEn: String, toEn: String)
        /// A node whose weight changed.
        case reweighted(code: String, from: Double, to: Double)
        /// An indicator whose direction changed.
        case redirected(code: String, from: Int, to: Int)

        /// The node code concerned.
        public var code: String {
            switch self {
            case .added(let c, _, _), .removed(let c, _, _), .moved(let c, _, _), .renamed(let c, _, _, _, _),
                .reweighted(let c, _, _), .redirected(let c, _, _):
                c
            }
        }

        /// The change kind as a word: added, removed, moved, renamed, reweighted, redirected.
        public var kind: String {
            switch self {
            case .added: "added"
            case .removed: "removed"
            case .moved: "moved"
            case .renamed: "renamed"
            case .reweighted: "reweighted"
            case .redirected: "redirected"
            }
        }

        /// One line, e.g. `moved X: A → B`.
        public var description: String {
            switch self {
            case .added(let c, let p, _): "added \(c) under \(p ?? "-")"
            case .removed(let c, let p, _): "removed \(c) from \(p ?? "-")"
            case .moved(let c, let f, let t): "moved \(c): \(f ?? "-") → \(t ?? "-")"
            case .renamed(let c, let fz, let tz, let fe, let te): "renamed \(c): \(fz)/\(fe) → \(tz)/\(te)"
            case .reweighted(let c, let f, let t): "reweighted \(c): \(f) → \(t)"
            case .redirected(let c, let f, let t): "redirected \(c): \(f) → \(t)"
            }
        }
    }

    /// All changes, removed first, then per node of the new version in tree order.
    public var changes: [Change]

    /// Compares `old` with `new`.
    public init(from old: Framework, to new: Framework) {
        var out: [Change] = []
        for code in old.treeOrder where new.node(code) == nil {
            let n = old.node(code)!
            out.append(.removed(code: code, parent: n.parent, isIndicator: n.isIndicator))
        }
        for code in new.treeOrder {
            let n = new.node(code)!
            guard let o = old.node(code) else {
                out.append(.added(code: code, parent: n.parent, isIndicator: n.isIndicator))
                continue
            }
            if o.parent != n.parent { out.append(.moved(code: code, from: o.parent, to: n.parent)) }
            if o.nameZh != n.nameZh || o.nameEn != n.nameEn {
                out.append(
                    .renamed(code: code, fromZh: o.nameZh, toZh: n.nameZh, fromEn: o.nameEn, toEn: n.nameEn))
            }
            if o.weight != n.weight { out.append(.reweighted(code: code, from: o.weight, to: n.weight)) }
            if let a = o.indicator?.direction, let b = n.indicator?.direction, a != b {
                out.append(.redirected(code: code, from: a, to: b))
            }
        }
        changes = out
    }

    /// True when nothing differs in the tree.
    public var isEmpty: Bool { changes.isEmpty }
}
