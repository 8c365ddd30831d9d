import GSLCore
import GSLTabular
import Testing

/// A `.npy` file: version 1 header for `descr`, `fortran` and `shape`, then `payload`.
private func npy(_ descr: String, fortran: Bool = false, shape: String, payload: [UInt8]) -> [UInt8] {
    var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
    while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
    header += "\n"
    let length = header.utf8.count
    return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
        + Array(header.utf8)
        + payload
}

/// Little-endian bytes of each value.
private func littleEndian<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in (0..<MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}

@Suite struct NumberMatrixJSONTests {
    @Test func numbersAreTheNearestDoubles() throws {
        // Short decimals take the exact fast path, 17-digit ones the correctly rounded slow path.
        var rng = SeededGenerator(seed: 11)
        var texts: [String] = [
            "0", "-0", "1e22", "1e23", "123456789012345678901234", "0.1", "2.5E-3", "-7e+2",
        ]
        for _ in 0..<5_000 {
            let value = rng.uniform() * pow10(Int(rng.next() % 12) - 6)
            texts.append("\(value)")
            texts.append(String(Int64(bitPattern: rng.next()) / 1_000))
        }
        let document = "[[" + texts.joined(separator: ", ") + "]]"
        let matrix = try #require(NumberMatrixReader.json(Array(document.utf8)))
        #expect(matrix.rows == 1 && matrix.columns == texts.count)
        for (text, value) in zip(texts, matrix.values) {
            #expect(value == Double(text)!, "\(text)")
        }
    }

    @Test func nullIsMissingAndShapeIsChecked() throws {
        let matrix = try #require(
            NumberMatrixReader.json(Array(" [[1, null],\n [3.5, -4]] ".utf8), missing: -1))
        #expect(matrix == NumberMatrix(rows: 2, columns: 2, values: [1, -1, 3.5, -4]))
        for bad in [
            "[[1, 2], [3]]", "[[1, \"2\"]]", "[[01]]", "[[1]] x", "[[1,]]", "[[.5]]", "[[1e]]", "{}", "[[1]",
            "[[1e400]]", "[[-2e308]]",
        ] {
            #expect(NumberMatrixReader.json(Array(bad.utf8)) == nil, "\(bad)")
        }
        #expect(NumberMatrixReader.json(Array("[]".utf8)) == NumberMatrix(rows: 0, columns: 0, values: []))
        #expect(NumberMatrixReader.json([0xEF, 0xBB, 0xBF] + Array("[[2]]".utf8))?.values == [2])
        #expect(
            NumberMatrixReader.json([0xEF, 0xBB, 0xBF] + Array(#"{"costs": [[2]]}"#.utf8), member: "costs")
                != nil)
    }

    @Test func memberOfAnObjectLeavesTheRest() throws {
        let text = #"{"rows": ["a", "b\"c"], "costs": [[1, 2]], "maximise": true, "x": {"y": [1, {}]}}"#
        let (matrix, rest) = try #require(NumberMatrixReader.json(Array(text.utf8), member: "costs"))
        #expect(matrix.values == [1, 2])
        #expect(
            String(decoding: rest, as: UTF8.self)
                == #"{"rows":["a", "b\"c"],"maximise":true,"x":{"y": [1, {}]}}"#)
        #expect(NumberMatrixReader.json(Array(#"{"rows": []}"#.utf8), member: "costs") == nil)
        #expect(
            NumberMatrixReader.json(Array(#"{"costs": [[1]], "costs": [[2]]}"#.utf8), member: "costs") == nil)
    }

    private func pow10(_ e: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(e) { value *= 10 }
        return e < 0 ? 1 / value : value
    }
}

@Suite struct NumberMatrixCSVTests {
    @Test func readsCellsQuotesAndLineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("1, 2.5,\r\n\"3\",-4e1, 5\r\n\n".utf8)
        let matrix = try NumberMatrixReader.csv(bytes, path: "m.csv", missing: .infinity)
        #expect(matrix == NumberMatrix(rows: 2, columns: 3, values: [1, 2.5, .infinity, 3, -40, 5]))
    }

    @Test func refusesTextAndRaggedRowsWithTheLine() {
        do {
            _ = try NumberMatrixReader.csv(Array("甲,乙\n1,2\n".utf8), path: "m.csv")
            Issue.record("accepted a header row")
        } catch {
            #expect(
                error.kind == .data && error.location == SourceLocation(file: "m.csv", line: 1, column: 1))
        }
        do {
            _ = try NumberMatrixReader.csv(Array("1,2\n3,x\n".utf8), path: "m.csv")
            Issue.record("accepted x")
        } catch {
            #expect(error.location == SourceLocation(file: "m.csv", line: 2, column: 3))
        }
        do {
            _ = try NumberMatrixReader.csv(Array("1,2\n3\n".utf8), path: "m.csv")
            Issue.record("accepted a short row")
        } catch {
            #expect(error.kind == .data && error.location?.line == 2)
        }
        do {
            _ = try NumberMatrixReader.csv(Array("1,2\n\n3,4\n".utf8), path: "m.csv")
            Issue.record("accepted a blank line inside")
        } catch {
            #expect(error.location?.line == 2)
        }
    }
}

@Suite struct NumberMatrixNPYTests {
    @Test func readsFloat64AndInt64InCOrder() throws {
        let floats = npy(
            "<f8", shape: "(2, 2)", payload: littleEndian([1.5, Double.nan, -2, 4].map { $0.bitPattern }))
        let f = try NumberMatrixReader.npy(floats, path: "m.npy", missing: .infinity)
        #expect(f == NumberMatrix(rows: 2, columns: 2, values: [1.5, .infinity, -2, 4]))
        let ints = npy("<i8", shape: "(1, 3)", payload: littleEndian([Int64(7), -8, 9]))
        #expect(try NumberMatrixReader.npy(ints, path: "m.npy").values == [7, -8, 9])
        let huge = npy("<i8", shape: "(1, 2)", payload: littleEndian([Int64(1) << 53, (Int64(1) << 53) + 1]))
        #expect(throws: GSLError.self) { try NumberMatrixReader.npy(huge, path: "m.npy") }
    }

    @Test(arguments: [
        ("<f4", false, "(1, 1)", 4),
        (">f8", false, "(1, 1)", 8),
        ("<f8", true, "(2, 1)", 16),
        ("<f8", false, "(2,)", 16),
        ("<f8", false, "(1, 1, 2)", 16),
        ("<f8", false, "(2, 2)", 24),
    ])
    func refusesOtherArrays(descr: String, fortran: Bool, shape: String, bytes: Int) {
        let file = npy(descr, fortran: fortran, shape: shape, payload: [UInt8](repeating: 0, count: bytes))
        #expect(throws: GSLError.self) { try NumberMatrixReader.npy(file, path: "m.npy") }
        #expect(throws: GSLError.self) { try NumberMatrixReader.npy(Array("not numpy".utf8), path: "m.npy") }
    }
}
