import GSLCore
import GSLMatching
import GSLOptimise
import Testing

/// Follow-through states, profiles, posting validation and market runs.
@Suite struct MatchEngineTests {
    @Test func followThroughInOrderOnly() throws {
        #expect(try MatchWorkflow.next(.proposed, .introduce) == .introduced)
        #expect(try MatchWorkflow.next(.introduced, .negotiate) == .negotiating)
        #expect(try MatchWorkflow.next(.negotiating, .deal) == .deal)
        #expect(try MatchWorkflow.next(.proposed, .fail) == .failed)
        let refused = #expect(throws: GSLError.self) { try MatchWorkflow.next(.proposed, .deal) }
        #expect(refused?.cause == .matchingTransitionRefused)
        #expect(refused?.message.en.contains("introduce") == true)
        #expect(MatchWorkflow.allowed(in: .deal).isEmpty)
    }

    @Test func dealsNeedTheirOutcome() throws {
        let noAmount = #expect(throws: GSLError.self) {
            try MatchAction.deal(amount: nil, hires: nil, salaryBand: nil).validate(kind: .credit)
        }
        #expect(noAmount?.cause == .matchingStepInvalid)
        try MatchAction.deal(amount: nil, hires: 2, salaryBand: "100万以上").validate(kind: .talent)
        let noReason = #expect(throws: GSLError.self) {
            try MatchAction.fail(reason: "  ").validate(kind: .project)
        }
        #expect(noReason?.cause == .matchingStepInvalid)
    }

    @Test func postingValidation() throws {
        let day = LocalDate(year: 2025, month: 3, day: 1)!
        let upsideDown = NewPosting(
            side: .supply, kind: .credit, organisation: "1", title: "科创贷", amountMin: Money(yuan: 3_000_000),
            amountMax: Money(yuan: 1_000_000), postedOn: day)
        let error = #expect(throws: GSLError.self) { try upsideDown.validated() }
        #expect(error?.cause == .matchingAmountRange && error?.location?.field == "amount_min")
        let ok = try NewPosting(
            side: .supply, kind: .credit, organisation: "1", title: " 科创贷 ", industry: "c3011",
            excludedIndustries: ["k", "70"], postedOn: day
        ).validated()
        #expect(ok.title == "科创贷" && ok.industry == "3011" && ok.excludedIndustries == ["K", "70"])
        #expect(try NewPosting.sizes("小型，微型") == [.small, .micro])
        #expect(try NewPosting.rate("3.45%") == 345 && NewPosting.rate("３.４５") == 345)
    }

    @Test func profileIsStrictAndFallsBack() throws {
        let p = try MatchProfile.parse("default:\n  text: 0.5\ncredit:\n  amount: 0.4\n", file: "w.yaml")
        // A kind's own block first, then the file's default, then the built-in weights of the kind.
        #expect(p.weights(.credit)[.amount] == 0.4 && p.weights(.credit)[.text] == 0.5)
        #expect(p.weights(.credit)[.industry] == 0.15)
        #expect(p.weights(.project)[.text] == 0.5 && p.weights(.project)[.industry] == 0.25)
        let unknown = #expect(throws: GSLError.self) {
            try MatchProfile.parse("defualt:\n  text: 1\n", file: "w.yaml")
        }
        #expect(unknown?.cause == .configUnknownKey && unknown?.location?.line == 1)
        let negative = #expect(throws: GSLError.self) {
            try MatchProfile.parse("credit:\n  text: -1\n", file: "w.yaml")
        }
        #expect(negative?.cause == .matchingProfileInvalid && negative?.location?.line == 2)
        #expect(try MatchProfile.parse(MatchProfile.standard.yaml(), file: "s") == .standard)
    }

    /// A small market: assignment equals the best one-to-one total by enumeration; the flow with
    /// capacities 1 reaches the same objective; the stable matching has no blocking pair.
    @Test func marketModesOnASmallGraph() throws {
        var rng = SeededGenerator(seed: 11)
        let rows = 5, columns = 6
        var graph: [CandidatePair] = []
        for i in 0..<rows {
            for j in 0..<columns where rng.next() % 3 != 0 {
                graph.append(CandidatePair(row: i, column: j, cost: -Double(1 + rng.next() % 100) / 100))
            }
        }
        let ones = [Int](repeating: 1, count: columns)
        let assignment = try MarketSolver.solve(
            graph: graph, demands: rows, supplies: columns, capacities: ones, mode: .assignment)
        let flow = try MarketSolver.solve(
            graph: graph, demands: rows, supplies: columns, capacities: ones, mode: .capacity)
        var score: [Int: Double] = [:]
        for p in graph { score[p.row * columns + p.column] = -p.cost }
        // Enumerate every partial one-to-one matching.
        func best(_ i: Int, _ used: Set<Int>) -> Double {
            guard i < rows else { return 0 }
            var top = best(i + 1, used)
            for j in 0..<columns where !used.contains(j) {
                if let s = score[i * columns + j] { top = max(top, s + best(i + 1, used.union([j]))) }
            }
            return top
        }
        let optimum = best(0, [])
        #expect(abs(assignment.objective - optimum) < 1e-9)
        #expect(abs(flow.objective - optimum) < 1e-9)
        #expect(Set(assignment.pairs.map(\.supply)).count == assignment.pairs.count)
        let stable = try MarketSolver.solve(
            graph: graph, demands: rows, supplies: columns, capacities: [2, 1, 1, 1, 1, 1], mode: .stable)
        #expect(stable.objective <= optimum + 2)
        for p in stable.pairs { #expect(score[p.demand * columns + p.supply] == p.score) }
        // No blocking pair: a demand preferring a supply that is free or holds someone worse.
        var held = [[Double]](repeating: [], count: columns)
        var mine = [Double](repeating: 0, count: rows)
        for p in stable.pairs {
            held[p.supply].append(p.score)
            mine[p.demand] = p.score
        }
        let caps = [2, 1, 1, 1, 1, 1]
        for p in graph {
            let s = -p.cost
            guard s > mine[p.row] else { continue }
            let full = held[p.column].count >= caps[p.column]
            #expect(full && held[p.column].allSatisfy { $0 >= s }, "blocking pair \(p.row)–\(p.column)")
        }
    }
}
