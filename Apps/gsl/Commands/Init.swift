import ArgumentParser
import GSLCore
import GSLStore
import GSLTabular

/// `gsl init`: create and migrate the store.
struct Init: GSLCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "创建并迁移数据库 create and migrate the store",
        discussion: "例：gsl init --db federation.sqlite")

    @OptionGroup var global: GlobalOptions

    func execute(_ out: Output) throws(GSLError) {
        let store = try global.openStore(create: true)
        if store.isReadOnly {
            throw GSLError(
                .permission,
                Message(
                    "数据库只读：\(global.databasePath)", en: "the database is read-only: \(global.databasePath)")
            ).because(.storeReadOnly)
        }
        let status = try RecordsService(store: store).status()
        out.notice(
            Message(
                "已就绪：\(global.databasePath)（架构版本 \(status.migrations.count)）",
                en: "ready: \(global.databasePath) (schema version \(status.migrations.count))"))
    }
}
