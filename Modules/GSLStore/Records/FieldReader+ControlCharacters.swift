import GSLCore

extension FieldReader {
    /// Refuses text fields holding NUL or another control character (tab and line breaks are
    /// allowed): such text is stored but can then be neither found nor shown.
    public func refuseControlCharacters(in keys: [String]) throws(GSLError) {
        for key in keys {
            guard let value = raw(key) else { continue }
            var column = 0
            for scalar in value.unicodeScalars {
                column += 1
                let v = scalar.value
                guard (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0x7F else { continue }
                let code =
                    "U+" + String(repeatElement("0", count: 4 - String(v, radix: 16).count))
                    + String(v, radix: 16, uppercase: true)
                throw failure(
                    key, "文本中有控制字符 \(code)（第 \(column) 个字符），请删除后再试",
                    en: "the text holds the control character \(code) (character \(column)); remove it"
                ).because(.fieldControlCharacter)
            }
        }
    }
}
