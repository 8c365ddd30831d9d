#!/usr/bin/env python3
"""NumPy implementation of gsl's index uncertainty analysis (linear case), for timing against Swift.

Input: a CSV written by gsl-bench-index: header `unit,group,direction` rows per indicator block, see
read(). Computation per run, exactly as gsl's UncertaintyAnalysis on complete data with arithmetic
aggregation: every node weight (indicators, dimensions) multiplied by 1 + noise*U(-1, 1); effective
weight of an indicator = (w_i m_i / sum over its siblings) * (W_d M_d / sum over dimensions); index =
X @ e; ranks descending with ties = min; per unit median, Q5, Q95 of rank (linear = R type 7).
Prints one JSON line: seconds (computation only, after reading), nominal ranks checksum, median ranks.
"""
import json
import sys
import time

import numpy as np


def read(path):
    with open(path) as f:
        groups = [int(v) for v in f.readline().split(",")]
        directions = [int(v) for v in f.readline().split(",")]
        x = np.loadtxt(f, delimiter=",", ndmin=2)
    return np.array(groups), np.array(directions, dtype=float), x


def ranks_min_desc(scores):
    """Ranks of each row of `scores` (runs x units), descending, ties = min."""
    order = np.argsort(-scores, axis=1, kind="stable")
    s = np.take_along_axis(scores, order, axis=1)
    n = scores.shape[1]
    pos = np.broadcast_to(np.arange(1, n + 1), s.shape)
    new = np.ones_like(s, dtype=bool)
    new[:, 1:] = s[:, 1:] != s[:, :-1]
    first = np.maximum.accumulate(np.where(new, pos, 0), axis=1)
    out = np.empty_like(first)
    np.put_along_axis(out, order, first, axis=1)
    return out


def main():
    path, runs, seed, noise = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    groups, directions, raw = read(path)
    t0 = time.perf_counter()
    xd = raw * directions
    lo, hi = xd.min(axis=0), xd.max(axis=0)
    x = (xd - lo) / (hi - lo) * 100
    n_units, k = x.shape
    g = groups.max() + 1
    rng = np.random.default_rng(seed)
    nominal_e = (1.0 / np.bincount(groups, minlength=g))[groups] / g
    nominal = ranks_min_desc((x @ nominal_e)[None, :])[0]
    chunk = max(1, min(runs, 2_000_000 // max(n_units, 1)))
    all_ranks = np.empty((runs, n_units), dtype=np.int32)
    done = 0
    while done < runs:
        c = min(chunk, runs - done)
        mi = 1 + noise * (2 * rng.random((c, k)) - 1)
        md = 1 + noise * (2 * rng.random((c, g)) - 1)
        within = np.zeros((c, g))
        for d in range(g):
            within[:, d] = mi[:, groups == d].sum(axis=1)
        e = mi / within[:, groups] * (md / md.sum(axis=1, keepdims=True))[:, groups]
        scores = e @ x.T
        all_ranks[done:done + c] = ranks_min_desc(scores)
        done += c
    q = np.percentile(all_ranks, [5, 50, 95], axis=0)
    t1 = time.perf_counter()
    print(json.dumps({"seconds": t1 - t0, "nominal": nominal.tolist(), "median": q[1].tolist(),
                      "q5": q[0].tolist(), "q95": q[2].tolist()}))


if __name__ == "__main__":
    main()
