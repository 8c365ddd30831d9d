#!/usr/bin/env python3
"""Reference timings for Benchmarks/policy.sh (issue 19, item 7), on the same files gsl imported.

  policy_bench.py twfe PANEL.csv TREAT.csv    pyfixest feols(y ~ treated | firm + year, CRV1 firm)
  policy_bench.py cs PANEL.csv TREAT.csv      differences ATTgt (never-treated, analytic SEs) + the
                                              simple/event/cohort/time aggregations

Prints one line: `<seconds of the whole script> <seconds of the estimation alone> <ATT> <SE>`; the
estimation alone is timed after a warm-up fit on a small slice (pyfixest compiles with numba on first
use), so the second figure is the package's warm speed.
"""
import sys
import time

T0 = time.perf_counter()
import pandas as pd  # noqa: E402


def load(panel, treat):
    df = pd.read_csv(panel)
    df.columns = ["firm", "year", "y"]
    tr = pd.read_csv(treat)
    cohort = dict(zip(tr.iloc[:, 0], tr.iloc[:, 2]))
    df["cohort"] = df["firm"].map(cohort)
    return df


def twfe(df):
    import pyfixest as pf
    df["treated"] = ((df["cohort"].notna()) & (df["year"] >= df["cohort"])).astype(float)
    small = df[df["firm"].isin(df["firm"].unique()[:200])]
    pf.feols("y ~ treated | firm + year", data=small, vcov={"CRV1": "firm"})
    t = time.perf_counter()
    fit = pf.feols("y ~ treated | firm + year", data=df, vcov={"CRV1": "firm"})
    se = float(fit.se()["treated"])
    return time.perf_counter() - t, float(fit.coef()["treated"]), se


def cs(df):
    from differences import ATTgt
    d = df[["firm", "year", "y", "cohort"]].set_index(["firm", "year"])
    t = time.perf_counter()
    att = ATTgt(data=d, cohort_column="cohort")
    att.fit(formula="y", control_group="never_treated", n_jobs=1, progress_bar=False)
    simple = att.aggregate("simple")
    for kind in ("event", "cohort", "time"):
        att.aggregate(kind)
        att.aggregate(kind, overall=True)
    return time.perf_counter() - t, float(simple.iloc[0, 0]), float(simple.iloc[0, 1])


if __name__ == "__main__":
    kind, panel, treat = sys.argv[1:4]
    data = load(panel, treat)
    seconds, estimate, se = {"twfe": twfe, "cs": cs}[kind](data)
    print(f"{time.perf_counter() - T0:.3f} {seconds:.3f} {estimate!r} {se!r}")
