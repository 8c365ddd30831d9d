"""Seeded data for Benchmarks/pairing.sh: enterprises, firm profiles and village profiles for a
pairing plan at Ningbo scale (822 firms x 668 villages) or ten times that (8,000 x 7,000, with
synthetic villages under Ningbo's towns), and the conversion of a plan's exported network into the
binary instance that solvers_reference.py's OR-Tools `flow` case reads.

Usage:
  pairing_data.py data FIRMS VILLAGES SEED DIVISIONS_DIR OUT_DIR
  pairing_data.py network PLAN.json OUT.i64
Standard library only.
"""
import csv
import json
import random
import struct
import sys

SECTIONS = "ACDEFGHIKLMR"
DIVISIONS = {"A": ["01", "02", "03", "05"], "C": ["13", "14", "17", "18", "26", "30", "33", "34", "38", "39"],
             "D": ["44"], "E": ["47", "48"], "F": ["51", "52"], "G": ["54", "59"], "H": ["61", "62"],
             "I": ["64", "65"], "K": ["70"], "L": ["72"], "M": ["75"], "R": ["86", "88"]}


CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(index, county):
    """A valid USCC (GB 32100-2015): 91, the county, a 9-character body from the index, the check."""
    body = ""
    for _ in range(9):
        body = CHARSET[index % 31] + body
        index //= 31
    first = "91" + county + body
    weights = [pow(3, i, 31) for i in range(17)]
    total = sum(CHARSET.index(c) * w for c, w in zip(first, weights))
    return first + CHARSET[(31 - total % 31) % 31]


def data(firms, villages, seed, divisions, out):
    rng = random.Random(seed)
    with open(f"{divisions}/ningbo_towns.csv", encoding="utf-8") as f:
        towns = [r["code"] for r in csv.DictReader(f)]
    with open(f"{divisions}/ningbo_villages.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    real = [r["code"] for r in rows if r["kind"] == "村委会"]
    taken = {r["code"] for r in rows}
    chosen = rng.sample(real, min(villages, len(real)))
    synthetic = []
    # Beyond Ningbo's 2,158 村委会: new 村委会 codes (200-399) under real towns, as a region file.
    while len(chosen) + len(synthetic) < villages:
        code = f"{rng.choice(towns)}{rng.randint(200, 399)}"
        if code not in taken:
            taken.add(code)
            synthetic.append(code)
    with open(f"{out}/regions.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "parent_code", "kind"])
        for k, code in enumerate(synthetic):
            w.writerow([code, f"合成{k}村委会", code[:9], "村委会"])
    with open(f"{out}/villages.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["村代码", "村集体经济收入", "薄弱村", "人口", "需求行业"])
        for code in chosen + synthetic:
            weak = rng.random() < 0.3
            income = rng.randint(5, 60) if weak else rng.randint(30, 500)
            needs = ";".join(sorted(set(rng.choice(SECTIONS) for _ in range(rng.randint(0, 2)))))
            w.writerow([code, f"{income}万", "是" if weak else "否", rng.randint(300, 5000), needs])
    with open(f"{out}/orgs.csv", "w", encoding="utf-8", newline="") as f, \
            open(f"{out}/firms.csv", "w", encoding="utf-8", newline="") as g:
        w, p = csv.writer(f), csv.writer(g)
        w.writerow(["名称", "统一社会信用代码", "所在地区", "行业代码"])
        p.writerow(["企业名称", "结对能力", "预算"])
        for i in range(firms):
            section = rng.choice(SECTIONS)
            code = rng.choice(DIVISIONS[section])
            name = f"宁波基准结对企业{i:05d}有限公司"
            town = rng.choice(towns)
            w.writerow([name, uscc(i + 1, town[:6]), town, f"{section}{code}"])
            p.writerow([name, rng.choice([1, 1, 1, 2, 2, 3]), f"{rng.randint(10, 500)}万"])


def network(plan, out):
    with open(plan, encoding="utf-8") as f:
        doc = json.load(f)
    net = doc["network"]
    index = {node["id"]: k for k, node in enumerate(net["nodes"])}
    arcs = net["arcs"]
    n, m = len(net["nodes"]), len(arcs)
    big = 2**63 - 1
    values = [n, m] + [node.get("supply", 0) for node in net["nodes"]]
    values += [index[a["from"]] for a in arcs] + [index[a["to"]] for a in arcs]
    values += [a.get("lower", 0) for a in arcs] + [a.get("capacity", big) for a in arcs]
    values += [a["cost"] for a in arcs]
    with open(out, "wb") as f:
        f.write(struct.pack(f"<{len(values)}q", *values))
    print(doc["totals"]["objective"])


if __name__ == "__main__":
    if sys.argv[1] == "data":
        data(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6])
    elif sys.argv[1] == "network":
        network(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(f"unknown case {sys.argv[1]}")
