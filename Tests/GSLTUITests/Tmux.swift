import Foundation
import GSLCore
import GSLTestSupport
import Testing

/// A private tmux server (its own socket) running one command in a detached session of a given
/// size: keys in, the pane's text out. Waits poll the pane until the text appears or time runs out.
final class Tmux {
    let socket: String
    let session = "gsl"

    /// The tmux executable, nil when tmux is not installed.
    static let executable: String? = {
        for dir in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/bin"] {
            let path = dir + "/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static var available: Bool { executable != nil }

    /// Starts `command` (words) with `environment` in a `columns`×`rows` pane.
    init(_ command: [String], environment: [String: String], columns: Int = 80, rows: Int = 24) throws {
        socket = "gsl-tui-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let line = (["env"] + env + command).map(Self.quote).joined(separator: " ")
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(columns), "-y", String(rows),
            line,
        ])
        // The pane keeps its content after the app quits, so captures still work.
        _ = try? tmux(["set-option", "-t", session, "remain-on-exit", "on"])
        // The size is the test's, not a client's.
        _ = try? tmux(["set-option", "-t", session, "window-size", "manual"])
        serverPID = (try? tmux(["display-message", "-p", "-t", session, "#{pid}"]))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        appPID = (try? tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The server's and the app's process ids, to end them if kill-server does not.
    private var serverPID: Int32?
    private var appPID: Int32?

    /// Ends the server and the app (also when a test failed before quitting it).
    func stop() {
        _ = try? tmux(["kill-server"])
        for pid in [appPID, serverPID].compactMap({ $0 }) where kill(pid, 0) == 0 {
            kill(pid, SIGKILL)
        }
        appPID = nil
        serverPID = nil
    }

    deinit { stop() }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = env["TERM"].flatMap { $0.isEmpty || $0 == "dumb" ? nil : $0 } ?? "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "TMUX")
        // Output goes to a file, not a pipe, and the client is waited for with waitpid: the server
        // that `new-session` forks inherits the client's descriptors and lives on (Foundation's
        // Process then never reports the client's exit).
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(socket)-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: file) }
        let argv = [Self.executable ?? "tmux", "-u", "-L", socket] + arguments
        let envp = env.map { "\($0.key)=\($0.value)" }
        var cArgv = argv.map { strdup($0) } + [nil]
        var cEnv = envp.map { strdup($0) } + [nil]
        defer {
            cArgv.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A clean signal mask: the test runner's threads block signals the app needs (SIGWINCH).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let r = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgv, &cEnv)
        guard r == 0 else { throw TmuxTimeout(description: "tmux did not start (\(r))", screen: "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `Tab`, `Down`, `q`).
    func keys(_ names: String...) throws { try tmux(["send-keys", "-t", session] + names) }

    /// Types text literally (Chinese included).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    /// The pane's text, one string per row.
    func capture() throws -> [String] {
        var lines = try tmux(["capture-pane", "-p", "-t", session]).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Resizes the pane.
    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", String(columns), "-y", String(rows)])
    }

    /// Polls the pane until `condition` holds on two captures in a row that are the same (10 s at
    /// most; a redraw arrives in pieces, so a capture can hold its first rows only); returns the
    /// last capture.
    @discardableResult
    func wait(
        for description: String, timeout: TimeInterval = 10, _ condition: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        var previous: [String]?
        while Date() < deadline {
            screen = try capture()
            if condition(screen) {
                if screen == previous { return screen }
                previous = screen
                usleep(30_000)
                continue
            }
            previous = nil
            usleep(50_000)
        }
        throw TmuxTimeout(description: description, screen: screen.joined(separator: "\n"))
    }

    /// Polls until the pane shows `text`.
    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 10) throws -> [String] {
        try wait(for: text, timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Whether the app has ended (the pane's process exited).
    func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]).hasPrefix("1")
    }
}

/// What the pane showed when the expected text did not appear.
struct TmuxTimeout: Error, CustomStringConvertible {
    let description: String
    let screen: String

    init(description: String, screen: String) {
        self.description = "timed out waiting for \(description); the pane showed:\n\(screen)"
        self.screen = screen
    }
}

/// Every row holding Chinese that has a right border has it in the last column, and at least
/// `atLeast` such rows are on the screen.
func expectAligned(
    _ screen: [String], width: Int, atLeast: Int = 3,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    var checked = 0
    for line in screen where hasChinese(line) && line.hasSuffix("│") {
        #expect(columns(of: "│", in: line).last == width - 1, "\(line)", sourceLocation: sourceLocation)
        #expect(DisplayWidth.of(line) == width, "\(line)", sourceLocation: sourceLocation)
        checked += 1
    }
    #expect(
        checked >= atLeast, "rows with Chinese and a border: \(checked)\n\(screen.joined(separator: "\n"))",
        sourceLocation: sourceLocation)
}

/// Display columns at which `character` stands in `line`.
func columns(of character: Character, in line: String) -> [Int] {
    var out: [Int] = []
    var x = 0
    for c in line {
        if c == character { out.append(x) }
        x += DisplayWidth.of(c)
    }
    return out
}

/// Whether a line holds a CJK character.
func hasChinese(_ line: String) -> Bool {
    line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
}
