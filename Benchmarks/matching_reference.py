"""References for Benchmarks/matching.sh (issue 13, item 9).

recommend POSTINGS DEMAND_REF K: scikit-learn character 1–2-gram TF-IDF + cosine top-K over the same
    texts (title + text) of the open supplies of the demand's kind, with the same eligibility filter
    (a supply's accepted size classes, its excluded industries, not the same organisation). The whole
    process is timed by the caller.
objective GRAPH DB RUN_ID: the optimum of the one-to-one problem on gsl's candidate graph (integer
    scores in millionths) by OR-Tools' min-cost flow (and scipy's linear_sum_assignment on the
    compacted dense matrix when small enough), and the total of the pairs gsl stored for the run.
"""
import csv
import sqlite3
import sys
import time


def recommend(db_path, demand_ref, k):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    db = sqlite3.connect(db_path)
    d = db.execute(
        "SELECT p.id, p.kind, p.org_id, o.size, p.industry_code, p.title || ' ' || p.body "
        "FROM match_postings p JOIN organisations o ON o.id = p.org_id WHERE p.ref = ?",
        (demand_ref,),
    ).fetchone()
    did, kind, org, size, industry, text = d
    rows = db.execute(
        "SELECT id, org_id, sizes, excluded_industries, title || ' ' || body FROM match_postings "
        "WHERE kind = ? AND side = 'supply' AND state = 'open' ORDER BY id",
        (kind,),
    ).fetchall()
    chain = set()
    if industry:
        chain = {industry[:n] for n in range(2, len(industry) + 1)}
    kept = []
    for sid, sorg, sizes, excluded, stext in rows:
        if sorg == org:
            continue
        if sizes and (size is None or size not in sizes.split(",")):
            continue
        if excluded and any(e in chain for e in excluded.split(",")):
            continue
        kept.append((sid, stext))
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 2))
    matrix = vec.fit_transform([text] + [t for _, t in kept])
    scores = (matrix[1:] @ matrix[0].T).toarray().ravel()
    top = np.argsort(-scores, kind="stable")[:k]
    print(" ".join(str(kept[i][0]) for i in top))


def objective(graph_path, db_path, run_id):
    edges = []
    with open(graph_path, newline="") as f:
        for row in csv.DictReader(f):
            edges.append((int(row["demand"]), int(row["supply"]), int(row["score_micro"])))
    score = {(d, s): w for d, s, w in edges}
    db = sqlite3.connect(db_path)
    chosen = db.execute("SELECT demand_id, supply_id FROM match_proposals WHERE run_id = ?", (run_id,)).fetchall()
    gsl_total = sum(score[(d, s)] for d, s in chosen)
    demands = sorted({d for d, _, _ in edges})
    supplies = sorted({s for _, s, _ in edges})
    di = {d: i for i, d in enumerate(demands)}
    si = {s: i for i, s in enumerate(supplies)}
    results = []
    try:
        from ortools.graph.python import min_cost_flow

        t0 = time.perf_counter()
        mcf = min_cost_flow.SimpleMinCostFlow()
        n_d, n_s = len(demands), len(supplies)
        source, sink = n_d + n_s, n_d + n_s + 1
        for i in range(n_d):
            mcf.add_arc_with_capacity_and_unit_cost(source, i, 1, 0)
        for d, s, w in edges:
            mcf.add_arc_with_capacity_and_unit_cost(di[d], n_d + si[s], 1, -w)
        for j in range(n_s):
            mcf.add_arc_with_capacity_and_unit_cost(n_d + j, sink, 1, 0)
        mcf.add_arc_with_capacity_and_unit_cost(source, sink, n_d, 0)
        mcf.set_node_supply(source, n_d)
        mcf.set_node_supply(sink, -n_d)
        assert mcf.solve() == mcf.OPTIMAL
        results.append(("ortools", -mcf.optimal_cost(), time.perf_counter() - t0))
    except ImportError:
        print("objective: OR-Tools not installed; skipped", file=sys.stderr)
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        if len(demands) * len(supplies) <= 40_000_000:
            t0 = time.perf_counter()
            m = np.zeros((len(demands), len(supplies)), dtype=np.int64)
            for d, s, w in edges:
                m[di[d], si[s]] = w
            r, c = linear_sum_assignment(m, maximize=True)
            results.append(("scipy", int(m[r, c].sum()), time.perf_counter() - t0))
    except ImportError:
        print("objective: scipy not installed; skipped", file=sys.stderr)
    print(f"gsl {gsl_total}")
    for name, value, seconds in results:
        print(f"{name} {value} {seconds:.3f}")


if __name__ == "__main__":
    if sys.argv[1] == "recommend":
        recommend(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        objective(sys.argv[2], sys.argv[3], int(sys.argv[4]))
