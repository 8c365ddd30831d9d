#!/usr/bin/env python3
"""Writes Tests/Fixtures/surveys/reference.json: a small synthetic survey data set and what the
Python references compute on it, for GSLSurveysTests to match to 1e-9 without pip.

References: statsmodels (Wilson interval, adjusted standardised residuals), scipy (Pearson chi2,
Cramer's V), samplics (Taylor-linearised weighted proportion and its standard error; Rao-Scott
design-effect matrix, reported as F = X2/tr(D) on tr(D)^2/tr(D^2) numerator df, so the second-order
chi2 is F * df), ipfn (raking), pingouin (Cronbach's alpha).

Run once (needs the packages; `make bench` and Benchmarks/surveys.sh install them in a venv):
    python3 Benchmarks/surveys-reference.py Tests/Fixtures/surveys/reference.json
"""
import json
import sys
import warnings

import numpy as np
import pandas as pd
import pingouin
from ipfn import ipfn
from samplics.categorical import CrossTabulation
from samplics.estimation import TaylorEstimator
from samplics.utils.types import PopParam
from scipy.stats import chi2_contingency
from scipy.stats.contingency import association
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.contingency_tables import Table

warnings.filterwarnings("ignore")

rng = np.random.default_rng(20231203)
n = 400
# Respondent variables: county (4), size (3), an answer (3) related to county, a 0/1 item, Likert items.
county = rng.choice(4, size=n, p=[0.4, 0.3, 0.2, 0.1])
size = rng.choice(3, size=n, p=[0.2, 0.5, 0.3])
answer = np.array([rng.choice(3, p=[0.5, 0.3, 0.2] if c < 2 else [0.2, 0.3, 0.5]) for c in county])
chosen = (rng.random(n) < 0.35 + 0.1 * (county == 0)).astype(int)
latent = rng.normal(size=n)
items = np.clip(np.rint(3 + latent[:, None] + rng.normal(scale=0.8, size=(n, 4))), 1, 5).astype(int)

# Raking targets (population counts), both margins adding up to 10,000.
county_targets = [2500.0, 2500.0, 3000.0, 2000.0]
size_targets = [1500.0, 4500.0, 4000.0]

out = {"n": n, "county": county.tolist(), "size": size.tolist(), "answer": answer.tolist(),
       "chosen": chosen.tolist(), "items": items.tolist(),
       "countyTargets": county_targets, "sizeTargets": size_targets}

# Wilson interval of `chosen` (statsmodels).
k = int(chosen.sum())
lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
out["wilson"] = {"successes": k, "lower": lo, "upper": hi}

# Raking with ipfn to tolerance far below 1e-9.
df = pd.DataFrame({"county": county, "size": size, "total": np.ones(n)})
df["id"] = np.arange(n)
aggregates = [pd.Series(county_targets, index=pd.Index(range(4), name="county")),
              pd.Series(size_targets, index=pd.Index(range(3), name="size"))]
dims = [["county"], ["size"]]
fitted = ipfn.ipfn(df.copy(), aggregates, dims, weight_col="total", convergence_rate=1e-15,
                   max_iteration=10000, rate_tolerance=0.0).iteration()
weights = fitted.sort_values("id")["total"].to_numpy()
out["rakedWeights"] = weights.tolist()
out["kishDeff"] = float(n * (weights ** 2).sum() / weights.sum() ** 2)

# Weighted proportion of `chosen` and its linearisation SE (samplics).
est = TaylorEstimator(PopParam.mean)
est.estimate(y=chosen.astype(float), samp_weight=weights, remove_nan=True)
out["weightedProportion"] = {"value": float(est.point_est), "se": float(est.stderror)}
est = TaylorEstimator(PopParam.mean)
est.estimate(y=items[:, 0].astype(float), samp_weight=weights, remove_nan=True)
out["weightedMean"] = {"value": float(est.point_est), "se": float(est.stderror)}

# Unweighted crosstab county x answer: Pearson, Cramer's V (scipy), adjusted residuals (statsmodels).
table = np.zeros((4, 3))
for c, a in zip(county, answer):
    table[c, a] += 1
x2, p, dof, _ = chi2_contingency(table, correction=False)
out["pearson"] = {"statistic": float(x2), "p": float(p), "df": int(dof),
                  "cramersV": float(association(table.astype(int), method="cramer", correction=False)),
                  "residuals": Table(table).standardized_resids.tolist()}

# Weighted crosstab: Rao-Scott. samplics 0.6.1's CrossTabulation computes the design-effect matrix
# and then overwrites it with zeros (the `else` of its try block), so its adjusted statistic is 0;
# here its formula (Rao & Scott 1984, as in samplics: X2~ = X2 - X1 (X1' P X1)^-1 X1' P X2,
# D = (X2~' P X2~)^-1 (X2~' V X2~), P = (diag(p) - pp')/n) is applied to samplics's own
# linearised covariance V of the cell proportions. Cells are ordered row-major, county by answer.
cells = county * 3 + answer
est = TaylorEstimator(PopParam.prop)
est.estimate(y=cells, samp_weight=weights, remove_nan=True)
levels = sorted(est.point_est.keys())
p_cell = np.array([est.point_est[l] for l in levels])
V = np.array([[est.covariance[a][b] for b in levels] for a in levels])
P = (np.diag(p_cell) - np.outer(p_cell, p_cell)) / n
X1 = np.zeros((12, 1 + 3 + 2))
X2 = np.zeros((12, 3 * 2))
for i in range(4):
    for j in range(3):
        k = i * 3 + j
        X1[k, 0] = 1
        if i > 0:
            X1[k, i] = 1
        if j > 0:
            X1[k, 3 + j] = 1
        if i > 0 and j > 0:
            X2[k, (i - 1) * 2 + (j - 1)] = 1
X2t = X2 - X1 @ np.linalg.inv(X1.T @ P @ X1) @ (X1.T @ P @ X2)
D = np.linalg.inv(X2t.T @ P @ X2t) @ (X2t.T @ V @ X2t)
ct = CrossTabulation(PopParam.prop)
ct.tabulate(vars=pd.DataFrame({"county": county, "answer": answer}), samp_weight=weights, remove_nan=True)
x2w = float(ct.stats["Pearson-Unadj"]["chisq_value"])
t1, t2 = float(np.trace(D)), float(np.trace(D @ D))
out["raoScott"] = {"pearson": x2w, "statistic": x2w * t1 / t2, "df": t1 * t1 / t2,
                   "meanDesignEffect": t1 / 6}

# Cronbach's alpha (pingouin).
alpha, _ = pingouin.cronbach_alpha(data=pd.DataFrame(items))
out["cronbachAlpha"] = float(alpha)

with open(sys.argv[1] if len(sys.argv) > 1 else "reference.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote", sys.argv[1] if len(sys.argv) > 1 else "reference.json")
