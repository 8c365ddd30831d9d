#!/usr/bin/env python3
"""Reference values for gsl's policy estimators (issue 19, item 3).

`generate` writes small seeded synthetic panels with known effects as CSV fixtures under
Tests/Fixtures/policy/ (committed once); `expect` runs the reference packages on those fixtures
and writes Tests/Fixtures/policy/expected.json (committed, so `swift test` needs no pip):

  - TWFE coefficient and firm-clustered SE: pyfixest (fixest convention) and statsmodels OLS with
    firm and year dummies (Stata/areg convention), on a balanced and an unbalanced panel;
    linearmodels PanelOLS where it matches a convention;
  - event study (reference −1) and its pre-trend Wald statistic: pyfixest and statsmodels;
  - the 2×2: statsmodels OLS, cluster-robust;
  - Callaway–Sant'Anna ATT(g,t), SEs and the simple/dynamic/group/calendar aggregates: the
    `differences` package, never-treated and not-yet-treated controls, and with the covariates
    x1, x2 by outcome regression (`est_method="reg"`);
  - the propensity logit: statsmodels Logit.

Usage: policy-reference.py generate|expect [FIXTURE_DIR]
"""
import json
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "Tests", "Fixtures", "policy")
YEARS = list(range(2016, 2024))


def staggered(seed, firms, cohorts, never_share, effect, drop=0.0, covariates=False):
    """Firm × year rows: y = firm effect + year effect + trend by covariate + effect(e) + noise;
    cohorts drawn among `cohorts` with probability depending on x1 when `covariates`."""
    rng = np.random.default_rng(seed)
    rows = []
    for f in range(firms):
        x1 = rng.normal()
        x2 = float(rng.integers(0, 2))
        if covariates:
            p_treat = 1 / (1 + np.exp(-(-0.3 + 0.8 * x1 + 0.5 * x2)))
            g = int(rng.choice(cohorts)) if rng.random() < p_treat else None
        else:
            g = None if rng.random() < never_share else int(rng.choice(cohorts))
        alpha = rng.normal(10, 2)
        for t in YEARS:
            if drop and rng.random() < drop:
                continue
            e = t - g if g is not None else None
            tau = effect(e) if e is not None and e >= 0 else 0.0
            trend = (0.15 * x1 + 0.1 * x2) * (t - YEARS[0]) if covariates else 0.0
            y = alpha + 0.4 * (t - YEARS[0]) + trend + tau + rng.normal(0, 1)
            rows.append((f"F{f:04d}", t, round(y, 6), g, round(x1, 6), x2))
    return rows


def write(name, rows):
    os.makedirs(DIR, exist_ok=True)
    with open(os.path.join(DIR, name), "w", encoding="utf-8") as out:
        out.write("firm,year,y,cohort,x1,x2\n")
        for firm, t, y, g, x1, x2 in rows:
            out.write(f"{firm},{t},{y!r},{'' if g is None else g},{x1!r},{int(x2)}\n")


def generate():
    # Staggered adoption, 3 cohorts and never-treated firms; effect 1 + 0.5·e.
    write("staggered.csv", staggered(20261203, 240, [2019, 2020, 2022], 0.4, lambda e: 1 + 0.5 * e))
    # The same design with 10 % of observations missing (TWFE must iterate).
    write("unbalanced.csv", staggered(20261204, 240, [2019, 2020, 2022], 0.4, lambda e: 1 + 0.5 * e, drop=0.1))
    # One adoption year, treatment more likely for higher x1/x2, trends by covariate (2×2, PSM, logit,
    # CS with covariates). Effect 2.
    write("single.csv", staggered(20261205, 300, [2020], 0.0, lambda e: 2.0, covariates=True))


def read(name):
    import pandas as pd
    df = pd.read_csv(os.path.join(DIR, name), dtype={"firm": str})
    return df


def twfe_refs(df):
    import pyfixest as pf
    import statsmodels.formula.api as smf
    d = df.copy()
    d["treated"] = ((d["cohort"].notna()) & (d["year"] >= d["cohort"])).astype(float)
    out = {}
    fit = pf.feols("y ~ treated | firm + year", data=d, vcov={"CRV1": "firm"}, fixef_tol=1e-14)
    out["fixest"] = {"estimate": float(fit.coef()["treated"]), "se": float(fit.se()["treated"])}
    ols = smf.ols("y ~ treated + C(firm) + C(year)", data=d).fit(
        cov_type="cluster", cov_kwds={"groups": pd_codes(d["firm"])})
    out["stata"] = {"estimate": float(ols.params["treated"]), "se": float(ols.bse["treated"])}
    try:
        from linearmodels.panel import PanelOLS
        p = d.set_index(["firm", "year"])
        lm = PanelOLS(p["y"], p[["treated"]], entity_effects=True, time_effects=True).fit(
            cov_type="clustered", cluster_entity=True, debiased=True, group_debias=True)
        out["linearmodels"] = {"estimate": float(lm.params["treated"]), "se": float(lm.std_errors["treated"])}
    except Exception as exc:  # reported, not fatal
        out["linearmodels"] = {"error": str(exc)}
    return out


def pd_codes(series):
    import pandas as pd
    return pd.factorize(series)[0]


def event_refs(df):
    import pyfixest as pf
    import statsmodels.formula.api as smf
    d = df.copy()
    rel = (d["year"] - d["cohort"])
    times = sorted(int(e) for e in rel.dropna().unique() if int(e) != -1)
    names = []
    for e in times:
        name = f"e_m{-e}" if e < 0 else f"e_p{e}"
        d[name] = (rel == e).astype(float)
        names.append(name)
    out = {"eventTimes": times}
    formula = "y ~ " + " + ".join(names)
    fit = pf.feols(formula + " | firm + year", data=d, vcov={"CRV1": "firm"}, fixef_tol=1e-14)
    ols = smf.ols(formula + " + C(firm) + C(year)", data=d).fit(
        cov_type="cluster", cov_kwds={"groups": pd_codes(d["firm"])})
    leads = [n for n, e in zip(names, times) if e <= -2]
    for label, coef, vcov in (("fixest", fit.coef(), fit._vcov), ("stata", ols.params, None)):
        if vcov is None:
            v = ols.cov_params().loc[names, names].to_numpy()
        else:
            v = np.asarray(vcov)
        b = np.array([float(coef[n]) for n in names])
        idx = [names.index(n) for n in leads]
        w = float(b[idx] @ np.linalg.solve(v[np.ix_(idx, idx)], b[idx]))
        out[label] = {"estimates": b.tolist(), "se": np.sqrt(np.diag(v)).tolist(), "wald": w}
    return out


def did2x2_refs(df):
    import statsmodels.formula.api as smf
    d = df[(df["cohort"].isna()) | (df["cohort"] == 2020)].copy()
    d["treated"] = d["cohort"].notna().astype(float)
    d["post"] = (d["year"] >= 2020).astype(float)
    ols = smf.ols("y ~ treated + post + treated:post", data=d).fit(
        cov_type="cluster", cov_kwds={"groups": pd_codes(d["firm"])})
    return {"estimate": float(ols.params["treated:post"]), "se": float(ols.bse["treated:post"])}


def logit_refs(df):
    import statsmodels.api as sm
    firms = df[df["year"] == 2016].copy()
    firms = firms[(firms["cohort"].isna()) | (firms["cohort"] == 2020)]
    y = firms["cohort"].notna().astype(float).to_numpy()
    x = sm.add_constant(firms[["x1", "x2"]].to_numpy())
    fit = sm.Logit(y, x).fit(disp=0, method="newton", tol=1e-14, maxiter=200)
    return {"params": fit.params.tolist(), "se": fit.bse.tolist(), "llf": float(fit.llf)}


def cs_refs(df, control, formula="y"):
    from differences import ATTgt
    d = df.copy().set_index(["firm", "year"])
    att = ATTgt(data=d, cohort_column="cohort")
    res = att.fit(formula=formula, est_method="reg", control_group=control, n_jobs=1,
                  progress_bar=False).to_pandas()
    cells = []
    for (g, b, t), row in res.iterrows():
        cells.append({"g": int(g), "base": int(b), "t": int(t), "att": float(row.iloc[0]), "se": float(row.iloc[1])})
    out = {"cells": cells}
    names = {"simple": "simple", "event": "dynamic", "cohort": "group", "time": "calendar"}
    for kind, ours in names.items():
        parts = att.aggregate(kind)
        entry = {"parts": [], "keys": []}
        if kind != "simple":
            for key, row in parts.iterrows():
                entry["keys"].append(int(key))
                entry["parts"].append({"att": float(row.iloc[0]), "se": float(row.iloc[1])})
            overall = att.aggregate(kind, overall=True).iloc[0]
        else:
            overall = parts.iloc[0]
        entry["overall"] = {"att": float(overall.iloc[0]), "se": float(overall.iloc[1])}
        out[ours] = entry
    return out


def expect():
    import pandas as pd  # noqa: F401
    result = {}
    stag = read("staggered.csv")
    unb = read("unbalanced.csv")
    single = read("single.csv")
    result["twfe_staggered"] = twfe_refs(stag)
    result["twfe_unbalanced"] = twfe_refs(unb)
    result["event_staggered"] = event_refs(stag)
    result["did2x2_single"] = did2x2_refs(single)
    result["logit_single"] = logit_refs(single)
    for control in ("never_treated", "not_yet_treated"):
        try:
            result[f"cs_{control}"] = cs_refs(stag, control)
        except Exception as exc:
            result[f"cs_{control}"] = {"error": repr(exc)}
    # Outcome regression on the firm covariates (time-invariant here, so base-period values).
    try:
        result["cs_covariates_never_treated"] = cs_refs(stag, "never_treated", "y ~ x1 + x2")
    except Exception as exc:
        result["cs_covariates_never_treated"] = {"error": repr(exc)}
    with open(os.path.join(DIR, "expected.json"), "w", encoding="utf-8") as out:
        json.dump(result, out, indent=1, sort_keys=True, default=str)
        out.write("\n")


if __name__ == "__main__":
    {"generate": generate, "expect": expect}[sys.argv[1]]()
