import GSLCore

extension TabularReader {
    /// Builds a tabular file from a JSON array of flat objects.
    static func parseJSON(_ decoded: ByteDecoder.Decoded, path: String) throws(GSLError) -> TabularFile {
        var scanner = JSONScanner(decoded.bytes, path: path)
        let objects = try scanner.readArrayOfObjects()
        return table(from: objects, path: path, format: .json, notices: decoded.notices)
    }

    /// Builds a tabular file from NDJSON: one object per non-blank line.
    static func parseNDJSON(_ decoded: ByteDecoder.Decoded, path: String) throws(GSLError) -> TabularFile {
        var objects: [JSONScanner.FlatObject] = []
        let bytes = decoded.bytes
        var line = 1
        var start = 0
        var i = 0
        func take(_ end: Int) throws(GSLError) {
            let slice = Array(bytes[start..<end])
            var scanner = JSONScanner(slice, path: path, firstLine: line)
            guard !scanner.atEnd() else { return }
            objects.append(try scanner.readObject())
            guard scanner.atEnd() else {
                throw GSLError.data(
                    "JSON 格式错误：每行只能有一个对象", en: "invalid JSON: one object per line only",
                    at: SourceLocation(file: path, line: line)
                ).because(.importMalformedJSON)
            }
        }
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                try take(i)
                if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                start = i
                line += 1
                continue
            }
            i += 1
        }
        try take(bytes.count)
        return table(from: objects, path: path, format: .ndjson, notices: decoded.notices)
    }

    /// The header (union of keys in first-seen order) and aligned rows of `objects`.
    static func table(
        from objects: [JSONScanner.FlatObject], path: String, format: TabularFormat,
        notices: [Message]
    ) -> TabularFile {
        var header: [String] = []
        var position: [String: Int] = [:]
        for object in objects {
            for (key, _) in object.pairs where position[key] == nil {
                position[key] = header.count
                header.append(key)
            }
        }
        var rows: [TabularRow] = []
        rows.reserveCapacity(objects.count)
        for (index, object) in objects.enumerated() {
            var values = Array(repeating: "", count: header.count)
            for (key, value) in object.pairs { values[position[key]!] = value ?? "" }
            rows.append(TabularRow(line: object.line, index: index, values: values))
        }
        return TabularFile(path: path, format: format, header: header, rows: rows, notices: notices)
    }
}
