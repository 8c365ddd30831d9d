import GRDB
import GSLCore

/// The connection of a batch in progress, visible to the thread that runs it.
final class BatchScope: @unchecked Sendable {
    // @unchecked: the database is only touched inside the batch's own write closure, on its thread.
    let store: ObjectIdentifier
    let db: Database
    /// Rows changed as accounted for by the batch's audited writes (shared by all of them).
    let ledger: ChangeLedger

    init(store: ObjectIdentifier, db: Database) {
        self.store = store
        self.db = db
        self.ledger = ChangeLedger(db)
    }

    @TaskLocal static var current: BatchScope?
}

extension Store {
    /// Runs `work` as one write transaction: every `write` made through this store inside it (by
    /// any service) becomes a savepoint of that transaction, and every `read` sees its changes.
    /// Each nested write is still audited under its own context. Either the whole batch commits or
    /// nothing does — a generated year interrupted halfway leaves no trace — and the thousands of
    /// small writes share one commit.
    ///
    /// With `rollbackJournal` (a batch of millions of writes: a ×100 year), the store leaves
    /// write-ahead logging for the batch and uses a rollback journal, returning to WAL afterwards.
    /// A transaction larger than the page cache spills its pages: into a WAL they are appended, and
    /// every later page read that misses the cache searches the log's whole frame index, which grows
    /// with the transaction; with a rollback journal they are written into the database file
    /// itself (the journal keeps only the pages that existed before, to roll back), and are read
    /// back from it directly. Leaving WAL needs the file to itself: when another connection has it
    /// open, the batch runs in WAL as usual.
    public func batch<T>(rollbackJournal: Bool = false, _ work: () throws(GSLError) -> T) throws(GSLError)
        -> T
    {
        if isReadOnly { throw StoreFile.readOnly(path ?? "", needsMigration: false) }
        if BatchScope.current != nil {
            return try work()
        }
        let journaled = rollbackJournal ? try leaveWAL() : false
        defer { if journaled { returnToWAL() } }
        var failure: GSLError?
        var output: T?
        do {
            try writer.write { db in
                let scope = BatchScope(store: ObjectIdentifier(self), db: db)
                BatchScope.$current.withValue(scope) {
                    do throws(GSLError) {
                        output = try work()
                    } catch {
                        failure = error
                    }
                }
                // A failure rolls the whole batch back, and so does a row changed around the audit
                // log since the last write (by a statement run in a `read` of the batch).
                if failure == nil {
                    do { try scope.ledger.settle(db) } catch { failure = Store.translate(error, path: path) }
                }
                if failure != nil { throw BatchAborted() }
            }
        } catch is BatchAborted {
        } catch {
            throw Store.translate(error, path: path)
        }
        if let failure { throw failure }
        return output!
    }

    /// Switches the file to a rollback journal; false (and still WAL) when it is not alone.
    private func leaveWAL() throws(GSLError) -> Bool {
        guard let pool = writer as? DatabasePool else { return false }
        pool.invalidateReadOnlyConnections()
        do {
            let mode = try pool.writeWithoutTransaction { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode = TRUNCATE")
            }
            return mode == "truncate"
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            // Another connection reads or writes the file: stay in WAL.
            return false
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// Back to write-ahead logging after a batch (GRDB's pool opens it in WAL again in any case).
    private func returnToWAL() {
        _ = try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
    }

    /// The batch this thread runs on this store, if any.
    var batchScope: BatchScope? {
        guard let scope = BatchScope.current, scope.store == ObjectIdentifier(self) else { return nil }
        return scope
    }

    /// `write` inside a batch: a savepoint on the batch's connection.
    func writeInBatch<T>(_ scope: BatchScope, _ context: MutationContext, _ work: (Mutation) throws -> T)
        throws
        -> T
    {
        var output: T?
        try scope.db.inSavepoint {
            let mutation = Mutation(db: scope.db, context: context, ledger: scope.ledger)
            output = try work(mutation)
            try mutation.settle()
            try mutation.flushAudit()
            return .commit
        }
        return output!
    }
}

private struct BatchAborted: Error {}
