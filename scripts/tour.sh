#!/usr/bin/env bash
# The five-minute tour as one script: a fresh store, the reference divisions, a Ningbo-scale
# enterprise list, a chamber with members, queries, search, working days and the audit check.
set -euo pipefail
GSL=${1:-.build/debug/gsl}
DB=${2:-out/demo.sqlite}
mkdir -p "$(dirname "$DB")" out
rm -f "$DB" "$DB-wal" "$DB-shm"
export GSL_DB="$DB" GSL_ACTOR="演示"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "gsl init && gsl ref load"
$GSL init
$GSL ref load

step "gsl demo generate --orgs 3300 && gsl org import (3,300 enterprises, one transaction)"
$GSL demo generate --orgs 3300 --seed 2025 --out out/demo-firms.csv
$GSL org import out/demo-firms.csv --kind enterprise

step "a chamber and its members"
$GSL org add --kind chamber --name 宁波市青年企业家商会 --chamber-type direct --region 宁波市 >/dev/null
$GSL person add --name 陈海波 --gender 男 --birth-year 1978 --phone 13805741234 --title 董事长 >/dev/null
$GSL member add --chamber 宁波市青年企业家商会 --person 陈海波 --role 会长 --since 2024-03-01 >/dev/null
first=$($GSL org list --kind enterprise --limit 3 --format csv 2>/dev/null | tail -n +2 | cut -d, -f1)
for id in $first; do $GSL member add --chamber 宁波市青年企业家商会 --org "$id" --role 理事 >/dev/null; done
$GSL member list --chamber 宁波市青年企业家商会 --format table

step "gsl org list --region 海曙区 --size 中 --limit 8"
$GSL org list --region 海曙区 --size 中 --limit 8 --format table

step "gsl region show (a village's path from the province down)"
village=$($GSL region list --level village --limit 1 --format csv | tail -n 1 | cut -d, -f1)
$GSL region show "$village" --format table

step "gsl search 模具 / gsl search 宁海"
$GSL search 模具 --limit 5 --format table
$GSL search 宁海 --kind region --limit 5 --format table

step "working days over the 2025 Spring Festival (调休 counted)"
$GSL calendar workdays --from 2025-01-20 --to 2025-02-10 --format table
$GSL calendar add-workdays 2025-01-27 5 --format table

step "走访与诉求: a campaign, visits, a request from receipt to closure, SLA with 调休, 三率"
$GSL visit campaign 问千家进百企2025 --from 2025-01-01 --to 2025-12-31
firms=$($GSL org list --kind enterprise --limit 20 --format csv | tail -n +2 | cut -d, -f1)
for id in $firms; do $GSL visit targets 问千家进百企2025 --org "$id" >/dev/null 2>&1; done
n=0
for id in $firms; do
  n=$((n + 1)); [ $n -gt 12 ] && break
  $GSL visit log --org "$id" --date 2025-03-0$(( n % 9 + 1 )) --staff 王芳 --campaign 问千家进百企2025 >/dev/null 2>&1
done
$GSL visit stats 问千家进百企2025 --by county --format table
first=$(echo "$firms" | head -1)
$GSL case open --org "$first" --category 融资信贷 --source visit --title 续贷困难，需银行支持 --date 2025-01-24 >/dev/null
$GSL case assign 1 --lead 市金融办 --assist 人行宁波中心支行 --date 2025-01-24 >/dev/null
$GSL case sla --today 2025-02-05 --format table
$GSL case start 1 --date 2025-02-05 >/dev/null
$GSL case answer 1 --date 2025-02-10 >/dev/null
$GSL case evaluate 1 --contacted --solved --satisfaction 满意 --date 2025-02-12 >/dev/null
$GSL case close 1 --date 2025-02-12 --format table
$GSL case rates --by department --format table

step "亲清健康指数: frameworks v1 → v2, five years of (synthetic) data, runs, uncertainty, assessment"
$GSL index framework import Datasets/frameworks/qinqing-v1.yaml Datasets/frameworks/qinqing-v2.yaml --format table
$GSL index framework diff qinqing@v1 qinqing@v2 --format table
$GSL index data generate --framework qinqing@v2 --dataset ningbo
for year in 2019 2020 2021 2022 2023; do
  $GSL index compute --framework qinqing@v2 --dataset ningbo --period $year --normalise efficacy --label "年度考核 $year" >/dev/null
done
run=$($GSL index runs --format csv | sed -n 2p | cut -d, -f1)
$GSL index show "$run" --format table
$GSL index uncertainty "$run" --runs 1000 --seed 7 --aggregations arithmetic,geometric >/dev/null
$GSL index assess "$run" --format table
$GSL index trend --unit 330213 --format table
$GSL index report "$run" --format html --out out/qinqing-2023.html

step "gsl audit verify && gsl status"
$GSL audit verify
$GSL status --format table
