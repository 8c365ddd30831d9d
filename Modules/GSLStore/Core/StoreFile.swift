import Foundation
import GRDB
import GSLCore

/// What opening a store file found before anything is written to it: whether it may be written,
/// and the migrations it still needs. A file that is missing (unless creating), belongs to another
/// application, or was written by a newer gsl is refused here, untouched.
struct StoreFile {
    /// How the file can be opened.
    enum Access: Equatable {
        /// Read and write (the file and its folder are writable); created when missing.
        case readWrite
        /// Read only; `uri` is the SQLite URI to open it with.
        case readOnly(uri: String)
    }

    /// How to open the file.
    var openAccess: Access
    /// Migrations that the file has not had yet.
    var pending: [String]

    /// Inspects `path` (read-only) and decides how to open it.
    static func inspect(path: String, migrations: [StoreMigration], create: Bool) throws(GSLError)
        -> StoreFile
    {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw GSLError(
                .usage,
                Message("\(path) 是目录，不是数据库文件", en: "\(path) is a directory, not a database file")
            ).because(.pathIsDirectory)
        }
        let folder = Self.folder(of: path)
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        let hasWAL =
            ((try? fm.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.int64Value ?? 0) > 0
        if !exists || (size == 0 && !hasWAL) {
            guard create else { throw Self.missing(path) }
            if !fm.fileExists(atPath: folder) {
                throw GSLError(
                    .notFound,
                    Message("数据库目录不存在：\(folder)", en: "database directory does not exist: \(folder)"))
            }
            if !Self.writable(folder) || (exists && !Self.writable(path)) {
                throw GSLError(
                    .cannotCreate,
                    Message(
                        "无法创建数据库：\(path)（目录或文件只读）",
                        en: "cannot create the database \(path): the folder or file is read-only"))
            }
            if !exists { try Self.createPrivate(path) }
            return StoreFile(openAccess: .readWrite, pending: migrations.map(\.identifier))
        }
        guard access(path, R_OK) == 0 else {
            throw GSLError(
                .permission, Message("无权读取数据库：\(path)", en: "no permission to read the database \(path)"))
        }
        let fileWritable = Self.writable(path)
        let folderWritable = Self.writable(folder)
        // A read-only folder cannot hold the -shm file a WAL reader needs: read the file as immutable
        // then, unless a WAL with content is there (its -shm must then exist too).
        let readOnlyURI = Self.uri(path, immutable: !folderWritable && !hasWAL)
        let applied = try Self.appliedMigrations(uri: readOnlyURI, path: path)
        guard let applied else {
            guard create else { throw Self.missing(path) }  // an empty SQLite file: init fills it
            guard fileWritable && folderWritable else { throw Self.readOnly(path, needsMigration: true) }
            return StoreFile(openAccess: .readWrite, pending: migrations.map(\.identifier))
        }
        let known = migrations.map(\.identifier)
        let unknown = applied.filter { !known.contains($0) }
        if let first = known.first, !applied.contains(first) {
            throw Self.foreign(path, detail: applied.prefix(3).joined(separator: ", "))
        }
        if !unknown.isEmpty {
            throw GSLError(
                .data,
                Message(
                    "数据库由较新的 gsl 写入：文件架构版本 \(applied.count)（含本程序不认识的迁移 \(unknown[0])），"
                        + "本程序架构版本 \(known.count)；请升级 gsl，文件未作改动：\(path)",
                    en: "the database was written by a newer gsl: file schema version \(applied.count) "
                        + "(with migration \(unknown[0]) unknown here), this gsl's schema version \(known.count); "
                        + "upgrade gsl. The file was not changed: \(path)")
            ).because(.storeNewerSchema)
        }
        let pending = known.filter { !applied.contains($0) }
        if fileWritable && folderWritable { return StoreFile(openAccess: .readWrite, pending: pending) }
        if !pending.isEmpty { throw Self.readOnly(path, needsMigration: true) }
        return StoreFile(openAccess: .readOnly(uri: readOnlyURI), pending: [])
    }

    /// The applied migration identifiers, or nil for a file without any table.
    static func appliedMigrations(uri: String, path: String) throws(GSLError) -> [String]? {
        var config = Configuration()
        config.readonly = true
        do {
            let queue = try DatabaseQueue(path: uri, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db -> [String]? in
                let objects = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid")
                if objects.isEmpty { return nil }
                guard objects.contains("grdb_migrations") else {
                    throw Self.foreign(path, detail: objects.prefix(3).joined(separator: ", "))
                }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
        } catch let error as GSLError {
            throw error
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// The folder holding `path` ("." for a bare file name).
    static func folder(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// Whether `path` may be written: the process has write access and the mode has a write bit
    /// (so that a file made read-only with `chmod a-w` stays read-only for root as well).
    static func writable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        guard
            let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions])
                as? NSNumber
        else { return true }
        return mode.intValue & 0o222 != 0
    }

    /// A SQLite URI opening `path` read-only.
    static func uri(_ path: String, immutable: Bool) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var escaped = ""
        for ch in absolute {
            switch ch {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(ch)
            }
        }
        return "file:" + escaped + (immutable ? "?immutable=1" : "?mode=ro")
    }

    /// Creates an empty file only its owner can read and write; SQLite gives its -wal and -shm
    /// files the same mode.
    static func createPrivate(_ path: String) throws(GSLError) {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd < 0 && errno == EEXIST { return }  // made meanwhile by another process
        guard fd >= 0 else {
            throw GSLError(
                .cannotCreate,
                Message(
                    "无法创建数据库：\(path)（\(String(cString: strerror(errno)))）",
                    en: "cannot create the database \(path): \(String(cString: strerror(errno)))"))
        }
        fchmod(fd, 0o600)  // whatever the umask
        close(fd)
    }

    /// The error for a missing store.
    static func missing(_ path: String) -> GSLError {
        GSLError(.notFound, Message("数据库文件不存在：\(path)", en: "no database at \(path)")).because(.storeMissing)
    }

    /// The error for a SQLite file that is not gsl's.
    static func foreign(_ path: String, detail: String) -> GSLError {
        GSLError(
            .data,
            Message(
                "不是 gsl 的数据库：\(path)（其中有 \(detail) 等），未作任何改动",
                en: "not a gsl database: \(path) (it holds \(detail) …); nothing was changed")
        ).because(.storeNotGSL)
    }

    /// The error for a write to a read-only store.
    static func readOnly(_ path: String, needsMigration: Bool) -> GSLError {
        let error =
            needsMigration
            ? GSLError(
                .permission,
                Message(
                    "数据库只读，无法升级架构：\(path)",
                    en: "the database is read-only and its schema cannot be upgraded: \(path)"))
            : GSLError(
                .permission,
                Message(
                    "数据库只读，本命令需要写入：\(path)",
                    en: "the database is read-only and this command writes: \(path)"))
        return error.because(.storeReadOnly)
    }
}
