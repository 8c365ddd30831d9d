import GSLCore

extension TabularFile {
    /// Refuses a CSV file with a header row and no data rows, for imports: such a file is most
    /// often a template saved before it was filled in, or an export cut off, and "0 rows read"
    /// would pass for success. Reading it is not an error in itself (`rows` is then empty).
    public func refuseHeaderOnly() throws(GSLError) {
        guard format == .csv || format == .xlsx, rows.isEmpty else { return }
        throw GSLError.data(
            "文件只有表头，没有数据行", en: "the file has a header row and no data rows",
            at: SourceLocation(file: path, line: 2)
        ).because(.headerWithoutRows)
    }
}
