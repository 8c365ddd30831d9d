import Foundation
import GSLCore
import GSLEvents
import GSLIndexScoring
import GSLOptimise
import GSLTabular

// gsl-fuzz: the libFuzzer entry point over gsl's input readers (Docs/reliability.md, "Fuzzing").
// Built with `--sanitize=fuzzer --sanitize=address -Xswiftc -DGSL_FUZZ` (make fuzz), libFuzzer
// supplies `main` and calls `LLVMFuzzerTestOneInput`; the target is named by GSL_FUZZ_TARGET.
// Built normally (swift build), it is a replayer: `gsl-fuzz TARGET FILE…` runs each file once.

/// One fuzz target: a name (the corpus folder) and the entry points it feeds the bytes to.
struct FuzzTarget: Sendable {
    /// The target's name, as in `Tests/Fuzz/corpus/<name>/` and GSL_FUZZ_TARGET.
    let name: String
    /// Feeds one input to the entry points; thrown errors are expected and ignored by the caller.
    let run: @Sendable ([UInt8]) -> Void
}

/// Text of the input as a reader of text files sees it (invalid UTF-8 repaired).
func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// Every target, in the order `make fuzz` runs them.
let fuzzTargets: [FuzzTarget] = [
    FuzzTarget(name: "csv") { bytes in
        _ = try? TabularReader.parse(bytes, path: "fuzz.csv", format: .csv, encoding: .auto)
    },
    FuzzTarget(name: "json") { bytes in
        _ = try? TabularReader.parse(bytes, path: "fuzz.json", format: .json, encoding: .auto)
    },
    FuzzTarget(name: "ndjson") { bytes in
        _ = try? TabularReader.parse(bytes, path: "fuzz.ndjson", format: .ndjson, encoding: .auto)
    },
    FuzzTarget(name: "encoding") { bytes in
        // GB18030 detection (auto), forced GB18030 and strict UTF-8, on the format the content suggests.
        let format = TabularFormat.sniff(bytes)
        for encoding in InputEncoding.allCases {
            _ = try? TabularReader.parse(bytes, path: "fuzz", format: format, encoding: encoding)
        }
    },
    FuzzTarget(name: "amount") { bytes in
        let string = text(bytes)
        _ = try? Money.parse(string)
        _ = EnterpriseSize.parse(string)
    },
    FuzzTarget(name: "date") { bytes in
        let string = text(bytes)
        _ = try? LocalDate.parse(string)
        _ = try? Period.parse(string)
    },
    FuzzTarget(name: "codes") { bytes in
        let string = text(bytes)
        _ = try? USCC.validate(string)
        _ = USCC.problem(with: string)
        _ = USCC.parts(of: string)
        _ = try? DivisionCode(string)
        _ = IDCardNumber.problem(with: string)
    },
    FuzzTarget(name: "framework") { bytes in
        _ = try? FrameworkParser.parse(yaml: text(bytes), file: "fuzz.yaml")
    },
    FuzzTarget(name: "pipeline") { bytes in
        let string = text(bytes)
        _ = try? PipelineSpec.fromYAML(string, file: "fuzz.yaml")
        _ = try? ConfigDecoder.decodeJSON(PipelineSpec.self, from: string, file: "fuzz.json")
    },
    FuzzTarget(name: "ics") { bytes in
        // The iCalendar writer on any text (summary, location, description: the input's first three
        // lines) and the recurrence reader on the whole input. The writer's promises are checked, so a
        // broken one is a finding: CRLF only, no line above 75 octets, every line valid UTF-8.
        let string = text(bytes)
        let parts = string.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
            .map(String.init)
        let day = try! LocalDate.parse("2023-05-06")
        let rule = try? Recurrence.parse(string)
        _ = try? rule?.occurrences(from: day)
        _ = try? EventTime.parse(string)
        let entry = CalendarEntry(
            uid: "fuzz@gsl", stamp: "20230101T000000Z", start: EventTime(date: day, minute: 540),
            end: EventTime(date: day, minute: 600), summary: parts[0],
            location: parts.count > 1 ? parts[1] : nil, description: parts.count > 2 ? parts[2] : nil,
            rrule: rule?.rrule, categories: [parts[0]])
        for zone in ICalendarWriter.Zone.allCases {
            let calendar = Array(ICalendarWriter.render([entry], zone: zone).utf8)
            var lineStart = 0
            var index = 0
            while index < calendar.count {
                if calendar[index] == 13 {
                    precondition(index + 1 < calendar.count && calendar[index + 1] == 10, "CR without LF")
                    precondition(index - lineStart <= 75, "a line longer than 75 octets")
                    precondition(
                        String(validating: calendar[lineStart..<index], as: UTF8.self) != nil,
                        "a fold split a UTF-8 character")
                    index += 2
                    lineStart = index
                } else {
                    precondition(calendar[index] != 10, "LF without CR")
                    index += 1
                }
            }
            precondition(lineStart == calendar.count, "the calendar does not end with CRLF")
        }
    },
    FuzzTarget(name: "instance") { bytes in
        let data = Data(bytes)
        _ = try? InstanceDecoder.decode(AssignmentInstance.self, from: data)
        _ = try? InstanceDecoder.decode(FlowInstance.self, from: data)
        _ = try? InstanceDecoder.decode(StableInstance.self, from: data)
        _ = NumberMatrixReader.json(bytes, member: "costs")
    },
    FuzzTarget(name: "matrix") { bytes in
        _ = NumberMatrixReader.json(bytes)
        _ = try? NumberMatrixReader.csv(bytes, path: "fuzz.csv")
        _ = try? NumberMatrixReader.npy(bytes, path: "fuzz.npy")
    },
]

/// Every target: the readers above and the modules' (FuzzModules.swift).
let allFuzzTargets = fuzzTargets + moduleFuzzTargets

/// The target GSL_FUZZ_TARGET names, looked up once per process.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["GSL_FUZZ_TARGET"] ?? ""
    guard let target = allFuzzTargets.first(where: { $0.name == name }) else {
        let names = allFuzzTargets.map(\.name).joined(separator: " ")
        FileHandle.standardError.write(Data("gsl-fuzz: set GSL_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point: one input to the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    selectedTarget.run(bytes)
    return 0
}

#if !GSL_FUZZ
    /// The replayer built by a normal build: `gsl-fuzz TARGET FILE…` runs each file through TARGET.
    @main
    enum Replay {
        /// Runs the files given on the command line through the named target.
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = allFuzzTargets.first(where: { $0.name == name })
            else {
                let names = allFuzzTargets.map(\.name).joined(separator: " ")
                print("usage: gsl-fuzz TARGET FILE…  (targets: \(names))")
                exit(2)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                target.run([UInt8](data))
            }
            print("\(name): \(arguments.count - 1) inputs, no crash")
        }
    }
#endif
