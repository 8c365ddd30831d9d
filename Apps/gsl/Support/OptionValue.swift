import GSLCore

/// Parses an option's value with a module's parser (which reports bad values in files as data
/// errors): on the command line a bad value is a usage error (exit 64), as for every other option.
func optionValue<T>(_ text: String?, _ parse: (String) throws(GSLError) -> T) throws(GSLError) -> T? {
    guard let text else { return nil }
    do {
        return try parse(text)
    } catch {
        var usage = error
        if usage.kind == .data { usage.kind = .usage }
        throw usage
    }
}
