import Foundation

/// What a child `gsl` command printed and how it ended.
struct CommandResult {
    /// Exit status.
    var status: Int32
    /// Standard output then standard error, as text.
    var output: String
}

/// Runs the `gsl` executable as a child process on the app's store and actor (the command line
/// `:`), with standard input empty.
enum CommandRunner {
    static func run(
        executable: String, arguments: [String], database: String, actor: String,
        environment: [String: String]
    ) -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = environment
        env["GSL_DB"] = database
        env["GSL_ACTOR"] = actor
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return CommandResult(status: 127, output: "\(executable): \(error.localizedDescription)")
        }
        // Read both pipes before waiting, so a large output cannot block the child.
        let errorReader = ErrorPipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.finish()
        process.waitUntilExit()
        var text = String(decoding: outData, as: UTF8.self)
        let errText = String(decoding: errData, as: UTF8.self)
        if !errText.isEmpty { text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + errText }
        return CommandResult(status: process.terminationStatus, output: text)
    }
}

/// Reads a pipe to its end on another thread.
private final class ErrorPipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}

/// Splits a typed command line into words: spaces separate, single or double quotes group, a
/// backslash escapes the next character.
enum CommandLineWords {
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for c in text {
            if escaped {
                word.append(c)
                escaped = false
                inWord = true
            } else if c == "\\" && quote != "'" {
                escaped = true
            } else if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
