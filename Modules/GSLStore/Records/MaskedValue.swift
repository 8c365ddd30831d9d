import GSLCore

/// Values that masking produced (`138****5678`): a masked export imported back would overwrite
/// real numbers with stars, so such values are refused with the way to export unmasked.
enum MaskedValue {
    /// Throws when `text` looks masked (the CLI adds how to export unmasked).
    static func refuse(_ text: String) throws(GSLError) {
        guard text.contains("**") else { return }
        throw GSLError.data(
            "「\(text)」是打码后的值：这份文件来自默认（打码）的导出，不能再导入；请导出未打码的文件后再导入",
            en:
                "'\(text)' is a masked value: this file comes from a default (masked) export and cannot be imported; export it again unmasked"
        ).because(.maskedValueImported)
    }
}
