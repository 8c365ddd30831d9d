/// Strict decoding of settings files: every key must be one the type reads (an unknown or misspelt key is
/// refused with its line, column and a "did you mean" suggestion), numbers must fit, and every failure is
/// one `GSLError` (exit 65) in both languages naming file, line, column and the key path — never a raw
/// `DecodingError`.
public enum ConfigDecoder {
    /// Decodes `T` from a parsed document.
    public static func decode<T: Decodable>(_ type: T.Type, from node: ConfigNode, file: String?)
        throws(GSLError)
        -> T
    {
        let tracker = Tracker()
        let decoder = NodeDecoder(node: node, codingPath: [], tracker: tracker, file: file)
        let value: T
        do {
            value = try T(from: decoder)
        } catch let failure as Failure {
            throw failure.error
        } catch let error as GSLError {
            throw error.at(node.location(file: file))
        } catch let error as DecodingError {
            throw translate(error, root: node, tracker: tracker, file: file)
        } catch {
            throw GSLError.data(
                "设置无效：\(error)", en: "invalid settings: \(error)", at: node.location(file: file))
        }
        try tracker.refuseUnknownKeys(file: file)
        return value
    }

    /// Parses JSON text and decodes `T` strictly.
    public static func decodeJSON<T: Decodable>(_ type: T.Type, from text: String, file: String?)
        throws(GSLError)
        -> T
    {
        try decode(type, from: ConfigJSON.parse(text, file: file), file: file)
    }

    /// Refuses keys of `node` (a mapping) other than `allowed`; `path` names the mapping in the message.
    public static func refuseUnknownKeys(
        _ node: ConfigNode, allowed: [String], path: String, file: String?
    ) throws(GSLError) {
        for e in node.entries ?? [] where !allowed.contains(e.key) {
            throw GSLError(
                .data, ConfigSuggestion.unknownKey(e.key, path: path, allowed: allowed),
                at: SourceLocation(file: file, line: e.line, column: e.column, field: e.key)
            ).because(.configUnknownKey)
        }
    }

    /// `$.normalise.byIndicator[2]` for a coding path.
    static func pathText(_ path: [any CodingKey]) -> String {
        var text = "$"
        for key in path {
            if let index = key.intValue,
                key.stringValue == "Index \(index)" || key.stringValue == String(index)
            {
                text += "[\(index)]"
            } else {
                text += ".\(key.stringValue)"
            }
        }
        return text
    }

    /// The node at `path`, or the deepest one found on the way.
    static func node(at path: [any CodingKey], in root: ConfigNode) -> ConfigNode {
        var n = root
        for key in path {
            if let items = n.items, let i = key.intValue, i < items.count {
                n = items[i]
            } else if let child = n[key.stringValue] {
                n = child
            } else {
                break
            }
        }
        return n
    }

    /// A `DecodingError` raised by a type's own decoding, as a located one-line error.
    static func translate(_ error: DecodingError, root: ConfigNode, tracker: Tracker, file: String?)
        -> GSLError
    {
        switch error {
        case .keyNotFound(let key, let context):
            let holder = node(at: context.codingPath, in: root)
            let path = pathText(context.codingPath)
            // A present key that nobody asked for and that is one typo away is the likely cause.
            if let entries = holder.entries {
                let requested = tracker.requested(at: path)
                for e in entries where !requested.contains(e.key) {
                    if ConfigSuggestion.closest(to: e.key, among: [key.stringValue]) != nil {
                        return GSLError(
                            .data, ConfigSuggestion.unknownKey(e.key, path: path, allowed: [key.stringValue]),
                            at: SourceLocation(file: file, line: e.line, column: e.column, field: e.key)
                        ).because(.configUnknownKey)
                    }
                }
            }
            let full = pathText(context.codingPath + [key])
            return GSLError.data(
                "缺少字段 \(full)", en: "missing key \(full)",
                at: holder.location(file: file, field: key.stringValue))
        case .valueNotFound(_, let context), .typeMismatch(_, let context):
            let n = node(at: context.codingPath, in: root)
            let path = pathText(context.codingPath)
            return GSLError.data(
                "字段 \(path) 的值无效", en: "invalid value for \(path)", at: n.location(file: file, field: path))
        case .dataCorrupted(let context):
            let n = node(at: context.codingPath, in: root)
            let path = pathText(context.codingPath)
            let shown = n.scalarText.map { "「\($0)」" } ?? ""
            let shownEn = n.scalarText.map { " '\($0)'" } ?? ""
            return GSLError.data(
                "字段 \(path) 的值\(shown)无效", en: "invalid value\(shownEn) for \(path)",
                at: n.location(file: file, field: path))
        @unknown default:
            return GSLError.data("设置无效", en: "invalid settings", at: root.location(file: file))
        }
    }

    /// A located error raised inside the decoder, unwrapped at the top.
    struct Failure: Error {
        let error: GSLError
    }

    /// The keys each mapping was asked for, to find the ones nobody reads.
    final class Tracker {
        struct Record {
            var node: ConfigNode
            var requested: Set<String> = []
            var open = false
        }
        var records: [String: Record] = [:]
        var order: [String] = []

        func visit(_ path: String, _ node: ConfigNode) {
            if records[path] == nil {
                records[path] = Record(node: node)
                order.append(path)
            }
        }
        func request(_ path: String, _ key: String) { records[path]?.requested.insert(key) }
        func open(_ path: String) { records[path]?.open = true }
        func requested(at path: String) -> Set<String> { records[path]?.requested ?? [] }

        func refuseUnknownKeys(file: String?) throws(GSLError) {
            var problems: [(ConfigNode.Entry, String, [String])] = []
            for path in order {
                guard let r = records[path], !r.open else { continue }
                for e in r.node.entries ?? [] where !r.requested.contains(e.key) {
                    problems.append((e, path, r.requested.sorted()))
                }
            }
            // The first in the file is reported.
            if let (e, path, allowed) = problems.min(by: {
                ($0.0.line, $0.0.column) < ($1.0.line, $1.0.column)
            }) {
                throw GSLError(
                    .data, ConfigSuggestion.unknownKey(e.key, path: path, allowed: allowed),
                    at: SourceLocation(file: file, line: e.line, column: e.column, field: e.key)
                ).because(.configUnknownKey)
            }
        }
    }
}

/// The `Decoder` over a `ConfigNode`.
struct NodeDecoder: Decoder {
    let node: ConfigNode
    let codingPath: [any CodingKey]
    let tracker: ConfigDecoder.Tracker
    let file: String?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// A refusal located at this node (or `n`) and its key path, with `cause` when it has one.
    func fail(_ zh: String, en: String, at n: ConfigNode? = nil, because cause: GSLError.Cause? = nil)
        -> ConfigDecoder.Failure
    {
        let path = ConfigDecoder.pathText(codingPath)
        var error = GSLError.data(zh, en: en, at: (n ?? node).location(file: file, field: path))
        error.cause = cause
        return ConfigDecoder.Failure(error: error)
    }

    func child(_ n: ConfigNode, _ key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: n, codingPath: codingPath + [key], tracker: tracker, file: file)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let entries = node.entries else {
            throw fail("应为映射（对象）", en: "expected a mapping (object)", because: .configWrongType)
        }
        tracker.visit(ConfigDecoder.pathText(codingPath), node)
        return KeyedDecodingContainer(NodeKeyed<Key>(decoder: self, entries: entries))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = node.items else {
            throw fail("应为列表", en: "expected a list", because: .configWrongType)
        }
        return NodeUnkeyed(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { NodeSingle(decoder: self) }

    // MARK: Scalars

    var kindName: (zh: String, en: String) {
        switch node.value {
        case .null: ("空值", "null")
        case .bool: ("布尔值", "a boolean")
        case .number: ("数字", "a number")
        case .string: ("文本", "text")
        case .array: ("列表", "a list")
        case .object: ("映射", "a mapping")
        }
    }

    func bool() throws -> Bool {
        guard let b = node.bool else {
            throw fail(
                "应为 true 或 false，实为\(kindName.zh)", en: "expected true or false, found \(kindName.en)",
                because: .configWrongType)
        }
        return b
    }

    func string() throws -> String {
        switch node.value {
        case .string(let s, _): return s
        default:
            throw fail(
                "应为文本，实为\(kindName.zh)", en: "expected text, found \(kindName.en)", because: .configWrongType)
        }
    }

    func double() throws -> Double {
        let text: String
        switch node.value {
        case .number(let s): text = s
        case .string(let s, true): text = s
        default:
            throw fail(
                "应为数字，实为\(kindName.zh)", en: "expected a number, found \(kindName.en)",
                because: .configWrongType)
        }
        guard let d = Double(text) else {
            throw fail("应为数字：\(text)", en: "expected a number: \(text)", because: .configWrongType)
        }
        guard d.isFinite else {
            throw fail("数值超出范围：\(text)", en: "number out of range: \(text)", because: .configNumberOutOfRange)
        }
        return d
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let text: String
        switch node.value {
        case .number(let s): text = s
        case .string(let s, true): text = s
        default:
            throw fail(
                "应为整数，实为\(kindName.zh)", en: "expected an integer, found \(kindName.en)",
                because: .configWrongType)
        }
        if let v = I(text) { return v }
        if let d = Double(text), d.isFinite, d == d.rounded(), let v = I(exactly: d) { return v }
        // A whole number that does not fit (1e30, 1e400) is out of range; a fraction is the wrong type.
        let tooLarge = Double(text).map { !$0.isFinite || $0 == $0.rounded() } ?? false
        throw fail(
            "应为整数（范围内）：\(text)", en: "expected an integer in range: \(text)",
            because: tooLarge ? .configNumberOutOfRange : .configWrongType)
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is Bool.Type: return try bool() as! T
        case is String.Type: return try string() as! T
        case is Double.Type: return try double() as! T
        case is Float.Type: return Float(try double()) as! T
        case is Int.Type: return try integer(Int.self) as! T
        case is Int64.Type: return try integer(Int64.self) as! T
        case is Int32.Type: return try integer(Int32.self) as! T
        case is UInt64.Type: return try integer(UInt64.self) as! T
        case is UInt.Type: return try integer(UInt.self) as! T
        case is UInt32.Type: return try integer(UInt32.self) as! T
        case is Int8.Type: return try integer(Int8.self) as! T
        case is Int16.Type: return try integer(Int16.self) as! T
        case is UInt8.Type: return try integer(UInt8.self) as! T
        case is UInt16.Type: return try integer(UInt16.self) as! T
        default:
            do {
                return try T(from: self)
            } catch let error as GSLError {
                // A type that checks its own values: the error is placed at the value it refused.
                throw ConfigDecoder.Failure(error: error.at(node.location(file: file)))
            } catch let error as DecodingError {
                // A value the type refuses: name the accepted ones when the type lists them.
                guard let e = type as? any ConfigEnumeration.Type, case .string(let text, _) = node.value
                else {
                    throw error
                }
                let options = e.configValues
                if let s = ConfigSuggestion.closest(to: text, among: options) {
                    throw fail("未知取值「\(text)」，是否想写 \(s)？", en: "unknown value '\(text)'; did you mean \(s)?")
                }
                throw fail(
                    "未知取值「\(text)」；可用：\(options.joined(separator: ", "))",
                    en: "unknown value '\(text)'; one of: \(options.joined(separator: ", "))")
            }
        }
    }
}

/// A settings enumeration: its accepted spellings, so that a wrong value gets a suggestion.
public protocol ConfigEnumeration {
    /// The accepted values.
    static var configValues: [String] { get }
}

extension ConfigEnumeration where Self: CaseIterable & RawRepresentable, RawValue == String {
    /// The raw values of every case.
    public static var configValues: [String] { allCases.map(\.rawValue) }
}

struct NodeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let entries: [ConfigNode.Entry]
    var codingPath: [any CodingKey] { decoder.codingPath }
    var path: String { ConfigDecoder.pathText(decoder.codingPath) }

    var allKeys: [Key] {
        decoder.tracker.open(path)
        return entries.compactMap { Key(stringValue: $0.key) }
    }

    func contains(_ key: Key) -> Bool {
        decoder.tracker.request(path, key.stringValue)
        return entries.contains { $0.key == key.stringValue }
    }

    func entry(_ key: Key) throws -> ConfigNode {
        decoder.tracker.request(path, key.stringValue)
        guard let e = entries.first(where: { $0.key == key.stringValue }) else {
            let full = ConfigDecoder.pathText(codingPath + [key])
            // A misspelt key next to the missing one is the likely cause.
            for other in entries
            where ConfigSuggestion.closest(to: other.key, among: [key.stringValue]) != nil {
                throw ConfigDecoder.Failure(
                    error: GSLError(
                        .data, ConfigSuggestion.unknownKey(other.key, path: path, allowed: [key.stringValue]),
                        at: SourceLocation(
                            file: decoder.file, line: other.line, column: other.column, field: other.key)
                    ).because(.configUnknownKey))
            }
            throw ConfigDecoder.Failure(
                error: GSLError.data(
                    "缺少字段 \(full)", en: "missing key \(full)",
                    at: decoder.node.location(file: decoder.file, field: key.stringValue)))
        }
        return e.value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try entry(key).value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.child(try entry(key), key).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder.child(try entry(key), key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try entry(key), key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(try entry(key), key) }
}

/// An index as a coding key.
struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ i: Int) {
        stringValue = "Index \(i)"
        intValue = i
    }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
}

struct NodeUnkeyed: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [ConfigNode]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else { throw decoder.fail("列表项不足", en: "not enough items in the list") }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = items[currentIndex].value {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct NodeSingle: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.node.value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
