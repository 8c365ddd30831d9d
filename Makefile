# gsl — make targets script whole workflows. `make test` and `make demo` install what is missing.
SHELL := /bin/bash
SWIFT ?= swift
GSL_DEBUG := .build/debug/gsl
GSL_RELEASE := .build/release/gsl
DEMO_DB ?= out/demo.sqlite
PREFIX ?= /usr/local
APT_PACKAGES := libsqlite3-dev libncurses-dev sqlite3 tmux

.PHONY: all deps build release install test demo tour year report index survey bench crash-test concurrency-test fuzz format lint clean help check-imports

all: build

help:
	@echo "make deps     install system libraries (apt-get when root)"
	@echo "make build    debug build"
	@echo "make release  release build"
	@echo "make install  release build copied to \$$(PREFIX)/bin (PREFIX=$(PREFIX))"
	@echo "make test     install, build and run the test suite"
	@echo "make demo     install, build (release) and run the main job: a federation year and its annual report"
	@echo "make year     the same with YEAR=, SCALE=, SEED=, COMPARE=1 (the year before too, and the change)"
	@echo "make report   the annual report of DEMO_DB again (text, out/annual-YEAR.html, out/figures-YEAR.csv)"
	@echo "make index    the index runs of DEMO_DB and their HTML report (out/qinqing-YEAR.html)"
	@echo "make survey   the demo year's young-entrepreneur survey: export, import, weight to members, report"
	@echo "make tour     the five-minute tour of the records, casework and index commands (debug build)"
	@echo "make bench    release benchmarks (see Docs/benchmarks.md)"
	@echo "make crash-test  kill gsl at 30 random moments; the store must survive (Docs/reliability.md)"
	@echo "make concurrency-test  4 writers x 500 commands on one store (Docs/reliability.md)"
	@echo "make fuzz     libFuzzer + ASan on every input reader, FUZZ_SECONDS=60 each (Docs/reliability.md)"
	@echo "make check-imports  every import declared in Package.swift; engines pure"
	@echo "make format   swift-format in place;  make lint  swift-format lint"

deps:
	@bash scripts/install-deps.sh $(APT_PACKAGES)

build: deps
	$(SWIFT) build

# Release builds link the Swift runtime and Foundation statically: the binary runs on a machine
# without the Swift toolchain, and each command starts ~8 ms sooner (no dynamic symbol binding
# against libswiftCore/libFoundation; see Docs/benchmarks.md).
RELEASE_FLAGS := -c release --static-swift-stdlib

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

install: release
	install -d "$(PREFIX)/bin"
	install -m 0755 $(GSL_RELEASE) "$(PREFIX)/bin/gsl"
	@echo "installed $(PREFIX)/bin/gsl; make sure $(PREFIX)/bin is on PATH"

test: deps check-imports
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel

# The main job (issue 16): fresh store → reference data → a generated federation year → index →
# annual report. Release build: a Ningbo-scale year is ~70,000 service calls.
YEAR ?= 2023
SCALE ?= 1
SEED ?= 2025
COMPARE ?= 0
demo: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product gsl
	@bash scripts/year.sh $(GSL_RELEASE) $(DEMO_DB) 2023 1 $(SEED) 0

year: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product gsl
	@bash scripts/year.sh $(GSL_RELEASE) $(DEMO_DB) $(YEAR) $(SCALE) $(SEED) $(COMPARE)

report:
	@test -f $(DEMO_DB) || { echo "no $(DEMO_DB): run make demo or make year first" >&2; exit 66; }
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) report annual --year $(YEAR) $(if $(filter 1,$(COMPARE)),--compare $$(($(YEAR) - 1)))
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) report annual --year $(YEAR) --format html --out out/annual-$(YEAR).html
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) report figures --year $(YEAR) --format csv --bom > out/figures-$(YEAR).csv

index:
	@test -f $(DEMO_DB) || { echo "no $(DEMO_DB): run make demo or make year first" >&2; exit 66; }
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) index runs --format table
	run=$$(GSL_DB=$(DEMO_DB) $(GSL_RELEASE) index runs --format csv | sed -n 2p | cut -d, -f1); \
	  GSL_DB=$(DEMO_DB) $(GSL_RELEASE) index show $$run --format table && \
	  GSL_DB=$(DEMO_DB) $(GSL_RELEASE) index report $$run --format html --out out/qinqing-$(YEAR).html

# The young-entrepreneur survey of the demo year: a 问卷星 export of the store's entrepreneurs,
# imported (linked to people and firms), weighted to the member enterprises by county and size,
# tabulated and reported.
survey:
	@test -f $(DEMO_DB) || { echo "no $(DEMO_DB): run make demo or make year first" >&2; exit 66; }
	rm -f out/新生代$(YEAR).xlsx
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) demo generate --survey out/新生代$(YEAR).xlsx
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) survey import out/新生代$(YEAR).xlsx --survey 新生代$(YEAR) --format table
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) survey weight 新生代$(YEAR) --margins-from-store county=7 --margins-from-store size=9 --format table
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) survey crosstab 新生代$(YEAR) Q7 Q15 --format table
	GSL_DB=$(DEMO_DB) $(GSL_RELEASE) survey report 新生代$(YEAR) --format html --out out/新生代$(YEAR).html

# The five-minute tour of the record, casework and index commands on a small store.
tour: deps
	$(SWIFT) build
	@bash scripts/tour.sh $(GSL_DEBUG) out/tour.sqlite

bench: deps
	$(SWIFT) build $(RELEASE_FLAGS)
	@bash Benchmarks/run.sh $(GSL_RELEASE)

# libFuzzer with AddressSanitizer on every input reader, FUZZ_SECONDS (default 60) per target from
# the seed corpus Tests/Fuzz/corpus; new inputs and crashes stay under .build-fuzz (not committed).
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# SIGKILL at 30 random moments of an import, a request import, a batch of case transitions, a
# sign-in sheet check-in, a pairing plan and apply, and demo generate; the store must pass db check
# and audit verify and hold a state of the uninterrupted run.
crash-test: deps
	$(SWIFT) build
	@bash scripts/crash-test.sh $(GSL_DEBUG) 30

# 4 processes × 500 mixed writes (organisation edits with and without a version, request steps,
# event registrations, match postings, proposals and their steps) on one store: exit 0 or 75 only,
# no raw lock message, nothing lost, the store equal to its audit log replayed.
concurrency-test: deps
	$(SWIFT) build
	@bash scripts/concurrency-test.sh $(GSL_DEBUG) 4 500

check-imports:
	@python3 scripts/check-imports.py

format:
	$(SWIFT) format --in-place --recursive Modules Apps Tests Package.swift

lint:
	$(SWIFT) format lint --recursive Modules Apps Tests Package.swift

clean:
	rm -rf .build out
