import Foundation
import GSLCore
import GSLOptimise

/// Min-cost flow instances: firm–village pairing with lower bounds, and a dense transport problem.
enum FlowBench {
    static func run(_ args: [String]) {
        guard args.count == 2 || (args.count == 3 && args[0] == "file") else {
            Bench.fail("flow pairing|pairing-full|transport DIR, or flow file NAME DIR")
        }
        let (name, network) =
            switch args[0] {
            case "file": (args[1], read("\(args[2])/flow-\(args[1]).i64"))
            case "pairing": pairing(full: false)
            case "pairing-full": pairing(full: true)
            default: transport()
            }
        if args[0] != "file" { write(network, to: "\(args[1])/flow-\(name).i64") }
        do {
            let (seconds, outcome) = try Bench.time { () throws(OptimiseError) -> FlowOutcome in
                var copy = FlowNetwork(nodeCount: network.nodeCount)
                copy.reserveArcs(network.arcCount)
                for a in 0..<network.arcCount {
                    try copy.addArc(
                        from: Int(network.from[a]), to: Int(network.to[a]), capacity: network.capacity[a],
                        cost: network.cost[a], lowerBound: network.lowerBound[a])
                }
                copy.supply = network.supply
                return try MinCostFlow.solve(copy)
            }
            guard case .optimal(let solution) = outcome else { Bench.fail("flow \(name): infeasible") }
            Bench.report(seconds, String(solution.cost))
        } catch {
            Bench.fail("flow failed: \(error)")
        }
    }

    /// 822 firms and 668 villages in a 100 km square; each firm takes 1–2 villages, each village
    /// gets 1–3 firms; arcs are every pair (`full`) or the K nearest pairs from both sides,
    /// widened until feasible.
    static func pairing(full: Bool) -> (String, FlowNetwork) {
        let firms = 822, villages = 668
        var rng = SeededGenerator(seed: 822_668)
        let f = (0..<firms).map { _ in (rng.uniform() * 100_000, rng.uniform() * 100_000) }
        let v = (0..<villages).map { _ in (rng.uniform() * 100_000, rng.uniform() * 100_000) }
        let take = (0..<firms).map { _ in Int64(1 + rng.next() % 2) }
        let total = take.reduce(0, +)
        func distance(_ i: Int, _ j: Int) -> Double? {
            let dx = f[i].0 - v[j].0, dy = f[i].1 - v[j].1
            return ((dx * dx + dy * dy).squareRoot() / 100).rounded()
        }
        func network(_ pairs: [CandidatePair]) -> FlowNetwork {
            var net = FlowNetwork(nodeCount: firms + villages + 1)
            for i in 0..<firms { net.supply[i] = take[i] }
            net.supply[firms + villages] = -total
            for p in pairs {
                try! net.addArc(from: p.row, to: firms + p.column, capacity: 1, cost: Int64(p.cost))
            }
            for j in 0..<villages {
                try! net.addArc(from: firms + j, to: firms + villages, capacity: 3, cost: 0, lowerBound: 1)
            }
            return net
        }
        if full {
            return (
                "pairing-full",
                network(CandidateGenerator.nearest(rows: firms, columns: villages, k: firms, cost: distance))
            )
        }
        let candidates = CandidateGenerator.widen(rows: firms, columns: villages, startK: 20, cost: distance)
        {
            if case .optimal = try! MinCostFlow.solve(network($0)) { return true }
            return false
        }
        return ("pairing", network(candidates.pairs))
    }

    /// 1,000 sources × 2,000 sinks, every pair an uncapacitated arc with a random cost.
    static func transport() -> (String, FlowNetwork) {
        let sources = 1000, sinks = 2000
        var rng = SeededGenerator(seed: 2_000_000)
        var net = FlowNetwork(nodeCount: sources + sinks)
        net.reserveArcs(sources * sinks)
        var total: Int64 = 0
        for i in 0..<sources { let s = Int64(1 + rng.next() % 200); net.supply[i] = s; total += s }
        var left = total
        for j in 0..<sinks {
            let d = j == sinks - 1 ? left : min(left, Int64(rng.next() % 200))
            net.supply[sources + j] = -d; left -= d
        }
        for i in 0..<sources {
            for j in 0..<sinks { try! net.addArc(from: i, to: sources + j, cost: Int64(rng.next() % 10_000)) }
        }
        return ("transport", net)
    }

    /// The network in a file `write` (or another exporter) made: the one a reference solves too.
    static func read(_ path: String) -> FlowNetwork {
        guard let data = FileManager.default.contents(atPath: path), data.count % 8 == 0, data.count >= 16
        else {
            Bench.fail("flow file: cannot read \(path)")
        }
        let v = data.withUnsafeBytes { raw in
            (0..<data.count / 8).map {
                Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self))
            }
        }
        let n = Int(v[0]), m = Int(v[1])
        guard n >= 0, m >= 0, v.count == 2 + n + 5 * m else { Bench.fail("flow file: bad sizes in \(path)") }
        var net = FlowNetwork(nodeCount: n)
        net.supply = Array(v[2..<2 + n])
        net.reserveArcs(m)
        let base = 2 + n
        for a in 0..<m {
            do {
                try net.addArc(
                    from: Int(v[base + a]), to: Int(v[base + m + a]), capacity: v[base + 3 * m + a],
                    cost: v[base + 4 * m + a], lowerBound: v[base + 2 * m + a])
            } catch {
                Bench.fail("flow file: arc \(a): \(error)")
            }
        }
        return net
    }

    /// `[n, m, supply…, from…, to…, lower…, capacity…, cost…]` as little-endian int64.
    static func write(_ net: FlowNetwork, to path: String) {
        var data: [Int64] = [Int64(net.nodeCount), Int64(net.arcCount)]
        data += net.supply
        data += net.from.map { Int64($0) }
        data += net.to.map { Int64($0) }
        data += net.lowerBound
        data += net.capacity
        data += net.cost
        Bench.writeRaw(data, to: path)
    }
}
