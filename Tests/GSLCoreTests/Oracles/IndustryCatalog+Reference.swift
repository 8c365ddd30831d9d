// Reference implementations that exist only to check the fast paths (FastPathTests); they live
// with the tests, not in GSLCore.
@testable import GSLCore

extension IndustryCatalog {
    /// `classes(under:)` by walking the tree (the reference for the precomputed lists).
    func classesFully(under code: String) -> [Industry] {
        guard let entry = lookup(code) else { return [] }
        if entry.level == .class { return [entry] }
        return children(of: entry.code).flatMap { classesFully(under: $0.code) }
    }
}
