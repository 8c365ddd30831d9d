// gsl-bench-solvers: generates seeded solver instances, writes them for the Python references,
// solves them with GSLOptimise and prints one line: `<seconds> <objective>`.
//
//   gsl-bench-solvers assignment uniform|euclidean N DIR
//   gsl-bench-solvers flow pairing|transport DIR
//   gsl-bench-solvers stable RESIDENTS HOSPITALS DIR
import Foundation
import GSLOptimise

let arguments = Array(CommandLine.arguments.dropFirst())
guard let kind = arguments.first else {
    FileHandle.standardError.write(Data("usage: gsl-bench-solvers assignment|flow|stable ...\n".utf8))
    exit(64)
}

switch kind {
case "assignment": AssignmentBench.run(Array(arguments.dropFirst()))
case "flow": FlowBench.run(Array(arguments.dropFirst()))
case "stable": StableBench.run(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("unknown case \(kind)\n".utf8))
    exit(64)
}
