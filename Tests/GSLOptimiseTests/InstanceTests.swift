import Foundation
import GSLOptimise
import Testing

/// Decodes `text` as an instance, or returns the error.
private func decode<T: Decodable>(_ type: T.Type, _ text: String) -> Result<T, InstanceError> {
    do { return .success(try InstanceDecoder.decode(T.self, from: Data(text.utf8))) } catch {
        return .failure(error)
    }
}

/// The error of decoding `text`, which must fail.
private func failure<T: Decodable>(_ type: T.Type, _ text: String) throws -> InstanceError {
    guard case .failure(let error) = decode(type, text) else {
        Issue.record("decoded \(text)")
        throw CancellationError()
    }
    return error
}

@Suite struct AssignmentInstanceTests {
    @Test func decodesSolvesAndFlipsForMaximise() throws {
        let instance = try InstanceDecoder.decode(
            AssignmentInstance.self,
            from: Data(#"{"costs": [[4, 1, 3], [2, 0, null], [3, 2, 2]], "rows": ["a", "b", "c"]}"#.utf8))
        #expect(instance.costs.rows == 3 && !instance.costs.isAllowed(1, 2))
        let min = try instance.solve()
        #expect(min.status == .optimal && min.sense == .minimise && min.objective == 5)
        #expect(min.rowToColumn == [1, 0, 2])
        #expect(min.pairs?.first == AssignmentResult.Pair(row: .name("a"), column: .index(1), cost: 1))
        let max = try instance.solve(maximise: true)
        #expect(max.sense == .maximise && max.objective == 7)
        var inFile = instance
        inFile.maximise = true
        #expect(try inFile.solve().objective == 7)
    }

    @Test func bareMatrixAndRoundTrip() throws {
        let bare = try InstanceDecoder.decode(AssignmentInstance.self, from: Data("[[1, 2], [3, null]]".utf8))
        #expect(bare.costs.values == [1, 2, 3, .infinity])
        let encoded = try JSONEncoder().encode(bare)
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"costs":[[1,2],[3,null]]}"#)
        #expect(try InstanceDecoder.decode(AssignmentInstance.self, from: encoded) == bare)
    }

    @Test func errorsNameTheJSONPathAndCause() throws {
        let ragged = try failure(AssignmentInstance.self, #"{"costs": [[1, 2], [3]]}"#)
        #expect(ragged.path == "$.costs[1]" && ragged.cause == .rowLength(row: 1, count: 1, expected: 2))
        let text = try failure(AssignmentInstance.self, #"{"costs": [[1, 2], [3, "x"]]}"#)
        #expect(text.path == "$.costs[1][1]" && text.cause == .wrongType(expected: .number))
        let labels = try failure(AssignmentInstance.self, #"{"costs": [[1]], "columns": ["a", "b"]}"#)
        #expect(labels.path == "$.columns" && labels.cause == .labelCount(count: 2, expected: 1))
        let missing = try failure(AssignmentInstance.self, #"{"rows": []}"#)
        #expect(missing.path == "$.costs" && missing.cause == .missingField)
        let syntax = try failure(AssignmentInstance.self, "{\"costs\": [[1, 2],\n [3, oops]]}")
        #expect(syntax.line == 2 && syntax.column != nil)
        guard case .syntax = syntax.cause else {
            Issue.record("\(syntax)")
            return
        }
    }

    @Test func infeasibleIsAResultNotAnError() throws {
        let instance = try AssignmentInstance(costs: CostMatrix([[1, nil], [2, nil]]))
        let result = try instance.solve()
        #expect(result.status == .infeasible && result.matchable == 1 && result.required == 2)
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(!json.contains("objective"))
    }
}

@Suite struct FlowInstanceTests {
    let text = """
        {"nodes": [{"id": "s", "supply": 2}, {"id": "a"}, {"id": "t", "supply": -2}],
         "arcs": [{"from": "s", "to": "a", "capacity": 2, "cost": 3},
                  {"from": "a", "to": "t", "lower": 1, "capacity": 2, "cost": 1},
                  {"from": "s", "to": 2, "capacity": 1, "cost": 5}]}
        """

    @Test func solvesAndFlipsForMaximise() throws {
        let instance = try InstanceDecoder.decode(FlowInstance.self, from: Data(text.utf8))
        let min = try instance.solve()
        #expect(min.status == .optimal && min.objective == 8 && min.flows == [2, 2, 0])
        let max = try instance.solve(maximise: true)
        #expect(max.sense == .maximise && max.objective == 9 && max.flows == [1, 1, 1])
    }

    @Test func errorsNameTheJSONPathAndCause() throws {
        let to = try failure(
            FlowInstance.self, #"{"nodes": [{"supply": 1}], "arcs": [{"from": 0, "to": 4, "cost": 1}]}"#)
        #expect(to.path == "$.arcs[0].to" && to.cause == .unknownReference(.index(4)))
        let cost = try failure(FlowInstance.self, #"{"nodes": [], "arcs": [{"from": 0, "to": 0}]}"#)
        #expect(cost.path == "$.arcs[0].cost" && cost.cause == .missingField)
        let duplicate = try failure(FlowInstance.self, #"{"nodes": [{"id": "x"}, {"id": "x"}], "arcs": []}"#)
        #expect(duplicate.path == "$.nodes[1].id" && duplicate.cause == .duplicateID("x"))
        let bounds = try failure(
            FlowInstance.self,
            #"{"nodes": [{}, {}], "arcs": [{"from": 0, "to": 1, "lower": 3, "capacity": 2, "cost": 1}]}"#)
        #expect(
            bounds.path == "$.arcs[0].capacity" && bounds.cause == .capacityBelowLower(capacity: 2, lower: 3))
    }

    @Test func infeasibleCarriesTheCut() throws {
        let instance = try FlowInstance(
            nodes: [.init(id: "firm", supply: 2), .init(id: "v1", supply: -1), .init(id: "v2", supply: -1)],
            arcs: [.init(from: .name("firm"), to: .name("v1"), capacity: 2, cost: 1)])
        let result = try instance.solve()
        #expect(result.status == .infeasible && result.cut == [.name("v2")])
        #expect(result.unmet == [FlowResult.Unmet(node: .name("v2"), amount: 1)])
    }
}

@Suite struct StableInstanceTests {
    let text = """
        {"residents": [{"id": "r1", "preferences": ["h1", "h2"]}, {"id": "r2", "preferences": ["h1", "h2"]}],
         "hospitals": [{"id": "h1", "preferences": ["r2", "r1"]}, {"id": "h2", "preferences": ["r1", "r2"]}]}
        """

    @Test func solvesForEitherSide() throws {
        let instance = try InstanceDecoder.decode(StableInstance.self, from: Data(text.utf8))
        let result = instance.solve()
        #expect(result.optimalFor == "residents" && result.blockingPairs == 0)
        #expect(result.pairs.map(\.hospital) == [.name("h2"), .name("h1")])
        #expect(instance.solve(optimalFor: .hospitals).optimalFor == "hospitals")
    }

    @Test func errorsNameTheJSONPathAndCause() throws {
        let ref = try failure(
            StableInstance.self, #"{"residents": [{"preferences": ["h9"]}], "hospitals": []}"#)
        #expect(ref.path == "$.residents[0].preferences[0]" && ref.cause == .unknownReference(.name("h9")))
        let side = try failure(
            StableInstance.self, #"{"residents": [], "hospitals": [], "optimalFor": "both"}"#)
        #expect(side.path == "$.optimalFor" && side.cause == .unknownSide("both"))
        let capacity = try failure(
            StableInstance.self, #"{"residents": [], "hospitals": [{"capacity": -1, "preferences": []}]}"#)
        #expect(capacity.path == "$.hospitals[0].capacity" && capacity.cause == .negativeCapacity(-1))
    }
}

@Suite struct StrictInstanceKeyTests {
    @Test func aMisspeltMemberIsRefusedWithItsPath() throws {
        let assignment = try failure(
            AssignmentInstance.self, #"{"costs": [[1, 2], [3, 4]], "maximize": true}"#)
        #expect(assignment.path == "$.maximize")
        #expect(
            assignment.cause == .unknownField("maximize", known: ["costs", "maximise", "rows", "columns"]))
        let arc = try failure(
            FlowInstance.self,
            #"{"nodes": [{"supply": 1}, {"supply": -1}], "arcs": [{"from": 0, "to": 1, "cost": 1, "capacty": 3}]}"#
        )
        #expect(arc.path == "$.arcs[0].capacty")
        let node = try failure(FlowInstance.self, #"{"nodes": [{"supply": 1, "name": "a"}], "arcs": []}"#)
        #expect(node.path == "$.nodes[0].name")
        let hospital = try failure(
            StableInstance.self,
            #"{"residents": [{"preferences": [0]}], "hospitals": [{"preferences": [0], "places": 2}]}"#)
        #expect(hospital.path == "$.hospitals[0].places")
        let top = try failure(
            StableInstance.self,
            #"{"residents": [], "hospitals": [], "optimalFor": "residents", "optimal": 1}"#)
        #expect(top.path == "$.optimal")
    }

    @Test func knownMembersStillDecode() throws {
        let flow = try InstanceDecoder.decode(
            FlowInstance.self,
            from: Data(
                #"{"nodes": [{"id": "s", "supply": 2}, {"id": "t", "supply": -2}], "arcs": [{"from": "s", "to": "t", "lower": 0, "capacity": 5, "cost": 3}], "maximise": false}"#
                    .utf8))
        #expect(try flow.solve().objective == 6)
    }
}
