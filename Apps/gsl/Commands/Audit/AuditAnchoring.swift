import ArgumentParser
import Foundation
import GSLCore
import GSLStore

/// The signing key's file: `--key`, else `$GSL_AUDIT_KEY`.
struct AuditKeyOption: ParsableArguments {
    @Option(help: "签名密钥文件 signing key file (else $GSL_AUDIT_KEY)") var key: String?

    /// The key file's path, or a usage error naming both ways to give it.
    func path(_ global: GlobalOptions) throws(GSLError) -> String {
        if let key, !key.isEmpty { return key }
        if let env = global.environment["GSL_AUDIT_KEY"], !env.isEmpty { return env }
        throw GSLError.usage(
            "未指定签名密钥：用 --key 文件 或设置 GSL_AUDIT_KEY（gsl audit keygen 可生成）",
            en: "no signing key: give --key FILE or set GSL_AUDIT_KEY (gsl audit keygen makes one)")
    }
}

extension Audit {
    /// `gsl audit keygen --out FILE`: a new Ed25519 signing key, written 0600.
    struct Keygen: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "keygen", abstract: "生成审计锚点签名密钥 make an audit anchor signing key",
            discussion: "例：gsl audit keygen --out ~/.gsl/audit.key（密钥保存在数据库之外，勿外传）")
        @OptionGroup var global: GlobalOptions
        @Option(help: "密钥文件 key file to create") var out: String

        func execute(_ output: Output) throws(GSLError) {
            guard !FileManager.default.fileExists(atPath: out) else {
                throw GSLError.conflict("文件已存在：\(out)", en: "file exists: \(out)")
            }
            let key = AuditSigningKey.generate()
            guard
                FileManager.default.createFile(
                    atPath: out, contents: Data(key.fileText.utf8), attributes: [.posixPermissions: 0o600])
            else {
                throw GSLError(.internalError, Message("无法写入：\(out)", en: "cannot write: \(out)"))
            }
            output.line(key.publicKeyHex)
            output.notice(
                Message(
                    "已生成密钥 \(out)（权限 0600）；上面是公钥，验证锚点时可用 --public-key 指定",
                    en:
                        "key written to \(out) (mode 0600); the line above is its public key, for --public-key"
                ))
        }
    }

    /// `gsl audit anchor`: signs the chain's head and appends the anchor to a file kept elsewhere.
    struct Anchor: GSLCommand {
        static let configuration = CommandConfiguration(
            commandName: "anchor", abstract: "签名当前审计链头并记入锚点文件 sign the chain head",
            discussion: """
                例：gsl audit anchor --key ~/.gsl/audit.key --anchors 审计锚点.txt
                锚点文件应保存在数据库之外（打印、邮寄、提交到版本库）。
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var key: AuditKeyOption
        @Option(help: "追加到锚点文件 append to this anchor file") var anchors: String?

        func execute(_ out: Output) throws(GSLError) {
            let path = try key.path(global)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw GSLError.notFound("无法读取密钥文件：\(path)", en: "cannot read key file: \(path)")
            }
            let signingKey = try AuditSigningKey(fileText: text, file: path)
            let anchor = try AuditRepository(store: global.openStore()).anchor(
                with: signingKey, at: global.context().at)
            if let anchors {
                try Self.append(anchor.line + "\n", to: anchors)
                out.notice(
                    Message(
                        "已签名第 \(anchor.seq) 条并追加到 \(anchors)",
                        en: "signed entry \(anchor.seq), appended to \(anchors)"))
            }
            out.line(anchor.line)
        }

        static func append(_ line: String, to path: String) throws(GSLError) {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)  // a failure shows below
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw GSLError(.internalError, Message("无法写入：\(path)", en: "cannot write: \(path)"))
            }
            defer { try? handle.close() }
            handle.seekToEndOfFile()
            handle.write(Data(line.utf8))
        }
    }
}
