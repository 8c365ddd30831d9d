import Foundation

/// Decodes instance documents from JSON, turning every decoding failure into an `InstanceError`
/// with the JSON path (or line and column for a syntax error).
public enum InstanceDecoder {
    /// The instance in `data` (UTF-8 JSON).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(InstanceError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as InstanceError {
            throw error
        } catch let error as DecodingError {
            throw describe(error, data: data)
        } catch {
            throw InstanceError(at: "$", .unreadable(detail: "\(error)"))
        }
    }

    private static func describe(_ error: DecodingError, data: Data) -> InstanceError {
        switch error {
        case .typeMismatch(let type, let context):
            return InstanceError(
                at: InstanceError.jsonPath(context.codingPath), .wrongType(expected: kind(type)))
        case .valueNotFound(let type, let context):
            return InstanceError(
                at: InstanceError.jsonPath(context.codingPath), .missingValue(expected: kind(type)))
        case .keyNotFound(let key, let context):
            return InstanceError(at: InstanceError.jsonPath(context.codingPath + [key]), .missingField)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return syntaxError(data) }
            return InstanceError(
                at: InstanceError.jsonPath(context.codingPath), .unreadable(detail: context.debugDescription))
        @unknown default:
            return InstanceError(at: "$", .unreadable(detail: "\(error)"))
        }
    }

    /// A JSON syntax error with the line and column that JSONSerialization points at.
    private static func syntaxError(_ data: Data) -> InstanceError {
        var detail = "invalid JSON"
        var offset: Int? = nil
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? detail
            if let range = detail.range(of: #"character (\d+)"#, options: .regularExpression) {
                offset = Int(detail[range].dropFirst("character ".count))
            } else if detail.contains("end of file") {
                offset = data.count
            }
        }
        guard let offset else { return InstanceError(at: "$", .syntax(detail: detail)) }
        let bytes = Array(data.prefix(offset))
        let line = bytes.filter { $0 == 0x0A }.count + 1
        let column = offset - (bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return InstanceError(at: "$", .syntax(detail: detail), line: line, column: column)
    }

    private static func kind(_ type: Any.Type) -> InstanceError.ValueKind {
        let name = String(describing: type)
        if type == InstanceRef.self { return .reference }
        if name.contains("Int") { return .integer }
        if name.contains("Double") { return .number }
        if name.contains("String") { return .string }
        if name.contains("Bool") { return .boolean }
        if name.contains("Array") { return .array }
        return .object
    }
}
