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


def main():
    case = sys.argv[1]
    if case == "assignment":
        assignment(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif case == "flow":
        flow(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown case {case}")


if __name__ == "__main__":
    main()
