import Foundation
import GSLCore
import GSLOptimize

/// Reads and decodes a solver instance, turning every problem into a `GSLError` that names the
/// file and the JSON path (or line and column for a syntax error).
struct InstanceReader {
    /// The file as the user named it.
    let path: String

    /// The decoded instance.
    func decode<T: Decodable>(_ type: T.Type) throws(GSLError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw GSLError.notFound("找不到实例文件 \(path)", en: "instance file not found: \(path)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            // JSONDecoder calls well-formed JSON "not valid" when a number does not fit its field (1.5 or
            // 1e30 for an integer) and says neither where nor why; the strict reader names the value.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil,
                let text = String(data: data, encoding: .utf8)
            {
                do { _ = try ConfigDecoder.decodeJSON(T.self, from: text, file: path) } catch { throw error }
            }
            throw describe(error, data: data)
        } catch {
            throw GSLError.data(
                "实例无法读取：\(error)", en: "unreadable instance: \(error)", at: SourceLocation(file: path))
        }
    }

    /// A data error at a JSON path in this file.
    func error(at path: String, _ zh: String, en: String) -> GSLError {
        GSLError.data(
            "实例格式错误：\(zh)", en: "malformed instance: \(en)", at: SourceLocation(file: self.path, field: path))
    }

    /// Turns a solver's refusal of the decoded instance into a data error.
    func error(_ error: OptimizeError) -> GSLError {
        switch error {
        case .invalidInput(let text):
            return GSLError.data(
                "实例无效：\(text)", en: "invalid instance: \(text)", at: SourceLocation(file: path))
        case .overflow(let text):
            return GSLError.data(
                "数值过大：\(text)", en: "numbers too large: \(text)", at: SourceLocation(file: path))
        case .assignmentInfeasible(let matchable, let required):
            return GSLError.data(
                "无可行指派：允许的配对最多覆盖 \(matchable)/\(required) 行",
                en: "infeasible: allowed pairs cover at most \(matchable) of \(required) rows",
                at: SourceLocation(file: path))
        }
    }

    private func describe(_ error: DecodingError, data: Data) -> GSLError {
        switch error {
        case .typeMismatch(let type, let context):
            let wanted = Self.typeName(type)
            return self.error(
                at: Self.jsonPath(context.codingPath), "应为\(wanted.zh)", en: "expected \(wanted.en)")
        case .valueNotFound(let type, let context):
            let wanted = Self.typeName(type)
            return self.error(
                at: Self.jsonPath(context.codingPath), "缺少值，应为\(wanted.zh)",
                en: "missing value, expected \(wanted.en)")
        case .keyNotFound(let key, let context):
            return self.error(at: Self.jsonPath(context.codingPath + [key]), "缺少字段", en: "missing field")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return syntaxError(data) }
            return self.error(
                at: Self.jsonPath(context.codingPath), context.debugDescription, en: context.debugDescription)
        @unknown default:
            return self.error(at: "$", "\(error)", en: "\(error)")
        }
    }

    /// A JSON syntax error with the line and column that JSONSerialization points at.
    private func syntaxError(_ data: Data) -> GSLError {
        var detail = "invalid JSON"
        var offset: Int? = nil
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? detail
            if let range = detail.range(of: #"character (\d+)"#, options: .regularExpression) {
                offset = Int(detail[range].dropFirst("character ".count))
            } else if detail.contains("end of file") {
                offset = data.count
            }
        }
        var location = SourceLocation(file: path)
        // Foundation's English text for a number beyond Double: said in the user's language, at its place.
        if let range = detail.range(of: #"^Number (\S+) is not representable"#, options: .regularExpression) {
            let number = String(detail[range].dropFirst("Number ".count).prefix { $0 != " " })
            if let at = data.firstRange(of: Data(number.utf8)) { offset = at.lowerBound }
            location.line = offset.map { o in data.prefix(o).filter { $0 == 0x0A }.count + 1 }
            location.column = offset.map { o in
                o - (data.prefix(o).lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            }
            return GSLError.data("数值超出范围：\(number)", en: "number out of range: \(number)", at: location)
        }
        if let offset {
            let bytes = Array(data.prefix(offset))
            location.line = bytes.filter { $0 == 0x0A }.count + 1
            location.column = offset - (bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        }
        return GSLError.data("JSON 语法错误（\(detail)）", en: "JSON syntax error (\(detail))", at: location)
    }

    /// `$.arcs[3].capacity` for a coding path.
    static func jsonPath(_ path: [any CodingKey]) -> String {
        var text = "$"
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += ".\(key.stringValue)" }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> (zh: String, en: String) {
        let name = String(describing: type)
        if name.contains("Int") { return ("整数", "an integer") }
        if name.contains("Double") { return ("数字", "a number") }
        if name.contains("String") { return ("字符串", "a string") }
        if name.contains("Bool") { return ("true 或 false", "true or false") }
        if name.contains("Array") { return ("数组", "an array") }
        if name.contains("Dictionary") { return ("对象", "an object") }
        return (name, name)
    }
}
