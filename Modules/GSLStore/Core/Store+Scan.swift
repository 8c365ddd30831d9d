import GRDB
import GRDBSQLite
import GSLCore

/// One row of `Store.scan`: its columns read straight from SQLite, text as the stored UTF-8 bytes,
/// valid only inside the `body` it is handed to.
public struct ScanRow {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    /// Whether column `i` is NULL.
    public func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

    /// Column `i` as an integer (0 for NULL).
    public func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }

    /// Column `i` as an integer, nil for NULL.
    public func optionalInt64(_ i: Int32) -> Int64? { isNull(i) ? nil : int64(i) }

    /// The UTF-8 bytes of column `i` (empty for NULL), valid inside `body`.
    public func withUTF8<T>(_ i: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(utf8(i))
    }

    /// The UTF-8 bytes of column `i` (empty for NULL), valid until the scan moves to the next row;
    /// read each column once per row (SQLite may convert and move a value read again as another type).
    public func utf8(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
        let text = sqlite3_column_text(handle, i)
        return UnsafeBufferPointer(start: text, count: text == nil ? 0 : Int(sqlite3_column_bytes(handle, i)))
    }

    /// Column `i` as a string, nil for NULL.
    public func string(_ i: Int32) -> String? {
        isNull(i) ? nil : withUTF8(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether column `i` is NULL or empty text.
    public func isEmpty(_ i: Int32) -> Bool { isNull(i) || sqlite3_column_bytes(handle, i) == 0 }
}

extension Store {
    /// Hands each row of `sql` to `body` as a `ScanRow`, for a read over a hundred thousand rows
    /// where building a `Row` and a string for every column costs more than the work on them.
    public func scan(sql: String, arguments: StatementArguments, _ body: (ScanRow) -> Void)
        throws(GSLError)
    {
        try read { db in
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            while true {
                let rc = sqlite3_step(handle)
                if rc == SQLITE_DONE { return }
                guard rc == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: rc),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                body(ScanRow(handle))
            }
        }
    }
}
