import GSLCore
import GSLOptimise

/// Whole-market runs over the candidate graph: each posting's best eligible partners
/// (`CandidateGenerator.nearest`, both sides), then one of the solvers.
public enum MarketSolver {
    /// Flow costs are scores in millionths, negated (the flow minimises).
    static let scale = 1_000_000.0
    /// The largest side for which one-to-one runs use the dense `LinearAssignment`.
    public static let denseLimit = 600

    /// The candidate graph: for every demand its `k` best eligible supplies with a positive score,
    /// and for every supply its `k` best demands (ties by position); `cost` is the negated score.
    /// The same graph as `CandidateGenerator.nearest` over every pair's score, without scoring
    /// every pair's texts: a pair's text is compared only when its score bound (the other features
    /// with the highest text score) reaches the `k`-th best score found so far of its demand or of
    /// its supply — a pair below both is beaten by `k` pairs on either side already.
    public static func candidates(
        demands: [ScoringItem], supplies: [ScoringItem], scorer: MatchScorer, k: Int, parts: Int? = nil
    ) -> [CandidatePair] {
        let rows = demands.count, columns = supplies.count
        guard rows > 0, columns > 0, k > 0 else { return [] }
        // The demands are split into ranges scored on all cores, each range keeping its rows' best
        // and its own best of every column; a column's best over all rows is the best of the
        // ranges' (the same order, score then position), so the graph is the same whatever the
        // split. A range's column best is never better than the whole's, so pruning against it
        // skips only pairs that the whole would skip too.
        let slices = Parallel.slices(
            rows, parts: parts ?? (rows * columns >= 1_000_000 ? Parallel.cores(limit: 8) : 1))
        let d = Facts(demands), s = Facts(supplies), tables = Tables(d, s)
        let chains = demands.map(\.industryChain)
        let found = Parallel.map(slices.count) {
            best(rows: slices[$0], d, s, chains: chains, tables, scorer: scorer, k: k)
        }
        var chosen: [[(column: Int, score: Double)]] = []
        chosen.reserveCapacity(rows)
        var columnBest = found[0].columnBest
        for part in found {
            chosen.append(contentsOf: part.rowBest)
        }
        for part in found.dropFirst() {
            for j in 0..<columns {
                for entry in part.columnBest[j] {
                    BestList.keep(entry.score, entry.index, in: &columnBest[j], k: k)
                }
            }
        }
        for j in 0..<columns {
            for entry in columnBest[j] { chosen[entry.index].append((j, entry.score)) }
        }
        var pairs: [CandidatePair] = []
        for i in 0..<rows {
            chosen[i].sort { $0.column < $1.column }
            var last = -1
            for (j, score) in chosen[i] where j != last {
                pairs.append(CandidatePair(row: i, column: j, cost: -score))
                last = j
            }
        }
        return pairs
    }

    /// The best of a range of demands: each row's `k` best supplies, and each supply's `k` best
    /// demands of the range.
    struct Part {
        var rowBest: [[(column: Int, score: Double)]] = []
        var columnBest: [[(score: Double, index: Int)]] = []
    }

    /// Each posting's features as plain values — indices into small tables of the distinct
    /// industry and division keys, size classes as indices and masks — so that the loop over every
    /// pair copies no item (a copy retains each of an item's strings and arrays: a third of the time
    /// over 25 million pairs). The values are the scorer's own (`Closeness`, `MatchScorer`'s fits)
    /// and the sum is `MatchScorer.total`, so a pair's score is `MatchScorer.score`'s bit for bit.
    struct Facts: Sendable {
        var org: [Int64] = [], closed: [Bool] = []
        /// Size class index (`MatchScorer.sizeOrder`), `sizeOrder.count` when unknown.
        var size: [Int] = []
        /// Size classes accepted, one bit per index; 0 when none is listed.
        var accepted: [UInt8] = []
        /// Index into `exclusions`, −1 when none.
        var exclusion: [Int] = []
        var industry: [Int] = [], region: [Int] = []
        var amount: [Int64?] = [], amountMin: [Int64?] = [], amountMax: [Int64?] = [], deadline: [Int?] = []
        var industryKeys: [Closeness.IndustryKey?] = [], regionKeys: [[UInt8]?] = []
        var exclusions: [[String]] = []
        var texts: [TextVector] = []

        init(_ items: [ScoringItem]) {
            var industries: [Closeness.IndustryKey?: Int] = [:], regions: [[UInt8]?: Int] = [:]
            var lists: [[String]: Int] = [:]
            for item in items {
                let p = item.posting
                org.append(p.orgID)
                closed.append(p.state == .closed)
                size.append(
                    p.orgSize.flatMap(MatchScorer.sizeOrder.firstIndex(of:)) ?? MatchScorer.sizeOrder.count)
                var mask: UInt8 = 0
                for s in p.eligibleSizes {
                    if let i = MatchScorer.sizeOrder.firstIndex(of: s) { mask |= 1 << UInt8(i) }
                }
                accepted.append(mask)
                if p.excludedIndustries.isEmpty {
                    exclusion.append(-1)
                } else {
                    exclusion.append(Self.index(p.excludedIndustries, in: &lists, &exclusions))
                }
                industry.append(Self.index(item.industry, in: &industries, &industryKeys))
                region.append(Self.index(item.region, in: &regions, &regionKeys))
                amount.append(p.amount?.fen)
                amountMin.append(p.amountMin?.fen)
                amountMax.append(p.amountMax?.fen)
                deadline.append(p.deadline?.dayNumber)
                texts.append(item.text)
            }
        }

        static func index<K: Hashable>(_ key: K, in known: inout [K: Int], _ keys: inout [K]) -> Int {
            if let i = known[key] { return i }
            known[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
    }

    /// The feature values of every pair of distinct keys, demand keys by row.
    struct Tables: Sendable {
        let industry: [Double], industryColumns: Int
        let region: [Double], regionColumns: Int
        /// `MatchScorer.sizeFit` of two size indices (the last index: unknown).
        let size: [Double]

        init(_ d: Facts, _ s: Facts) {
            industryColumns = s.industryKeys.count
            industry = d.industryKeys.flatMap { a in s.industryKeys.map { Closeness.industry(a, $0) } }
            regionColumns = s.regionKeys.count
            region = d.regionKeys.flatMap { a in s.regionKeys.map { Closeness.region(a, $0) } }
            let classes = MatchScorer.sizeOrder.map(Optional.some) + [nil]
            size = classes.flatMap { a in classes.map { MatchScorer.sizeFit(a, $0) } }
        }
    }

    static func best(
        rows range: Range<Int>, _ d: Facts, _ s: Facts, chains: [Set<String>], _ tables: Tables,
        scorer: MatchScorer, k: Int
    ) -> Part {
        var part = Part()
        let columns = s.org.count, unknown = MatchScorer.sizeOrder.count
        part.columnBest = [[(score: Double, index: Int)]](repeating: [], count: columns)
        part.rowBest.reserveCapacity(range.count)
        var rowBest: [(score: Double, index: Int)] = []
        rowBest.reserveCapacity(k + 1)
        var excluded = [Bool](repeating: false, count: s.exclusions.count)
        for i in range {
            rowBest.removeAll(keepingCapacity: true)
            let chain = chains[i]
            for e in s.exclusions.indices { excluded[e] = s.exclusions[e].contains(where: chain.contains) }
            let org = d.org[i], size = d.size[i], sizeBit: UInt8 = size < unknown ? 1 << UInt8(size) : 0
            let industryRow = d.industry[i] * tables.industryColumns
            let regionRow = d.region[i] * tables.regionColumns
            let amount = d.amount[i], deadline = d.deadline[i]
            for j in 0..<columns {
                // `MatchScorer.isEligible`, from the facts.
                if s.closed[j] || s.org[j] == org { continue }
                let accepted = s.accepted[j]
                if accepted != 0 && accepted & sizeBit == 0 { continue }
                if s.exclusion[j] >= 0 && excluded[s.exclusion[j]] { continue }
                let industry = tables.industry[industryRow + s.industry[j]]
                let region = tables.region[regionRow + s.region[j]]
                let sizeFit = accepted != 0 ? 1 : tables.size[size * (unknown + 1) + s.size[j]]
                let amountFit = MatchScorer.amountFit(
                    amount, amount: s.amount[j], min: s.amountMin[j], max: s.amountMax[j])
                let deadlineFit = MatchScorer.deadlineFit(deadline, s.deadline[j])
                let bound = scorer.total(
                    industry, region, MatchScorer.textCeiling, sizeFit, amountFit, deadlineFit)
                guard bound > 0 else { continue }
                let rowKth = rowBest.count == k ? rowBest[k - 1].score : -Double.infinity
                let columnKth =
                    part.columnBest[j].count == k ? part.columnBest[j][k - 1].score : -Double.infinity
                if bound < rowKth && bound < columnKth { continue }
                let text = TextVector.score(d.texts[i], s.texts[j])
                let score = scorer.total(industry, region, text, sizeFit, amountFit, deadlineFit)
                guard score > 0 else { continue }
                BestList.keep(score, j, in: &rowBest, k: k)
                BestList.keep(score, i, in: &part.columnBest[j], k: k)
            }
            part.rowBest.append(rowBest.map { ($0.index, $0.score) })
        }
        return part
    }

    /// Runs `mode` on the candidate graph of `demands` × `supplies`.
    public static func solve(
        demands: [ScoringItem], supplies: [ScoringItem], scorer: MatchScorer, mode: MatchMode, k: Int
    ) throws(GSLError) -> MarketResult {
        let graph = candidates(demands: demands, supplies: supplies, scorer: scorer, k: k)
        return try solve(
            graph: graph, demands: demands.count, supplies: supplies.count,
            capacities: supplies.map(\.posting.capacity), mode: mode)
    }

    /// Runs `mode` on a given candidate graph (`cost` = −score); `capacities` are the supplies'.
    public static func solve(
        graph: [CandidatePair], demands: Int, supplies: Int, capacities: [Int], mode: MatchMode
    ) throws(GSLError) -> MarketResult {
        var chosen: [MarketResult.Pair] = []
        do {
            switch mode {
            case .assignment:
                // The dense solver works on a max(rows, columns)² matrix; beyond `denseLimit` the
                // same optimum comes from the flow with every capacity 1 on the sparse graph.
                chosen =
                    max(demands, supplies) <= denseLimit
                    ? try assignment(graph, demands, supplies)
                    : try flow(graph, demands, supplies, [Int](repeating: 1, count: supplies))
            case .stable: chosen = try stable(graph, demands, supplies, capacities)
            case .capacity: chosen = try flow(graph, demands, supplies, capacities)
            }
        } catch {
            throw GSLError(.internalError, Message("求解失败：\(error)", en: "solver failed: \(error)"))
        }
        chosen.sort { ($0.demand, $0.supply) < ($1.demand, $1.supply) }
        let objective = chosen.reduce(0.0) { $0 + $1.score }
        return MarketResult(mode: mode, pairs: chosen, objective: objective, candidateCount: graph.count)
    }

    /// Largest total score, one-to-one: a dense maximisation in which pairs off the graph score 0
    /// (so leaving a demand unmatched costs nothing); pairs scoring 0 are dropped from the answer.
    static func assignment(_ graph: [CandidatePair], _ rows: Int, _ columns: Int) throws(OptimiseError)
        -> [MarketResult.Pair]
    {
        guard rows > 0, columns > 0, !graph.isEmpty else { return [] }
        var values = [Double](repeating: 0, count: rows * columns)
        for p in graph { values[p.row * columns + p.column] = -p.cost }
        let solution = try LinearAssignment.solve(
            CostMatrix(rows: rows, columns: columns, values: values), maximise: true)
        return solution.pairs.compactMap { pair in
            let s = values[pair.row * columns + pair.column]
            return s > 0 ? MarketResult.Pair(demand: pair.row, supply: pair.column, score: s) : nil
        }
    }

    /// Demand-optimal stable matching; each side ranks its candidates by score (ties by position).
    static func stable(_ graph: [CandidatePair], _ rows: Int, _ columns: Int, _ capacities: [Int])
        throws(OptimiseError) -> [MarketResult.Pair]
    {
        var byRow = [[(Double, Int)]](repeating: [], count: rows)
        var byColumn = [[(Double, Int)]](repeating: [], count: columns)
        var score: [Int: Double] = [:]
        for p in graph {
            byRow[p.row].append((p.cost, p.column))
            byColumn[p.column].append((p.cost, p.row))
            score[p.row * columns + p.column] = -p.cost
        }
        func ranked(_ list: [(Double, Int)]) -> [Int] { list.sorted { $0 < $1 }.map(\.1) }
        let instance = try HospitalResidentInstance(
            residentPreferences: byRow.map(ranked), hospitalPreferences: byColumn.map(ranked),
            capacities: capacities)
        let matching = DeferredAcceptance.solve(instance, optimalFor: .residents)
        return matching.pairs.map {
            MarketResult.Pair(
                demand: $0.resident, supply: $0.hospital,
                score: score[$0.resident * columns + $0.hospital] ?? 0)
        }
    }

    /// Largest total score with capacities: source → demand (1) → supply (candidate arcs) → sink
    /// (capacity), and a free source → sink arc so that any demand may stay unmatched.
    static func flow(_ graph: [CandidatePair], _ rows: Int, _ columns: Int, _ capacities: [Int])
        throws(OptimiseError) -> [MarketResult.Pair]
    {
        guard rows > 0, columns > 0, !graph.isEmpty else { return [] }
        let source = 0, sink = rows + columns + 1
        var network = FlowNetwork(nodeCount: rows + columns + 2)
        network.reserveArcs(rows + columns + graph.count + 1)
        network.supply[source] = Int64(rows)
        network.supply[sink] = -Int64(rows)
        for i in 0..<rows { try network.addArc(from: source, to: 1 + i, capacity: 1, cost: 0) }
        let first = network.arcCount
        for p in graph {
            try network.addArc(
                from: 1 + p.row, to: 1 + rows + p.column, capacity: 1, cost: Int64((p.cost * scale).rounded())
            )
        }
        for j in 0..<columns {
            try network.addArc(from: 1 + rows + j, to: sink, capacity: Int64(max(0, capacities[j])), cost: 0)
        }
        try network.addArc(from: source, to: sink, capacity: Int64(rows), cost: 0)
        guard case .optimal(let solution) = try MinCostFlow.solve(network) else {
            throw OptimiseError.invalidInput("market network infeasible")
        }
        var out: [MarketResult.Pair] = []
        for (k, p) in graph.enumerated() where solution.flows[first + k] > 0 {
            out.append(MarketResult.Pair(demand: p.row, supply: p.column, score: -p.cost))
        }
        return out
    }
}
