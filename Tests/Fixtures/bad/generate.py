#!/usr/bin/env python3
"""Writes the bad-input corpus (Tests/Fixtures/bad/*) and its MANIFEST.tsv.

Run from anywhere: `python3 Tests/Fixtures/bad/generate.py`. The files are committed; this script
is how the binary ones (GBK bytes, BOMs, NUL bytes) were made and how to make more. Expected exit
codes and causes live in EXPECTED below, checked by BadInputCorpusCLITests.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BOM = b"\xef\xbb\xbf"

ORG_H = "名称,统一社会信用代码,所在地区,行业代码,从业人员,营业收入(万元),成立日期,电话\n"
ORG_OK = "宁波天一模具有限公司,91330200704800698F,海曙区,C3525,45,800,2018-06-01,0574-87005678\n"
# In the prepared store already: 东方日升 (913302001449739014), 宁波甬联科技 (91330200711192037M).


def org(fields):
    return ORG_H + ",".join(fields) + "\n"


def org_row(**kw):
    base = dict(name="宁波天一模具有限公司", uscc="91330200704800698F", region="海曙区", industry="C3525",
                employees="45", revenue="800", founded="2018-06-01", phone="0574-87005678")
    base.update(kw)
    return ",".join(base[k] for k in ["name", "uscc", "region", "industry", "employees", "revenue", "founded", "phone"])


def gbk(s):
    return s.encode("gb18030")


PERSON_H = "姓名,性别,身份证号,手机,职务\n"
VISIT_H = "企业,日期,走访人,活动,情况\n"
CASE_H = "企业,类别,标题,来源,优先级,受理日期\n"
DATA_H = "unit,period,indicator,value\n"

ORG = "org import {file}"
PERSON = "person import {file}"
VISIT = "visit import {file}"
CASE = "case import {file}"
CONFIG = "case config import {file}"
DATA = "index data import {file} --framework qinqing@v2 --dataset ningbo"
FRAMEWORK = "index framework import {file}"
SPEC = "index compute --framework qinqing@v2 --dataset ningbo --spec {file}"

# A minimal valid framework for variations.
FW = """id: corpus
version: "1"
nodes:
  - code: R
    children:
      - {code: a, weight: 1, indicator: {direction: 1}}
      - {code: b, weight: 1, indicator: {direction: -1}}
"""

CONFIG_OK = '{"warningShare": 0.8}'

# name -> (bytes or str, arguments, description)
FILES = {
    # Organisations
    "org-gbk-bad-uscc.csv": (gbk(ORG_H + org_row(uscc="91330200704800698G") + "\n"), ORG,
                             "GBK file (Chinese Excel) without --encoding, decoded, then a wrong USCC check character"),
    "org-gbk-forced-utf8.csv": (gbk(ORG_H + org_row() + "\n"), ORG + " --encoding utf8",
                                "GBK bytes read as UTF-8 because the user said so"),
    "org-bom-bad-uscc.csv": (BOM + (ORG_H + org_row(uscc="91330200704800698A")).encode(), ORG,
                             "UTF-8 BOM is fine, the USCC check character is not"),
    "org-bom-ragged.csv": (BOM + (ORG_H + "宁波某公司,91330200704800698F,330203\n").encode(), ORG,
                           "UTF-8 BOM, then a row with 3 of 8 columns"),
    "org-ragged-long.csv": (ORG_H + org_row() + ",多出来的,两列\n", ORG, "a row with 10 of 8 columns"),
    "org-fullwidth-uscc.csv": (ORG_H + org_row(uscc="９１３３０２００７０４８００６９８Ｇ") + "\n", ORG,
                               "full-width digits in the USCC (normalised), wrong check character"),
    "org-fullwidth-region.csv": (ORG_H + org_row(region="３３０２９９") + "\n", ORG,
                                 "full-width digits in a division code that does not exist"),
    "org-date-feb30.csv": (ORG_H + org_row(founded="2023年2月30日") + "\n", ORG, "2023年2月30日 does not exist"),
    "org-date-excel-serial.csv": (ORG_H + org_row(founded="45052") + "\n", ORG, "an Excel date serial number"),
    "org-date-month13.csv": (ORG_H + org_row(founded="2023/13/01") + "\n", ORG, "month 13"),
    "org-uscc-length.csv": (ORG_H + org_row(uscc="9133020070480069") + "\n", ORG, "USCC of 16 characters"),
    "org-uscc-letter.csv": (ORG_H + org_row(uscc="91330200704800I98F") + "\n", ORG,
                            "USCC with a letter outside the code set (I)"),
    "org-division-unknown.csv": (ORG_H + org_row(region="330299") + "\n", ORG, "division code 330299 is not loaded"),
    "org-division-malformed.csv": (ORG_H + org_row(region="33020X") + "\n", ORG, "division code with a letter"),
    "org-industry-unknown.csv": (ORG_H + org_row(industry="C9999") + "\n", ORG, "industry class C9999 does not exist"),
    "org-dup-in-file.csv": (ORG_H + org_row() + "\n" + org_row(name="天一模具") + "\n", ORG,
                            "the same USCC twice in one file"),
    "org-dup-store.csv": (ORG_H + org_row(name="东方日升", uscc="913302001449739014", region="330226") + "\n", ORG,
                          "a USCC already in the store (no --on-conflict)"),
    "org-unterminated-quote.csv": (ORG_H + '"宁波天一模具有限公司,91330200704800698F,330203,C3525,45,800,2018-06-01,0574-1\n',
                                   ORG, "a quote that never closes"),
    "org-empty.csv": (b"", ORG, "an empty file (0 bytes)"),
    "org-header-only.csv": (ORG_H, ORG, "a header and no rows"),
    "org-title-row.csv": ("2025年宁波市重点企业名单,,,,,,,\n" + ORG_H + org_row() + "\n", ORG,
                          "a title row above the header"),
    "org-employees-text.csv": (ORG_H + org_row(employees="一百二十") + "\n", ORG, "Chinese numerals in a number"),
    "org-employees-negative.csv": (ORG_H + org_row(employees="-45") + "\n", ORG, "negative employees"),
    "org-revenue-huge.csv": (ORG_H + org_row(revenue="99999999999999999999999") + "\n", ORG,
                             "revenue too large for fen"),
    "org-missing-column.csv": ("统一社会信用代码,所在地区\n91330200704800698F,330203\n", ORG, "no name column"),
    "org-empty-name.csv": (ORG_H + org_row(name="") + "\n", ORG, "merged-cell leftover: empty name"),
    "org-kind-unknown.csv": ("名称,类型\n宁波某协会,协会\n", ORG, "unknown organisation kind"),
    "org-phone.csv": (ORG_H + org_row(phone="打电话给我") + "\n", ORG, "a phone number with no digits"),
    "org-nul-byte.csv": (ORG_H.encode() + "宁波天一\x00模具有限公司,91330200704800698F,330203,C3525,45,800,2018-06-01,0574-1\n".encode(),
                         ORG, "a NUL byte inside a name"),
    "org-syntax.json": ('[{"name": "宁波天一模具有限公司", "uscc": "91330200704800698F"},', ORG, "JSON cut off"),
    "org-wrong-type.json": ('[{"name": "宁波天一模具有限公司", "uscc": 91330200704800698}]', ORG,
                            "USCC as a JSON number"),
    "org-object.json": ('{"name": "宁波天一模具有限公司"}', ORG, "a JSON object where an array of rows is expected"),
    "org-bad-line.ndjson": ('{"name": "宁波天一模具有限公司", "uscc": "91330200704800698F"}\n{name: 1}\n', ORG,
                            "NDJSON with a line that is not JSON"),
    # People
    "person-idcard-check.csv": (PERSON_H + "王五,男,110105194912310021,13805741235,总经理\n", PERSON,
                                "ID-card number with a wrong check digit"),
    "person-idcard-date.csv": (PERSON_H + "王五,男,110105194902300020,13805741235,总经理\n", PERSON,
                               "ID-card number born on 1949-02-30"),
    "person-dup-store.csv": (PERSON_H + "张三,男,11010519491231002X,13805741234,董事长\n", PERSON,
                             "an ID card already in the store"),
    "person-dup-in-file.csv": (PERSON_H + "王五,男,11010519491231002X,,\n赵六,男,11010519491231002X,,\n", PERSON,
                               "the same ID card twice in one file"),
    "person-gbk-bad-idcard.csv": (gbk(PERSON_H + "王五,男,110105194912310021,13805741235,总经理\n"), PERSON,
                                  "GBK without --encoding, decoded, then an ID card with a wrong check digit"),
    "person-empty-name.csv": (PERSON_H + ",男,,13805741235,总经理\n", PERSON, "empty name"),
    "person-gender.csv": (PERSON_H + "王五,未知性别,,13805741235,总经理\n", PERSON, "gender that is neither 男 nor 女"),
    "person-header-only.csv": (PERSON_H, PERSON, "a header and no rows"),
    "person-syntax.json": ('[{"name": "王五"', PERSON, "JSON cut off"),
    # Visits
    "visit-unknown-org.csv": (VISIT_H + "不存在的公司,2025-03-06,王芳,问千家进百企2025,初访\n", VISIT,
                              "an enterprise the store does not know"),
    "visit-outside-campaign.csv": (VISIT_H + "宁波甬联科技有限公司,2026-01-03,王芳,问千家进百企2025,复访\n", VISIT,
                                   "a visit after the campaign ended"),
    "visit-date-feb30.csv": (VISIT_H + "宁波甬联科技有限公司,2025年2月30日,王芳,问千家进百企2025,复访\n", VISIT,
                             "2025年2月30日 does not exist"),
    "visit-excel-serial.csv": (VISIT_H + "宁波甬联科技有限公司,45722,王芳,问千家进百企2025,复访\n", VISIT,
                               "an Excel date serial number"),
    "visit-unknown-campaign.csv": (VISIT_H + "宁波甬联科技有限公司,2025-03-07,王芳,走企连心2031,复访\n", VISIT,
                                   "a campaign that does not exist"),
    "visit-dup-store.csv": (VISIT_H + "宁波甬联科技有限公司,2025-03-06,王芳,问千家进百企2025,初访\n", VISIT,
                            "a visit already in the store"),
    "visit-ragged.csv": (VISIT_H + "宁波甬联科技有限公司,2025-03-08\n", VISIT, "a row with 2 of 5 columns"),
    # Requests
    "case-unknown-category.csv": (CASE_H + "宁波甬联科技有限公司,其它什么,续贷困难,visit,high,2025-03-06\n", CASE,
                                  "a category not in the taxonomy"),
    "case-unknown-org.csv": (CASE_H + "不存在的公司,融资信贷,续贷困难,visit,high,2025-03-06\n", CASE,
                             "an enterprise the store does not know"),
    "case-priority.csv": (CASE_H + "宁波甬联科技有限公司,融资信贷,续贷困难,visit,特急特急,2025-03-06\n", CASE,
                          "an unknown priority"),
    "case-date-feb30.csv": (CASE_H + "宁波甬联科技有限公司,融资信贷,续贷困难,visit,high,2023年2月30日\n", CASE,
                            "2023年2月30日 does not exist"),
    "case-empty.csv": (b"", CASE, "an empty file (0 bytes)"),
    "case-bom-missing-title.csv": (BOM + (CASE_H + "宁波甬联科技有限公司,融资信贷,,visit,high,2025-03-06\n").encode(),
                                   CASE, "UTF-8 BOM, then an empty title"),
    # Request settings
    "config-unknown-key.json": ('{"warningshare": 0.8}', CONFIG, "unknown settings key (case differs)"),
    "config-syntax.json": ('{"warningShare": 0.8,', CONFIG, "JSON cut off"),
    "config-range.json": ('{"warningShare": 1.5}', CONFIG, "a share above 1"),
    "config-wrong-type.json": ('{"l3AfterOverdueWorkdays": "五"}', CONFIG, "text where a number is expected"),
    "config-negative.json": ('{"l3AfterOverdueWorkdays": -5}', CONFIG, "negative working days"),
    "config-nan.json": ('{"warningShare": NaN}', CONFIG, "NaN is not JSON"),
    "config-huge.json": ('{"l3AfterOverdueWorkdays": 1e400}', CONFIG, "a number beyond double"),
    "config-empty.json": (b"", CONFIG, "an empty file (0 bytes)"),
    # Index data
    "data-unknown-indicator.csv": (DATA_H + "330203,2024,no_such_indicator,1\n", DATA, "an indicator the framework lacks"),
    "data-dup-in-file.csv": (DATA_H + "330203,2024,gs_channel,1\n330203,2024,gs_channel,2\n", DATA,
                             "the same unit, period and indicator twice"),
    "data-text.csv": (DATA_H + "330203,2024,gs_channel,很多\n", DATA, "text where a value is expected"),
    "data-nan.json": ('[{"unit": "330203", "period": "2024", "indicator": "gs_channel", "value": NaN}]', DATA,
                      "NaN in JSON (pandas' to_json of a missing value is null; NaN is not JSON)"),
    "data-header-only.csv": (DATA_H, DATA, "a header and no rows"),
    "data-negative-infinity.csv": (DATA_H + "330203,2024,gs_channel,-Infinity\n", DATA, "-Infinity as a value"),
    "data-infinity.csv": (DATA_H + "330203,2024,gs_channel,Infinity\n", DATA, "Infinity as a value"),
    "data-huge.csv": (DATA_H + "330203,2024,gs_channel,1e400\n", DATA, "a number beyond double"),
    "data-gbk-text.csv": (gbk("单位,时期,指标,值\n330203,2024,gs_channel,较好\n"), DATA,
                          "GBK without --encoding, decoded, then text as a value"),
    "data-empty.csv": (b"", DATA, "an empty file (0 bytes)"),
    "data-unknown-framework.csv": (DATA_H + "330203,2024,gs_channel,1\n",
                                   "index data import {file} --framework nope@1 --dataset ningbo",
                                   "a framework that is not in the store"),
    "data-region-unknown.csv": (DATA_H + "330299,2024,gs_channel,1\n", DATA + " --regions",
                                "a unit that is not a loaded division code"),
    # Frameworks
    "fw-syntax.yaml": ('id: corpus\nversion: "1"\nnodes:\n  - code: R\n   children: [\n', FRAMEWORK, "YAML syntax error"),
    "fw-unknown-key.yaml": (FW.replace("nodes:", "nodez: []\nnodes:"), FRAMEWORK, "unknown key nodez"),
    "fw-changed.yaml": (None, FRAMEWORK, "qinqing@v2 already stored, with one weight changed"),
    "fw-dup-code.yaml": (FW.replace("code: b", "code: a"), FRAMEWORK, "two nodes with the code a"),
    "fw-negative-weight.yaml": (FW.replace("weight: 1, indicator: {direction: -1}", "weight: -1, indicator: {direction: -1}"),
                                FRAMEWORK, "a negative weight"),
    "fw-nan-weight.yaml": (FW.replace("weight: 1, indicator: {direction: -1}", "weight: .nan, indicator: {direction: -1}"),
                           FRAMEWORK, "a NaN weight"),
    "fw-wrong-type.yaml": ('id: corpus\nversion: "1"\nnodes: 3\n', FRAMEWORK, "nodes is a number"),
    "fw-empty.yaml": (b"", FRAMEWORK, "an empty file (0 bytes)"),
    # Pipeline specs
    "spec-unknown-key.yaml": ('period: "2023"\nnormalize: minmax\n', SPEC, "unknown key (American spelling)"),
    "spec-syntax.yaml": ('period: "2023"\nweights: {method: equal\n', SPEC, "YAML flow mapping never closed"),
    "spec-syntax.json": ('{"period": "2023",', SPEC, "JSON cut off"),
    "spec-method.yaml": ('period: "2023"\nnormalise: {method: magic}\n', SPEC, "an unknown normalisation"),
    "spec-screen-range.yaml": ('period: "2023"\nscreen: {minAvailability: 1.5}\n', SPEC, "data availability above 1"),
    "spec-screen-scalar.yaml": ('period: "2023"\nscreen: 0.9\n', SPEC, "a number where the screen settings belong"),
    "spec-period.yaml": ('period: "1999"\n', SPEC, "a period without data"),
    "spec-wrong-type.json": ('{"period": "2023", "denominate": "yes please"}', SPEC, "text where a boolean is expected"),
    "spec-nan.json": ('{"period": "2023", "screen": {"minAvailability": NaN}}', SPEC, "NaN is not JSON"),
    # Solver instances
    "assignment-syntax.json": ('{"costs": [[1, 2], [3, 4]]', "solve assignment {file}", "JSON cut off"),
    "assignment-ragged.json": ('{"costs": [[1, 2], [3]]}', "solve assignment {file}", "rows of different lengths"),
    "assignment-wrong-type.json": ('{"costs": "cheap"}', "solve assignment {file}", "text where a matrix is expected"),
    "assignment-huge.json": ('{"costs": [[1e400, 1], [1, 1]]}', "solve assignment {file}", "a cost beyond double"),
    "assignment-empty.json": (b"", "solve assignment {file}", "an empty file (0 bytes)"),
    "assignment-costs-text.csv": ("1,2\n3,x\n", "solve assignment --costs {file}", "text in a CSV cost matrix"),
    "flow-negative-capacity.json": ('{"nodes": [{"supply": 1}, {"supply": -1}], "arcs": [{"from": 0, "to": 1, "capacity": -1, "cost": 1}]}',
                                    "solve flow {file}", "a negative capacity"),
    "flow-unknown-node.json": ('{"nodes": [{"id": "s", "supply": 1}, {"id": "t", "supply": -1}], "arcs": [{"from": "s", "to": "x", "capacity": 1, "cost": 1}]}',
                               "solve flow {file}", "an arc to a node that does not exist"),
    "flow-unbalanced.json": ('{"nodes": [{"supply": 2}, {"supply": -1}], "arcs": [{"from": 0, "to": 1, "capacity": 5, "cost": 1}]}',
                             "solve flow {file}", "supplies do not sum to zero"),
    "flow-huge.json": ('{"nodes": [{"supply": 1}, {"supply": -1}], "arcs": [{"from": 0, "to": 1, "capacity": 1e30, "cost": 1}]}',
                       "solve flow {file}", "a capacity beyond 64-bit integers"),
    "stable-unknown-ref.json": ('{"residents": [{"id": "r1", "preferences": ["h9"]}], "hospitals": [{"id": "h1", "capacity": 1, "preferences": ["r1"]}]}',
                                "solve stable {file}", "a preference for a hospital that does not exist"),
    "stable-negative-capacity.json": ('{"residents": [{"id": "r1", "preferences": ["h1"]}], "hospitals": [{"id": "h1", "capacity": -1, "preferences": ["r1"]}]}',
                                      "solve stable {file}", "a negative capacity"),
    "stable-dup-id.json": ('{"residents": [{"id": "r1", "preferences": ["h1"]}, {"id": "r1", "preferences": ["h1"]}], "hospitals": [{"id": "h1", "capacity": 1, "preferences": ["r1"]}]}',
                           "solve stable {file}", "two residents with the id r1"),
}

# The new modules' files. The prepared store (BadInputCorpusCLITests.prepared) holds event 1 with one
# session, person 张三 of no firm and 李娜 of 宁波甬联科技有限公司, posting D1, village 330226102208's
# profile and 宁波甬联科技有限公司's pairing profile.
SHEET = "event checkin 1 --sheet {file}"
SHEET_H = "姓名,单位\n"
POSTING = "match import {file}"
POSTING_H = "编号,供需,类别,组织,标题,金额,金额下限,金额上限,利率,适用规模,行业代码,区划代码,名额,截止日期,发布日期\n"
PROFILE = "match profile import {file}"
VILLAGE = "pair village import {file}"
VILLAGE_H = "村代码,村集体经济收入,薄弱村,人口,需求行业,需求说明\n"
FIRM = "pair firm import {file}"
FIRM_H = "统一社会信用代码,结对能力,预算\n"
PROFILE_OK = "default: {industry: 0.25, region: 0.15, text: 0.35, size: 0.05, amount: 0.15, deadline: 0.05}\ncandidates: 20\n"


def posting(**kw):
    base = {"ref": "D9", "side": "需求", "kind": "信贷", "org": "宁波甬联科技有限公司", "title": "流动资金贷款",
            "amount": "500万", "min": "", "max": "", "rate": "", "sizes": "", "industry": "", "region": "",
            "capacity": "", "deadline": "2025年6月30日", "date": "2025/3/1"}
    base.update(kw)
    return ",".join(base.values()) + "\n"


def village(code="330226102215", income="80万", weak="否", people="2300", need="A", note=""):
    return ",".join([code, income, weak, people, need, note]) + "\n"


FILES.update({
    # Sign-in sheets (gsl event checkin --sheet)
    "sheet-dup.csv": (SHEET_H + "李娜,宁波甬联科技有限公司\n张三,\n李娜,宁波甬联科技有限公司\n", SHEET,
                      "the same name and firm on two lines"),
    "sheet-gbk-dup-person.csv": (gbk(SHEET_H + "张三,\n张 三,\n"), SHEET,
                                 "GBK without --encoding, decoded; 张三 twice (once with a space): one person"),
    "sheet-fullwidth-dup.csv": (SHEET_H + "李娜,宁波甬联科技有限公司\n李\u3000娜,宁波甬联科技有限公司\n", SHEET,
                                "full-width space inside a repeated name"),
    "sheet-bom-no-name.csv": (BOM + "单位,职务\n宁波甬联科技有限公司,总经理\n".encode(), SHEET,
                              "UTF-8 BOM, no name column"),
    "sheet-gbk-forced-utf8.csv": (gbk(SHEET_H + "张三,\n"), SHEET + " --encoding utf8",
                                  "GBK bytes read as UTF-8 because the user said so"),
    "sheet-empty.csv": (b"", SHEET, "an empty file (0 bytes)"),
    "sheet-header-only.csv": (SHEET_H, SHEET, "a header and no rows"),
    "sheet-ragged.csv": (SHEET_H + "张三,,第一排,多出来\n", SHEET, "a row with 4 of 2 columns"),
    "sheet-unterminated-quote.csv": (SHEET_H + '"张三,\n李娜,宁波甬联科技有限公司\n', SHEET, "a quote that never closes"),
    "sheet-title-row.csv": ("甬商大讲堂第1期签到表,\n" + SHEET_H + "张三,\n", SHEET, "a title row above the header"),
    "sheet-nul-byte.csv": (SHEET_H.encode() + "张".encode() + b"\x00" + "三,\n".encode(), SHEET, "a NUL byte inside a name"),
    "sheet-syntax.json": ('[{"姓名": "张三"}, {"姓名": ', SHEET, "JSON cut off"),
    # Postings (gsl match import)
    "posting-gbk-amount-range.csv": (gbk(POSTING_H + posting(ref="S9", side="供给", org="宁波甬联科技有限公司", title="科创贷",
                                                             amount="", min="5000万", max="100万")), POSTING,
                                     "GBK without --encoding, decoded; amount minimum above maximum"),
    "posting-bom-unknown-kind.csv": (BOM + (POSTING_H + posting(kind="贷款")).encode(), POSTING,
                                     "UTF-8 BOM, a kind matching does not know"),
    "posting-unknown-side.csv": (POSTING_H + posting(side="求购"), POSTING, "a side that is neither demand nor supply"),
    "posting-unknown-org.csv": (POSTING_H + posting(org="无此企业有限公司"), POSTING, "an organisation the store does not know"),
    "posting-dup-in-file.csv": (POSTING_H + posting() + posting(title="另一笔贷款"), POSTING, "the same reference twice in one file"),
    "posting-dup-store.csv": (POSTING_H + posting(ref="D1"), POSTING, "a reference already in the store"),
    "posting-negative-amount.csv": (POSTING_H + posting(amount="-500万"), POSTING, "a negative amount"),
    "posting-amount-text.csv": (POSTING_H + posting(amount="五百万左右"), POSTING, "an amount that is not a number"),
    "posting-fullwidth-capacity.csv": (POSTING_H + posting(capacity="０"), POSTING, "capacity ０ in full-width digits"),
    "posting-date-feb30.csv": (POSTING_H + posting(deadline="2025年2月30日"), POSTING, "2025年2月30日 does not exist"),
    "posting-deadline-before.csv": (POSTING_H + posting(deadline="2025年2月1日"), POSTING, "a deadline before the posting day"),
    "posting-rate.csv": (POSTING_H + posting(ref="S9", side="供给", amount="", min="100万", max="3000万", rate="三厘五"),
                         POSTING, "a rate written in words"),
    "posting-sizes.csv": (POSTING_H + posting(ref="S9", side="供给", amount="", sizes="巨型"), POSTING, "an unknown size class"),
    "posting-industry-unknown.csv": (POSTING_H + posting(industry="C9999"), POSTING, "industry class C9999 does not exist"),
    "posting-region-unknown.csv": (POSTING_H + posting(region="330299"), POSTING, "division code 330299 is not loaded"),
    "posting-ragged.csv": (POSTING_H + "D9,需求,信贷\n", POSTING, "a row with 3 of 15 columns"),
    "posting-missing-column.csv": ("编号,供需,类别,组织\nD9,需求,信贷,宁波甬联科技有限公司\n", POSTING, "no title column"),
    "posting-header-only.csv": (POSTING_H, POSTING, "a header and no rows"),
    "posting-syntax.json": ('[{"ref": "D9", "side": "demand"', POSTING, "JSON cut off"),
    # Weights profiles (gsl match profile import)
    "profile-unknown-key.yaml": (PROFILE_OK.replace("industry:", "industy:"), PROFILE, "unknown weight industy (a typo)"),
    "profile-unknown-kind.yaml": (PROFILE_OK + "loan: {text: 1}\n", PROFILE, "a block for a kind matching does not know"),
    "profile-negative.yaml": (PROFILE_OK.replace("size: 0.05", "size: -0.05"), PROFILE, "a negative weight"),
    "profile-nan.yaml": (PROFILE_OK.replace("size: 0.05", "size: .nan"), PROFILE, "a NaN weight"),
    "profile-candidates-zero.yaml": (PROFILE_OK.replace("candidates: 20", "candidates: 0"), PROFILE, "candidates 0"),
    "profile-wrong-type.yaml": ("default: 0.5\n", PROFILE, "a number where a block of weights belongs"),
    "profile-syntax.yaml": ("default: {industry: 0.25, region: 0.15\n", PROFILE, "YAML flow mapping never closed"),
    "profile-empty.yaml": (b"", PROFILE, "an empty file (0 bytes)"),
    # Village profiles (gsl pair village import)
    "village-residents-committee.csv": (VILLAGE_H + village() + village(code="330226102001"), VILLAGE,
                                        "a 居委会 (residents' committee) on line 3"),
    "village-town.csv": (VILLAGE_H + village(code="330226102"), VILLAGE, "a town code where a village belongs"),
    "village-unknown.csv": (VILLAGE_H + village(code="330226102299"), VILLAGE, "a village code not in the divisions"),
    "village-code-letter.csv": (VILLAGE_H + village(code="33022610220X"), VILLAGE, "a village code with a letter"),
    "village-fullwidth-short.csv": (VILLAGE_H + village(code="３３０２２６１０２２０"), VILLAGE,
                                    "full-width digits, 11 of 12"),
    "village-negative-income.csv": (VILLAGE_H + village(income="-3万"), VILLAGE, "a negative income"),
    "village-gbk-flag.csv": (gbk(VILLAGE_H + village(weak="也许")), VILLAGE, "GBK without --encoding, decoded; 薄弱村 也许"),
    "village-industry.csv": (VILLAGE_H + village(need="Z;99"), VILLAGE, "industry tags that do not exist"),
    "village-population-text.csv": (VILLAGE_H + village(people="两千三"), VILLAGE, "Chinese numerals in a population"),
    "village-dup-in-file.csv": (VILLAGE_H + village() + village(code="３３０２２６１０２２１５"), VILLAGE,
                                "the same village twice (once in full-width digits)"),
    "village-dup-store.csv": (VILLAGE_H + village(code="330226102208"), VILLAGE,
                              "a village already profiled (no --on-conflict)"),
    "village-bom-ragged.csv": (BOM + (VILLAGE_H + "330226102215,80万\n").encode(), VILLAGE, "UTF-8 BOM, a row with 2 of 6 columns"),
    "village-missing-column.csv": ("村名,村集体经济收入\n某村,12万\n", VILLAGE, "no village code column"),
    "village-income-date.csv": (VILLAGE_H + village(income="2023年5月6日"), VILLAGE, "a Chinese date where an amount belongs"),
    # Firm profiles (gsl pair firm import)
    "firm-capacity-negative.csv": (FIRM_H + "913302001449739014,-1,50万\n", FIRM, "a negative capacity"),
    "firm-capacity-huge.csv": (FIRM_H + "913302001449739014,5000,50万\n", FIRM, "capacity 5000 (at most 1000)"),
    "firm-unknown-org.csv": (FIRM_H + "91330200704800698F,2,50万\n", FIRM, "a firm the store does not know"),
    "firm-uscc-check.csv": (FIRM_H + "913302001449739015,2,50万\n", FIRM, "a USCC with a wrong check character"),
    "firm-gbk-budget-negative.csv": (gbk(FIRM_H + "913302001449739014,2,-50万\n"), FIRM,
                                     "GBK without --encoding, decoded; a negative budget"),
    "firm-budget-text.csv": (FIRM_H + "913302001449739014,2,看情况\n", FIRM, "a budget that is not an amount"),
    "firm-capacity-text.csv": (FIRM_H + "913302001449739014,两个,50万\n", FIRM, "Chinese numerals in a capacity"),
    "firm-dup-in-file.csv": (FIRM_H + "913302001449739014,2,50万\n９１３３０２００１４４９７３９０１４,1,10万\n", FIRM,
                             "the same firm twice (once in full-width characters)"),
    "firm-dup-store.csv": (FIRM_H + "91330200711192037M,2,50万\n", FIRM, "a firm already profiled (no --on-conflict)"),
    "firm-ragged.csv": (FIRM_H + "913302001449739014\n", FIRM, "a row with 1 of 3 columns"),
})


def changed_framework():
    root = os.path.normpath(os.path.join(HERE, "../../.."))
    with open(os.path.join(root, "Datasets/frameworks/qinqing-v2.yaml"), encoding="utf-8") as f:
        return f.read().replace("weight: 0.4", "weight: 0.5", 1)


def main():
    expected = {}
    manifest = os.path.join(HERE, "MANIFEST.tsv")
    if os.path.exists(manifest):
        for line in open(manifest, encoding="utf-8").read().splitlines()[1:]:
            parts = line.split("\t")
            expected[parts[0]] = (parts[2], parts[3])
    rows = ["file\targuments\texit\tcause\tdescription"]
    for name, (content, args, desc) in sorted(FILES.items()):
        if content is None:
            content = changed_framework()
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        code, cause = expected.get(name, ("?", "?"))
        rows.append("\t".join([name, args, code, cause, desc]))
    with open(manifest, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
