#!/usr/bin/env python3
"""Checks the module pattern that SwiftPM cannot: every `import` in a target's sources is a direct
dependency declared in Package.swift, and engine targets stay pure (no store, no I/O, no clock, no
environment). Prints one line per violation (file:line: reason) and exits 1 when there is any.

SwiftPM's --explicit-target-dependency-import-check misses a module that arrives transitively
(GRDB through GSLStore), which is exactly how engines picked up SQL before; hence this script."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Modules every target may import: the toolchain's own.
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationXML", "Dispatch", "Glibc", "Musl", "Darwin", "Testing",
          "XCTest", "Synchronization", "os", "_Concurrency"}

# Engines: pure computation. Their dependencies may only be these modules.
ENGINES = {"GSLCore", "GSLOptimise", "GSLIndexScoring", "GSLCasework", "GSLEvents", "GSLMatching",
           "GSLPairing", "GSLSurveys", "GSLPolicy"}
ENGINE_ALLOWED_DEPS = {"GSLCore", "GSLOptimise", "Yams", "Crypto"}

# What an engine's source must not do (pattern, reason). "now" and "today" arrive as parameters.
ENGINE_FORBIDDEN = [
    (re.compile(r"\bLocalDate\.today\(\)"), "reads the clock (LocalDate.today()); take the day as a parameter"),
    (re.compile(r"\bDate\(\)"), "reads the clock (Date()); take the instant as a parameter"),
    (re.compile(r"\bTimestamp\.now\b"), "reads the clock (Timestamp.now); take the instant as a parameter"),
    (re.compile(r"\bprocessInfo\.environment\b"), "reads the environment"),
    (re.compile(r"\bgetenv\("), "reads the environment"),
    (re.compile(r"\bFileManager\b"), "touches files (FileManager)"),
    (re.compile(r"\bFileHandle\b"), "touches files or the terminal (FileHandle)"),
    (re.compile(r"\bfopen\(|\bfputs\(|\bfwrite\("), "touches files or the terminal"),
    (re.compile(r"(?<![\w.])print\("), "writes to the terminal (print)"),
    (re.compile(r"\b(String|Data)\(contentsOf(File)?:"), "reads files"),
]

# SQL enumeration lists written by hand: CHECKs and state lists come from the Swift enums through
# SQLEnumeration (comparisons, never IN lists, which SQLite evaluates through a temporary table).
SQL_IN_LIST = re.compile(r"\bIN\s*\(\s*'", re.IGNORECASE)

# The terminal layer and the full-screen app call services: no SQL of their own.
UI_TARGETS = {"GSLTerminal", "GSLTUI"}
UI_SQL = re.compile(r"\b(SELECT\b.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b")
SQL_IN_LIST_ALLOWED = {
    "Modules/GSLStore/Core/StoreMigration.swift",  # the rewriter of IN lists into comparisons
    "Modules/GSLStore/Schema/SQLEnumeration.swift",
    # core-1..5 as applied to existing files; core-6 rewrites their lists into comparisons and
    # CoreEnumerationCheckTests holds the migrated CHECKs to the Swift enums
    "Modules/GSLStore/Core/Store+CoreMigrations.swift",
}

# Where a target keeps a deliberate exception: (target, relative file) -> reason.
EXCEPTIONS = {
    # The work calendar's and today's date live in GSLCore for the apps' edges; engines never call them.
    ("GSLCore", "Dates/LocalDate.swift"): "defines LocalDate.today() for the app edge",
    ("GSLCore", "Dates/Timestamp.swift"): "defines Timestamp.now for the app edge",
}


def parse_package(text):
    """Returns {target name: (path, [dependency module names], kind)}."""
    targets = {}
    for m in re.finditer(r"\.(target|testTarget|executableTarget)\(\s*name:\s*\"([^\"]+)\"", text):
        kind, name = m.group(1), m.group(2)
        # The call's text: up to the matching parenthesis.
        depth, i = 0, m.start()
        while True:
            c = text[i]
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        call = text[m.start():i]
        path = re.search(r"path:\s*\"([^\"]+)\"", call)
        deps = []
        dm = re.search(r"dependencies:\s*\[", call)
        if dm:
            depth, j = 1, dm.end()
            while depth:
                if call[j] == "[":
                    depth += 1
                elif call[j] == "]":
                    depth -= 1
                j += 1
            block = call[dm.end():j - 1]
            deps += re.findall(r"\.product\(\s*name:\s*\"([^\"]+)\"", block)
            deps += re.findall(r"\.target\(\s*name:\s*\"([^\"]+)\"", block)
            stripped = re.sub(r"\.(product|target)\([^)]*\)", "", block)
            deps += re.findall(r"\"([^\"]+)\"", stripped)
        targets[name] = (path.group(1) if path else None, deps, kind)
    return targets


def main():
    text = open(os.path.join(ROOT, "Package.swift"), encoding="utf-8").read()
    targets = parse_package(text)
    problems = []
    import_re = re.compile(r"^\s*(?:@testable\s+|@_exported\s+|(?:public|internal|package|private|fileprivate)\s+)?import\s+(?:struct\s+|class\s+|enum\s+|func\s+)?([A-Za-z_][A-Za-z0-9_]*)")
    for name, (path, deps, kind) in sorted(targets.items()):
        if path is None:
            continue
        declared = set(deps) | SYSTEM | {name}
        if name in ENGINES:
            for d in deps:
                if d not in ENGINE_ALLOWED_DEPS:
                    problems.append(f"Package.swift: engine {name} depends on {d}; engines depend only on {', '.join(sorted(ENGINE_ALLOWED_DEPS))}")
        base = os.path.join(ROOT, path)
        for dirpath, _, files in os.walk(base):
            for f in sorted(files):
                if not f.endswith(".swift"):
                    continue
                full = os.path.join(dirpath, f)
                rel = os.path.relpath(full, ROOT)
                relt = os.path.relpath(full, base)
                in_block_comment = False
                for n, line in enumerate(open(full, encoding="utf-8"), 1):
                    stripped = line.strip()
                    if stripped.startswith("/*"):
                        in_block_comment = True
                    if in_block_comment:
                        if "*/" in stripped:
                            in_block_comment = False
                        continue
                    if stripped.startswith("//"):
                        continue
                    m = import_re.match(line)
                    if (SQL_IN_LIST.search(line) and rel.startswith("Modules/") and rel not in SQL_IN_LIST_ALLOWED
                            and not stripped.startswith("///")):
                        problems.append(f"{rel}:{n}: an IN ('…') list written by hand; use SQLEnumeration.oneOf with the Swift enum")
                    if m and m.group(1) not in declared:
                        problems.append(f"{rel}:{n}: imports {m.group(1)}, which is not a declared dependency of {name} in Package.swift")
                    if name in UI_TARGETS and UI_SQL.search(line) and not stripped.startswith("///"):
                        problems.append(f"{rel}:{n}: SQL in {name}; the screens call module services")
                    if name in ENGINES and (name, relt) not in EXCEPTIONS:
                        code = line.split("//")[0]
                        # string literals are not calls
                        code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', code)
                        for pattern, reason in ENGINE_FORBIDDEN:
                            if pattern.search(code):
                                problems.append(f"{rel}:{n}: engine {name} {reason}")
    for p in problems:
        print(p)
    if problems:
        print(f"check-imports: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-imports: {len(targets)} targets, imports declared, engines pure, enumerations generated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
