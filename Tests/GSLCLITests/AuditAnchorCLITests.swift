import Foundation
import GSLTestSupport
import Testing

/// `gsl audit keygen|anchor|verify --anchors` end to end.
@Suite struct AuditAnchorCLITests {
    @Test func keygenAnchorAndVerify() throws {
        let cli = try CLIRunner()
        try cli.ok(["init"])
        try cli.ok(["org", "add", "--name", "宁波甬联科技有限公司", "--uscc", "91330200711192037M"])
        let key = cli.directory.appendingPathComponent("audit.key").path
        let publicKey = try cli.ok(["audit", "keygen", "--out", key]).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(publicKey.count == 64)
        let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try cli.run(["audit", "keygen", "--out", key]).status == 75)
        let anchors = cli.directory.appendingPathComponent("anchors.txt").path
        let line = try cli.ok(["audit", "anchor", "--key", key, "--anchors", anchors]).stdout
        #expect(line.hasPrefix("gsl-audit-anchor v1 seq="))
        try cli.ok(["org", "add", "--name", "宁波乙公司", "--uscc", "91350100M000100Y43"])
        let verified = try cli.ok([
            "audit", "verify", "--anchors", anchors, "--public-key", publicKey, "--lang", "en",
        ])
        #expect(verified.stdout.contains("1 signed anchors reached"))
        let foreign = try cli.run([
            "audit", "verify", "--anchors", anchors, "--public-key", String(repeating: "0", count: 64),
        ])
        #expect(foreign.status == 65)
        #expect(try cli.run(["audit", "anchor"]).status == 64)
        _ = try cli.write("bad.txt", "gsl-audit-anchor v1 seq=1\n")
        let badFile = cli.directory.appendingPathComponent("bad.txt").path
        let bad = try cli.fail(["audit", "verify", "--anchors", badFile])
        #expect(bad.status == 65 && bad.cause == "store.audit-anchor-malformed", "\(bad)")
        #expect(bad.file == badFile && bad.line == 1, "\(bad)")
    }
}
