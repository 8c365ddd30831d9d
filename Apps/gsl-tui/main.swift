import Foundation

// `gsl-tui [OPTIONS]`: the same app as `gsl tui [OPTIONS]`, started through the `gsl` executable
// beside this one (one schema list, one app), else the one on PATH.
let here = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
    .deletingLastPathComponent()
let beside = here.appendingPathComponent("gsl").path
let gsl = FileManager.default.isExecutableFile(atPath: beside) ? beside : "gsl"
let arguments = [gsl, "tui"] + CommandLine.arguments.dropFirst()
var cArguments = arguments.map { strdup($0) } + [nil]
execvp(gsl, &cArguments)
FileHandle.standardError.write(
    Data("gsl-tui: cannot start \(gsl): \(String(cString: strerror(errno)))\n".utf8))
exit(127)
