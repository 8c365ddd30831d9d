/// The character encoding to read an input file with.
public enum InputEncoding: String, Sendable, CaseIterable {
    /// UTF-8 when the bytes are valid UTF-8, else GB18030 (with a notice).
    case auto
    /// UTF-8 only; other bytes are an error that suggests `--encoding gb18030`.
    case utf8
    /// GB18030 (a superset of GBK and GB2312), as Chinese Excel saves "CSV".
    case gb18030
}
