/// The industry classification as a searchable tree.
public struct IndustryCatalog: Sendable {
    /// GB/T 4754-2017 with its 2019 amendment, embedded in the binary.
    public static let standard = IndustryCatalog(table: embeddedTable)

    /// Every entry, in the order of the standard.
    public let entries: [Industry]
    private let indexByCode: [String: Int]
    private let childIndexes: [String: [Int]]

    /// A catalogue of `entries` (each parent must come before its children for `children(of:)` order).
    public init(entries: [Industry]) {
        self.entries = entries
        var byCode: [String: Int] = [:]
        var children: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            byCode[entry.code] = index
            if let parent = entry.parentCode { children[parent, default: []].append(index) }
        }
        indexByCode = byCode
        childIndexes = children
    }

    /// Parses the embedded `code|level|parent|name` lines.
    init(table: String) {
        let entries = table.split(separator: "\n").compactMap { line -> Industry? in
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let level = IndustryLevel(rawValue: fields[1]) else { return nil }
            return Industry(
                code: fields[0], name: fields[3], level: level,
                parentCode: fields[2].isEmpty ? nil : fields[2])
        }
        self.init(entries: entries)
    }

    /// The canonical code for a code typed as `C`, `30`, `301`, `3011` or `C3011` (any case, full-width
    /// allowed); nil if unknown or if a leading letter is not the section of the digits.
    public func canonicalCode(_ text: String) -> String? {
        let cleaned = TextNormalizer.halfWidth(text).filter { !$0.isWhitespace }.uppercased()
        guard let first = cleaned.first else { return nil }
        if first.isLetter {
            let digits = String(cleaned.dropFirst())
            if digits.isEmpty { return indexByCode[cleaned] == nil ? nil : cleaned }
            guard indexByCode[digits] != nil, sectionCode(ofCanonical: digits) == String(first) else {
                return nil
            }
            return digits
        }
        return indexByCode[cleaned] == nil ? nil : cleaned
    }

    /// The entry for a code in any accepted form (see `canonicalCode(_:)`).
    public func lookup(_ code: String) -> Industry? {
        canonicalCode(code).flatMap { indexByCode[$0] }.map { entries[$0] }
    }

    /// The section, division, … down to the entry itself; empty if the code is unknown.
    public func parentChain(_ code: String) -> [Industry] {
        guard var entry = lookup(code) else { return [] }
        var chain = [entry]
        while let parent = entry.parentCode, let index = indexByCode[parent] {
            entry = entries[index]
            chain.insert(entry, at: 0)
        }
        return chain
    }

    /// The section (门类) that contains the code.
    public func section(of code: String) -> Industry? {
        parentChain(code).first
    }

    /// The entries one level below the code, in the order of the standard.
    public func children(of code: String) -> [Industry] {
        guard let canonical = canonicalCode(code) else { return [] }
        return (childIndexes[canonical] ?? []).map { entries[$0] }
    }

    /// Every class (小类) at or below the code, in the order of the standard.
    public func classes(under code: String) -> [Industry] {
        guard let entry = lookup(code) else { return [] }
        if entry.level == .class { return [entry] }
        return children(of: entry.code).flatMap { classes(under: $0.code) }
    }

    private func sectionCode(ofCanonical code: String) -> String? {
        var current = code
        while let index = indexByCode[current], let parent = entries[index].parentCode { current = parent }
        return indexByCode[current] == nil ? nil : current
    }
}
