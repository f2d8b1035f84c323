# The two commands the README opens with. Both install missing system packages first (as root) or say which.
.PHONY: feeds test lint deps test-deps

# Build Samples/ into feeds/. A throwaway state store keeps feeds/ reproducible: every sample has an explicit
# date, so ids and dates come from the files alone and match what the golden test builds.
feeds: deps
	swift build --product crier
	state=$$(mktemp -d) && .build/debug/crier build Samples --output feeds --state "$$state/state.sqlite"; \
	  status=$$?; rm -rf "$$state"; exit $$status

# Run the whole test suite (unit, golden, end-to-end with the real binary and nine feed readers, scripts/readers).
# Three groups, one after the other: the Daemon's tests run on real timers and real file events, and on a
# 2-core machine the CPU-bound module tests (whole builds, caches, validation) starved them into timeouts; the
# end-to-end tests wait on real processes and would hold the threads both need.
test: test-deps lint
	swift build --build-tests
	swift test --skip-build --skip CrierTests --skip DaemonTests
	swift test --skip-build --filter DaemonTests
	swift test --skip-build --filter CrierTests

# Check the house style in .swift-format (150 columns, Hummingbird's rules); `swift format -i -r PATHS` fixes
# nearly everything it reports.
LINT_PATHS = Sources Tests Package.swift Benchmarks/Micro
lint:
	swift format lint --strict --parallel -r $(LINT_PATHS)

deps:
	@bash scripts/install-deps.sh

test-deps:
	@bash scripts/install-deps.sh --test
