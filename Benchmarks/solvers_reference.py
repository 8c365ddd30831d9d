"""Python references for gsl-bench-solvers: reads the instance files it wrote and prints
`<seconds> <objective>` for the same instance. Usage: solvers_reference.py CASE ARGS..."""
import sys
import time


def assignment(family, n, directory):
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    costs = np.fromfile(f"{directory}/assignment-{family}-{n}.f64", dtype=np.float64).reshape(n, n)
    start = time.perf_counter()
    rows, cols = linear_sum_assignment(costs)
    seconds = time.perf_counter() - start
    print(f"{seconds:.6f} {costs[rows, cols].sum():.9f}")


def write_matrix(family, n, directory):
    """Writes the assignment instance as gsl solve reads it: JSON (json.dump, shortest round-trip
    floats), CSV (the same digits) and .npy, for the end-to-end comparison."""
    import json
    import numpy as np
    costs = np.fromfile(f"{directory}/assignment-{family}-{n}.f64", dtype=np.float64).reshape(n, n)
    stem = f"{directory}/e2e-{family}-{n}"
    with open(f"{stem}.json", "w") as f:
        json.dump({"costs": costs.tolist()}, f)
    with open(f"{stem}.csv", "w") as f:
        for row in costs.tolist():
            f.write(",".join(map(repr, row)) + "\n")
    np.save(f"{stem}.npy", costs)


def flow(name, directory):
    import numpy as np
    from ortools.graph.python import min_cost_flow
    data = np.fromfile(f"{directory}/flow-{name}.i64", dtype=np.int64)
    n, m = int(data[0]), int(data[1])
    supply = data[2:2 + n].copy()
    tail, head, lower, cap, cost = (data[2 + n + k * m: 2 + n + (k + 1) * m] for k in range(5))
    total = int(supply[supply > 0].sum())
    # OR-Tools has no lower bounds: shift them into the supplies and the capacities.
    np.subtract.at(supply, tail, lower)
    np.add.at(supply, head, lower)
    cap = np.where(cap == np.iinfo(np.int64).max, total + int(lower.sum()), cap) - lower
    start = time.perf_counter()
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(tail, head, cap, cost)
    solver.set_nodes_supplies(np.arange(n), supply)
    status = solver.solve()
    seconds = time.perf_counter() - start
    if status != solver.OPTIMAL:
        raise SystemExit(f"OR-Tools status {status}")
    print(f"{seconds:.6f} {solver.optimal_cost() + int((lower * cost).sum())}")


def load_stable(residents, hospitals, directory):
    import numpy as np
    data = np.fromfile(f"{directory}/stable-{residents}-{hospitals}.i32", dtype=np.int32)
    r, h = int(data[0]), int(data[1])
    capacities = data[2:2 + h].tolist()
    resident_prefs = data[2 + h:2 + h + r * h].reshape(r, h).tolist()
    hospital_prefs = data[2 + h + r * h:2 + h + 2 * r * h].reshape(h, r).tolist()
    return capacities, resident_prefs, hospital_prefs


def summary(resident_prefs, assigned):
    """Matched residents and the sum of their ranks, as gsl-bench-solvers prints them."""
    matched = rank_sum = 0
    for r, h in enumerate(assigned):
        if h >= 0:
            matched += 1
            rank_sum += resident_prefs[r].index(h)
    return f"{matched}:{rank_sum}"


def stable_loop(residents, hospitals, directory):
    """A plain resident-proposing deferred acceptance loop in Python."""
    import heapq
    capacities, resident_prefs, hospital_prefs = load_stable(residents, hospitals, directory)
    start = time.perf_counter()
    rank = []
    for prefs in hospital_prefs:
        row = [0] * len(resident_prefs)
        for k, r in enumerate(prefs):
            row[r] = k
        rank.append(row)
    held = [[] for _ in hospital_prefs]  # max-heaps of (-rank, resident)
    nxt = [0] * len(resident_prefs)
    assigned = [-1] * len(resident_prefs)
    free = list(range(len(resident_prefs) - 1, -1, -1))
    while free:
        r = free.pop()
        prefs = resident_prefs[r]
        while nxt[r] < len(prefs):
            h = prefs[nxt[r]]
            nxt[r] += 1
            k = rank[h][r]
            if len(held[h]) < capacities[h]:
                heapq.heappush(held[h], (-k, r))
                assigned[r] = h
                break
            if -held[h][0][0] > k:
                _, loser = heapq.heapreplace(held[h], (-k, r))
                assigned[loser] = -1
                free.append(loser)
                assigned[r] = h
                break
    seconds = time.perf_counter() - start
    print(f"{seconds:.6f} {summary(resident_prefs, assigned)}")


def stable_matching(residents, hospitals, directory):
    """The `matching` package's HospitalResident game (building and solving are timed)."""
    from matching.games import HospitalResident
    sys.setrecursionlimit(1_000_000)
    capacities, resident_prefs, hospital_prefs = load_stable(residents, hospitals, directory)
    start = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(
        {f"r{r}": [f"h{h}" for h in prefs] for r, prefs in enumerate(resident_prefs)},
        {f"h{h}": [f"r{r}" for r in prefs] for h, prefs in enumerate(hospital_prefs)},
        {f"h{h}": c for h, c in enumerate(capacities)})
    result = game.solve(optimal="resident")
    seconds = time.perf_counter() - start
    assigned = [-1] * len(resident_prefs)
    for hospital, members in result.items():
        for resident in members:
            assigned[int(resident.name[1:])] = int(hospital.name[1:])
    print(f"{seconds:.6f} {summary(resident_prefs, assigned)}")


def main():
    case = sys.argv[1]
    if case == "assignment":
        assignment(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif case == "stable-loop":
        stable_loop(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif case == "stable-matching":
        stable_matching(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif case == "write-matrix":
        write_matrix(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif case == "flow":
        flow(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown case {case}")


if __name__ == "__main__":
    main()
