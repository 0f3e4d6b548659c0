# The two commands: `make serve` (the page on http://localhost:8080/www/) and
# `make test` (every layer). Each installs only what is missing.
#
#   make setup   wasm32 target, wasm-bindgen CLI (version from Cargo.lock),
#                node packages (npm ci), Chromium (for tests/browser/)
#   make serve   serve the repository root on http://localhost:8080
#   make pkg     rebuild pkg/ (the npm package, committed)
#   make test    fmt, clippy (native and wasm32), cargo test, pkg/ up to date,
#                JS tests, TypeScript check, browser tests
#   make bench   speed against plain JavaScript, slider latency in Chromium,
#                worst-case times at the limits, peak memory (not part of test)

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := test

PORT ?= 8080
WASM_TARGET := wasm32-unknown-unknown
# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
NODE_STAMP := tests/node_modules/.package-lock.json

.PHONY: setup setup-rust setup-node setup-browser serve pkg check-pkg test \
        fmt-check clippy clippy-wasm cargo-test js-test types-test browser-test bench

setup: setup-rust setup-node setup-browser

setup-rust:
	@if ! rustup target list --installed | grep -qx '$(WASM_TARGET)'; then \
	  echo "Adding the $(WASM_TARGET) target"; rustup target add $(WASM_TARGET); fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (takes 10 to 20 minutes)"; \
	  cargo install wasm-bindgen-cli --version '$(WASM_BINDGEN_VERSION)'; fi

setup-node: $(NODE_STAMP)

# npm ci writes node_modules/.package-lock.json: reinstall only when it is
# missing or older than the committed lockfile.
$(NODE_STAMP): tests/package-lock.json tests/package.json
	npm ci --prefix tests --no-audit --no-fund
	@touch $@

setup-browser:
	@if [ -d tests/browser ] && [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Chromium for the browser tests"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; fi

serve: setup-rust setup-node
	@if [ ! -f pkg/twosided_bg.wasm ]; then $(MAKE) pkg; fi
	node tests/tools/serve.mjs $(PORT)

pkg: setup-rust setup-node
	tests/tools/build-pkg.sh pkg

# pkg/ is committed: it must be exactly what the sources build.
check-pkg: setup-rust setup-node
	@fresh="$$(mktemp -d)"; trap 'rm -rf "$$fresh"' EXIT; \
	tests/tools/build-pkg.sh "$$fresh"; \
	if ! diff -r pkg "$$fresh" > "$$fresh.diff"; then \
	  cat "$$fresh.diff"; rm -f "$$fresh.diff"; \
	  echo "pkg/ does not match a fresh build of the sources: run 'make pkg' and commit pkg/." >&2; \
	  exit 1; fi; \
	rm -f "$$fresh.diff"; echo "pkg/ matches a fresh build"

fmt-check:
	cargo fmt --check

clippy:
	cargo clippy --all-targets -- -D warnings

clippy-wasm: setup-rust
	cargo clippy --target $(WASM_TARGET) --all-targets -- -D warnings

# Native unit and integration tests and doctests; also checks that
# tests/fixtures/ (compared by the JS tests) matches the native results.
cargo-test:
	cargo test

js-test: setup-node
	node --test tests/js/

types-test: setup-node
	tests/node_modules/.bin/tsc --noEmit -p tests/types

browser-test: setup-node setup-browser
	@if [ -d tests/browser ]; then node --test tests/browser/; \
	else echo "no tests/browser/ yet: browser tests skipped"; fi

test: setup fmt-check clippy clippy-wasm cargo-test check-pkg js-test types-test browser-test

# Benchmarks print times and ratios against baselines measured in the same
# run; nothing is asserted. Uses the committed pkg/ (run `make pkg` first to
# measure local changes).
bench: setup-node setup-browser
	node tests/bench/api.mjs
	node tests/bench/slider.mjs
	cargo test --release --test limits_timing -- --ignored --nocapture
	@for b in tests/bench/roadmap.mjs tests/bench/sensitivity.mjs; do \
	  if [ -f "$$b" ]; then echo "== $$b"; node "$$b"; fi; done
