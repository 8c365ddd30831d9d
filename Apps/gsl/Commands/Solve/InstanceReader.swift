import Foundation
import GSLCore
import GSLOptimise

/// Reads a solver instance file and turns GSLOptimise's typed errors into `GSLError`s that name
/// the file and the JSON path (or line and column for a syntax error).
struct InstanceReader {
    /// The file as the user named it.
    let path: String

    /// The file's bytes.
    func data() throws(GSLError) -> Data {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw GSLError.usage("\(path) 是目录，应为实例文件", en: "\(path) is a directory, not an instance file")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw GSLError.notFound("找不到实例文件 \(path)", en: "instance file not found: \(path)")
        }
    }

    /// The decoded and validated instance.
    func decode<T: Decodable>(_ type: T.Type) throws(GSLError) -> T {
        try decode(type, from: data())
    }

    /// The decoded and validated instance from bytes already read.
    func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(GSLError) -> T {
        do {
            return try InstanceDecoder.decode(T.self, from: data)
        } catch {
            // Foundation says a well-formed document with a number that does not fit its field
            // (1e400; 1.5 or 1e30 for an integer) is not valid JSON, in English and without a
            // place: the strict settings reader names the value, its line, column and JSON path.
            if case .syntax = error.cause, let text = String(data: data, encoding: .utf8) {
                do { _ = try ConfigDecoder.decodeJSON(T.self, from: text, file: path) } catch let strict {
                    if strict.location?.line != nil { throw strict }
                }
            }
            throw self.error(error)
        }
    }

    /// A refused instance document as a data error at its JSON path.
    func error(_ error: InstanceError) -> GSLError {
        let (zh, en) = Self.text(error.cause, path: error.path)
        if case .syntax(let detail) = error.cause {
            return GSLError.data(
                "JSON 语法错误（\(detail)）", en: "JSON syntax error (\(detail))",
                at: SourceLocation(file: path, line: error.line, column: error.column)
            ).because(.configSyntax)
        }
        if case .rejected(let refusal) = error.cause { return self.error(refusal) }
        if case .unknownField(let name, let known) = error.cause {
            let parent = String(error.path.dropLast(name.count + 1))
            return GSLError(
                .data, ConfigSuggestion.unknownKey(name, path: parent, allowed: known),
                at: SourceLocation(file: path, field: error.path)
            ).because(.configUnknownKey)
        }
        return GSLError.data(
            "实例格式错误：\(zh)", en: "malformed instance: \(en)", at: SourceLocation(file: path, field: error.path)
        ).because(Self.cause(error.cause))
    }

    /// The cause of a refused instance document, for callers and tests to match.
    static func cause(_ cause: InstanceError.Cause) -> GSLError.Cause {
        switch cause {
        case .unknownReference: .solveUnknownReference
        case .duplicateID: .solveDuplicateID
        case .negativeCapacity, .capacityBelowLower, .negativeLowerBound: .solveInvalidCapacity
        default: .solveInstanceMalformed
        }
    }

    /// Turns a solver's refusal of the decoded instance into a data error.
    func error(_ error: OptimiseError) -> GSLError {
        switch error {
        case .invalidInput(let text):
            return GSLError.data(
                "实例无效：\(text)", en: "invalid instance: \(text)", at: SourceLocation(file: path)
            ).because(.solveInstanceMalformed)
        case .overflow(let text):
            return GSLError.data(
                "数值过大：\(text)", en: "numbers too large: \(text)", at: SourceLocation(file: path)
            ).because(.solveNumbersTooLarge)
        case .assignmentInfeasible(let matchable, let required):
            return infeasibleAssignment(matchable: matchable, required: required)
        }
    }

    /// No complete assignment exists.
    func infeasibleAssignment(matchable: Int, required: Int) -> GSLError {
        GSLError.data(
            "无可行指派：允许的配对最多覆盖 \(matchable)/\(required) 行",
            en: "infeasible: allowed pairs cover at most \(matchable) of \(required) rows",
            at: SourceLocation(file: path)
        ).because(.solveInfeasible)
    }

    private static func text(_ cause: InstanceError.Cause, path: String) -> (zh: String, en: String) {
        switch cause {
        case .syntax(let detail): return (detail, detail)
        case .wrongType(let kind):
            let wanted = name(kind)
            return ("应为\(wanted.zh)", "expected \(wanted.en)")
        case .missingValue(let kind):
            let wanted = name(kind)
            return ("缺少值，应为\(wanted.zh)", "missing value, expected \(wanted.en)")
        case .missingField: return ("缺少字段", "missing field")
        case .unreadable(let detail): return ("无法读取（\(detail)）", "unreadable (\(detail))")
        case .rowLength(let row, let count, let expected):
            return (
                "第 \(row) 行有 \(count) 项，第 0 行有 \(expected) 项",
                "row \(row) has \(count) entries, row 0 has \(expected)"
            )
        case .labelCount(let count, let expected):
            return ("应有 \(expected) 个名称，实有 \(count) 个", "expected \(expected) labels, got \(count)")
        case .notFinite: return ("应为有限数", "expected a finite number")
        case .duplicateID(let id): return ("重复的 id \"\(id)\"", "duplicate id \"\(id)\"")
        case .unknownReference(let ref):
            if path.contains(".residents[") { return ("没有医院 \(ref.text)", "no hospital \(ref.text)") }
            if path.contains(".hospitals[") { return ("没有住院医师 \(ref.text)", "no resident \(ref.text)") }
            return ("没有节点 \(ref.text)", "no node \(ref.text)")
        case .negativeLowerBound: return ("下界为负", "negative lower bound")
        case .capacityBelowLower(let capacity, let lower):
            return ("容量 \(capacity) 小于下界 \(lower)", "capacity \(capacity) below lower bound \(lower)")
        case .negativeCapacity: return ("容量为负", "negative capacity")
        case .unknownSide: return ("应为 residents 或 hospitals", "expected residents or hospitals")
        case .rejected(let error): return ("\(error)", "\(error)")
        case .unknownField(let name, _): return ("未知字段「\(name)」", "unknown key '\(name)'")
        }
    }

    private static func name(_ kind: InstanceError.ValueKind) -> (zh: String, en: String) {
        switch kind {
        case .integer: ("整数", "an integer")
        case .number: ("数字", "a number")
        case .string: ("字符串", "a string")
        case .boolean: ("true 或 false", "true or false")
        case .array: ("数组", "an array")
        case .object: ("对象", "an object")
        case .reference: ("id 字符串或位置", "an id string or a position")
        }
    }
}
