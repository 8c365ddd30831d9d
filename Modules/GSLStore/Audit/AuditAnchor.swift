import Crypto
import Foundation
import GSLCore

/// A signed statement that the audit chain's entry `seq` had hash `hash`: kept outside the
/// database (printed, mailed, committed), it makes an edit detectable even by someone who can
/// rewrite the file and recompute every hash after the edit, because they cannot sign the new head.
/// One anchor is one line of text:
/// `gsl-audit-anchor v1 seq=42 hash=<64 hex> at=<UTC instant> key=<64 hex> sig=<128 hex>`.
public struct AuditAnchor: Sendable, Equatable {
    /// The entry anchored.
    public var seq: Int64
    /// Its hash.
    public var hash: String
    /// When the anchor was signed (UTC ISO-8601).
    public var at: String
    /// The Ed25519 public key that signed it (hex of 32 bytes).
    public var publicKey: String
    /// The Ed25519 signature (hex of 64 bytes) over `signedText`.
    public var signature: String

    /// The text the signature covers.
    public var signedText: String { "gsl-audit-anchor v1\nseq=\(seq)\nhash=\(hash)\nat=\(at)" }

    /// The anchor as one line of an anchor file.
    public var line: String {
        "gsl-audit-anchor v1 seq=\(seq) hash=\(hash) at=\(at) key=\(publicKey) sig=\(signature)"
    }

    /// Whether the signature is the public key's over `signedText`.
    public var signatureIsValid: Bool {
        guard let keyBytes = SHA256.bytes(hex: publicKey), let signatureBytes = SHA256.bytes(hex: signature),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes)
        else { return false }
        return key.isValidSignature(signatureBytes, for: Array(signedText.utf8))
    }

    /// Reads every anchor of an anchor file (blank lines and lines starting with # are skipped);
    /// a malformed line is a data error naming its line.
    public static func parseFile(_ text: String, file: String) throws(GSLError) -> [AuditAnchor] {
        var anchors: [AuditAnchor] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            anchors.append(try parse(line, at: SourceLocation(file: file, line: index + 1)))
        }
        return anchors
    }

    /// Reads one anchor line.
    public static func parse(_ line: String, at location: SourceLocation) throws(GSLError) -> AuditAnchor {
        let parts = line.split(separator: " ")
        var fields: [String: String] = [:]
        for part in parts.dropFirst(2) {
            guard let eq = part.firstIndex(of: "=") else { continue }
            fields[String(part[..<eq])] = String(part[part.index(after: eq)...])
        }
        guard parts.count == 7, parts[0] == "gsl-audit-anchor", parts[1] == "v1",
            let seqText = fields["seq"], let seq = Int64(seqText), seq > 0,
            let hash = fields["hash"], hash.utf8.count == 64, SHA256.bytes(hex: hash) != nil,
            let at = fields["at"], !at.isEmpty,
            let key = fields["key"], key.utf8.count == 64, SHA256.bytes(hex: key) != nil,
            let signature = fields["sig"], signature.utf8.count == 128, SHA256.bytes(hex: signature) != nil
        else {
            throw GSLError.data(
                "不是有效的审计锚点行（应为 gsl-audit-anchor v1 seq=… hash=… at=… key=… sig=…）",
                en:
                    "not a valid audit anchor line (expected gsl-audit-anchor v1 seq=… hash=… at=… key=… sig=…)",
                at: location
            ).because(.auditAnchorMalformed)
        }
        return AuditAnchor(seq: seq, hash: hash, at: at, publicKey: key, signature: signature)
    }
}

/// The Ed25519 key that signs audit anchors, kept outside the database (a file named by
/// `$GSL_AUDIT_KEY` or `--key`). The key file is one line: `gsl-audit-key v1 <hex of 32 bytes>`.
public struct AuditSigningKey: Sendable {
    private let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public static func generate() -> AuditSigningKey { AuditSigningKey(key: Curve25519.Signing.PrivateKey()) }

    private init(key: Curve25519.Signing.PrivateKey) { self.key = key }

    /// The key in a key file's text.
    public init(fileText: String, file: String) throws(GSLError) {
        let parts = fileText.split(whereSeparator: \.isWhitespace)
        guard parts.count == 3, parts[0] == "gsl-audit-key", parts[1] == "v1",
            let bytes = SHA256.bytes(hex: String(parts[2])), bytes.count == 32,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes)
        else {
            throw GSLError.data(
                "不是有效的审计签名密钥文件（应为 gsl-audit-key v1 <64 位十六进制>）",
                en: "not a valid audit signing key file (expected gsl-audit-key v1 <64 hex digits>)",
                at: SourceLocation(file: file)
            ).because(.auditKeyMalformed)
        }
        self.key = key
    }

    /// The key file's text (keep it private: whoever has it can sign anchors).
    public var fileText: String {
        "gsl-audit-key v1 " + SHA256.hexString(Array(key.rawRepresentation)) + "\n"
    }

    /// The public key, hex.
    public var publicKeyHex: String { SHA256.hexString(Array(key.publicKey.rawRepresentation)) }

    /// An anchor of entry `seq` with `hash`, signed at `at`.
    public func anchor(seq: Int64, hash: String, at: String) throws(GSLError) -> AuditAnchor {
        var anchor = AuditAnchor(seq: seq, hash: hash, at: at, publicKey: publicKeyHex, signature: "")
        do {
            anchor.signature = SHA256.hexString(Array(try key.signature(for: Array(anchor.signedText.utf8))))
        } catch {
            throw GSLError(.internalError, Message("签名失败：\(error)", en: "signing failed: \(error)"))
        }
        return anchor
    }
}

extension GSLError.Cause {
    /// An anchor file line that is not an anchor.
    public static let auditAnchorMalformed = Self("store.audit-anchor-malformed")
    /// A signing key file that is not a key.
    public static let auditKeyMalformed = Self("store.audit-key-malformed")
    /// The chain no longer reaches a signed head, or an anchor's signature is wrong.
    public static let auditAnchorMismatch = Self("store.audit-anchor-mismatch")
    /// The audit chain itself is broken (edited, deleted or cut entries).
    public static let auditChainBroken = Self("store.audit-chain-broken")
}

extension GSLError.Cause {
    /// A statement inside a write transaction tried to change the database without `Mutation`.
    public static let writeBypassedAudit = Self("store.write-bypassed-audit")
}
