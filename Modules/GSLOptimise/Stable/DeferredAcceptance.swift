/// Stable matching for hospital–resident instances by deferred acceptance (Gale–Shapley with
/// capacities): the proposing side gets its best stable matching.
public enum DeferredAcceptance {
    /// Which side proposes, and so which side's optimal stable matching is returned.
    public enum Side: String, Sendable, CaseIterable {
        /// Residents propose: every resident gets the best hospital of any stable matching.
        case residents
        /// Hospitals propose: every hospital gets its best set of any stable matching.
        case hospitals
    }

    /// The stable matching that is optimal for `side`.
    public static func solve(_ instance: HospitalResidentInstance, optimalFor side: Side = .residents)
        -> StableMatching
    {
        switch side {
        case .residents: residentProposing(instance)
        case .hospitals: hospitalProposing(instance)
        }
    }

    /// Residents propose down their lists; a full hospital keeps its best residents. Each
    /// hospital's worst held position only moves up once it is full, so the total work is linear
    /// in the lengths of the lists.
    static func residentProposing(_ instance: HospitalResidentInstance) -> StableMatching {
        let residents = instance.residentCount, hospitals = instance.hospitalCount
        let hospitalRank = instance.hospitalRanks
        var offset = [Int](repeating: 0, count: hospitals + 1)
        for h in 0..<hospitals { offset[h + 1] = offset[h] + instance.hospitalPreferences[h].count }
        var held = [Bool](repeating: false, count: offset[hospitals])
        var worst = (0..<hospitals).map { offset[$0 + 1] - 1 }  // absolute index into `held`
        var count = [Int](repeating: 0, count: hospitals)
        var next = [Int](repeating: 0, count: residents)
        var match = [Int](repeating: -1, count: residents)
        var free = Array((0..<residents).reversed())
        let capacities = instance.capacities
        instance.residentPreferences.withUnsafeBufferPointer { lists in
            instance.hospitalPreferences.withUnsafeBufferPointer { hospitalLists in
                while let r = free.popLast() {
                    let list = lists[r]
                    while next[r] < list.count {
                        let h = list[next[r]]
                        next[r] += 1
                        let rank = hospitalRank.rank(h, r)
                        if rank == .max || capacities[h] == 0 { continue }
                        let position = offset[h] + Int(rank)
                        if count[h] < capacities[h] {
                            held[position] = true; count[h] += 1; match[r] = h
                            break
                        }
                        while !held[worst[h]] { worst[h] -= 1 }
                        if position < worst[h] {
                            let loser = hospitalLists[h][worst[h] - offset[h]]
                            held[worst[h]] = false
                            match[loser] = -1
                            free.append(loser)
                            held[position] = true; match[r] = h
                            break
                        }
                    }
                }
            }
        }
        return StableMatching(
            residentToHospital: match,
            orderedHospitalResidents: ordered(match, hospitals: hospitals, rank: hospitalRank))
    }

    /// Each hospital's residents sorted by the hospital's ranking.
    static func ordered(_ match: [Int], hospitals: Int, rank: PreferenceRanks) -> [[Int]] {
        var lists = [[Int]](repeating: [], count: hospitals)
        for (r, h) in match.enumerated() where h >= 0 { lists[h].append(r) }
        for h in 0..<hospitals where lists[h].count > 1 {
            lists[h].sort { rank.rank(h, $0) < rank.rank(h, $1) }
        }
        return lists
    }

    /// Hospitals with free places propose down their lists; a resident keeps the best offer.
    static func hospitalProposing(_ instance: HospitalResidentInstance) -> StableMatching {
        let residents = instance.residentCount, hospitals = instance.hospitalCount
        let residentRank = instance.residentRanks
        var count = [Int](repeating: 0, count: hospitals)
        var next = [Int](repeating: 0, count: hospitals)
        var match = [Int](repeating: -1, count: residents)
        var matchRank = [Int32](repeating: .max, count: residents)
        var active = Array((0..<hospitals).reversed())
        var queued = [Bool](repeating: true, count: hospitals)
        let capacities = instance.capacities
        instance.hospitalPreferences.withUnsafeBufferPointer { lists in
            while let h = active.popLast() {
                queued[h] = false
                let list = lists[h]
                while count[h] < capacities[h] && next[h] < list.count {
                    let r = list[next[h]]
                    next[h] += 1
                    let rank = residentRank.rank(r, h)
                    if rank >= matchRank[r] { continue }
                    let previous = match[r]
                    if previous >= 0 {
                        count[previous] -= 1
                        if !queued[previous] { queued[previous] = true; active.append(previous) }
                    }
                    match[r] = h; matchRank[r] = rank; count[h] += 1
                }
            }
        }
        let hospitalRank = instance.hospitalRanks
        return StableMatching(
            residentToHospital: match,
            orderedHospitalResidents: ordered(match, hospitals: hospitals, rank: hospitalRank))
    }
}
