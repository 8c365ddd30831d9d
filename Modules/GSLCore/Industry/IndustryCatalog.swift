/// The industry classification as a searchable tree.
public struct IndustryCatalog: Sendable {
    /// GB/T 4754-2017 with its 2019 amendment, embedded in the binary.
    public static let standard = IndustryCatalog(table: embeddedTable)

    /// Every entry, in the order of the standard.
    public let entries: [Industry]
    private let indexByCode: [String: Int]
    private let childIndexes: [String: [Int]]
    /// `S` + code → index for every entry whose section is the one-letter code `S` (`C3011`, `CC`).
    private let indexByLetterForm: [String: Int]
    /// For each entry, the index of the first entry of its `parentChain`.
    private let topIndexes: [Int]
    /// For each entry, the indexes of `classes(under:)`.
    private let classIndexes: [[Int]]

    /// A catalogue of `entries` (each parent must come before its children for `children(of:)` order).
    public init(entries: [Industry]) {
        self.entries = entries
        var byCode: [String: Int] = [:]
        byCode.reserveCapacity(entries.count)
        var children: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            byCode[entry.code] = index
            if let parent = entry.parentCode { children[parent, default: []].append(index) }
        }
        indexByCode = byCode
        childIndexes = children

        var tops: [Int] = []
        tops.reserveCapacity(entries.count)
        var letterForms: [String: Int] = [:]
        letterForms.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            var top = index
            var steps = 0
            while let parent = entries[top].parentCode, let parentIndex = byCode[parent],
                steps <= entries.count
            {
                top = parentIndex
                steps += 1
            }
            tops.append(top)
            // The section as `sectionCode(ofCanonical:)` finds it: the top when it has no parent.
            let section = entries[top].parentCode == nil ? entries[top].code : nil
            if let section, section.utf8.count == 1, let letter = section.utf8.first,
                (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter), byCode[entry.code] == index
            {
                letterForms[section + entry.code] = index
            }
        }
        topIndexes = tops
        indexByLetterForm = letterForms

        var classLists = [[Int]?](repeating: nil, count: entries.count)
        var visiting = Set<Int>()
        func classes(_ index: Int) -> [Int] {
            if let known = classLists[index] { return known }
            guard visiting.insert(index).inserted else { return [] }
            let list =
                entries[index].level == .class
                ? [index]
                : (children[entries[index].code] ?? []).flatMap { child -> [Int] in
                    // `classes(under:)` recurses through the child's code, which may name another entry.
                    guard let childIndex = byCode[entries[child].code] else { return [] }
                    return classes(childIndex)
                }
            visiting.remove(index)
            classLists[index] = list
            return list
        }
        classIndexes = entries.indices.map { byCode[entries[$0].code] == $0 ? classes($0) : [] }
    }

    /// Parses the embedded `code|level|parent|name` lines.
    init(table: String) {
        // One pass over the bytes: splitting the 90 KB of Chinese names as Characters (or through
        // the generic `split`) cost several milliseconds at every start of a command that shows an
        // industry.
        var text = table
        let entries =
            text.withUTF8 { bytes -> [Industry] in
                var entries: [Industry] = []
                entries.reserveCapacity(2_048)
                var fields: [Range<Int>] = []
                var start = 0
                var fieldStart = 0
                func string(_ range: Range<Int>) -> String {
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                }
                for i in 0...bytes.count {
                    let byte = i < bytes.count ? bytes[i] : UInt8(ascii: "\n")
                    if byte == UInt8(ascii: "|") {
                        fields.append(fieldStart..<i)
                        fieldStart = i + 1
                    } else if byte == UInt8(ascii: "\n") {
                        fields.append(fieldStart..<i)
                        if i > start, fields.count == 4,
                            let level = IndustryLevel(rawValue: string(fields[1]))
                        {
                            entries.append(
                                Industry(
                                    code: string(fields[0]), name: string(fields[3]), level: level,
                                    parentCode: fields[2].isEmpty ? nil : string(fields[2])))
                        }
                        fields.removeAll(keepingCapacity: true)
                        start = i + 1
                        fieldStart = i + 1
                    }
                }
                return entries
            }
        self.init(entries: entries)
    }

    /// The canonical code for a code typed as `C`, `30`, `301`, `3011` or `C3011` (any case, full-width
    /// allowed); nil if unknown or if a leading letter is not the section of the digits.
    public func canonicalCode(_ text: String) -> String? {
        canonicalIndex(text).map { entries[$0].code }
    }

    /// The index in `entries` of the code in any accepted form.
    func canonicalIndex(_ text: String) -> Int? {
        // Fast path: ASCII letters and digits only, so cleaning is just upper-casing.
        var hasLower = false
        let plain = UTF8Scan.withBytes(text) { bytes -> Bool in
            guard !bytes.isEmpty, bytes.count <= 15 else { return false }
            for byte in bytes {
                if byte >= 0x61 && byte <= 0x7A {
                    hasLower = true
                } else if !(UTF8Scan.isDigit(byte) || (byte >= 0x41 && byte <= 0x5A)) {
                    return false
                }
            }
            return true
        }
        guard plain else {
            return canonicalCodeFully(text).flatMap { indexByCode[$0] }
        }
        let cleaned = hasLower ? text.uppercased() : text
        let first = cleaned.utf8.first!
        if !UTF8Scan.isDigit(first), cleaned.utf8.count > 1 { return indexByLetterForm[cleaned] }
        return indexByCode[cleaned]
    }

    /// `canonicalCode(_:)` over characters (the reference for the fast path).
    func canonicalCodeFully(_ text: String) -> String? {
        let cleaned = TextNormaliser.halfWidth(text).filter { !$0.isWhitespace }.uppercased()
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
        canonicalIndex(code).map { entries[$0] }
    }

    /// The section, division, … down to the entry itself; empty if the code is unknown.
    public func parentChain(_ code: String) -> [Industry] {
        guard let start = canonicalIndex(code) else { return [] }
        var entry = entries[start]
        var chain = [entry]
        var steps = 0
        while let parent = entry.parentCode, let index = indexByCode[parent], steps <= entries.count {
            entry = entries[index]
            chain.append(entry)
            steps += 1
        }
        chain.reverse()
        return chain
    }

    /// The section (门类) that contains the code.
    public func section(of code: String) -> Industry? {
        canonicalIndex(code).map { entries[topIndexes[$0]] }
    }

    /// The entries one level below the code, in the order of the standard.
    public func children(of code: String) -> [Industry] {
        guard let index = canonicalIndex(code) else { return [] }
        return (childIndexes[entries[index].code] ?? []).map { entries[$0] }
    }

    /// Every class (小类) at or below the code, in the order of the standard.
    public func classes(under code: String) -> [Industry] {
        classIndexes(under: code).map { entries[$0] }
    }

    /// The indexes in `entries` of `classes(under:)`, precomputed.
    func classIndexes(under code: String) -> [Int] {
        guard let index = canonicalIndex(code) else { return [] }
        return classIndexes[index]
    }

    private func sectionCode(ofCanonical code: String) -> String? {
        var current = code
        while let index = indexByCode[current], let parent = entries[index].parentCode { current = parent }
        return indexByCode[current] == nil ? nil : current
    }
}
