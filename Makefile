# The project's verbs. Each installs what it needs first (idempotently, scripts/setup.sh).
#   make test     all tests: engine and CLI natively, then the widget in headless Chromium
#   make demo     build the page (and the package, for the embed builder) and serve it on http://127.0.0.1:8080
#   make build    the deployable page in dist/ (release, size-optimised)
#   make package  the npm tarball in dist/npm/, the WordPress plugin in dist/wordpress/
#   make bench    engine benchmarks (criterion); the page against the SurveyJS peer and the
#                 plain-DOM limit (measure.mjs), and Lighthouse 13 mobile; 1,000 widgets on a page
#   make fuzz     the readers of outside input (share link, answers, overrides) fuzzed longer
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/.tools/bin:$(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: test test-native test-browser demo build package bench bench-engine bench-page bench-widgets fuzz fmt clean

test: test-native test-browser

test-native:
	cargo fmt --all -- --check
	scripts/lint.sh
	cargo test --workspace
	cargo build --release --workspace --bins

test-browser:
	scripts/test-browser.sh
	scripts/test-embed.sh
	scripts/test-wordpress.sh

build:
	scripts/build.sh

demo: package
	scripts/serve.sh

package: build
	scripts/package.sh

bench: bench-engine bench-page bench-widgets

bench-engine:
	cargo bench -p messenger-check-engine --bench assess -- --noplot

bench-page: build
	scripts/bench-page.sh

bench-widgets: package
	scripts/setup.sh browser
	node scripts/bench-widgets.mjs 1000

# The fuzz tests of `make test` with a longer budget: 200,000 inputs per engine reader
# (engine/tests/fuzz.rs), 50,000 for the JavaScript answers reader (www/e2e-embed/node.test.mjs)
# and for the JavaScript overrides reader (www/e2e-embed/overrides-fuzz.test.mjs, in Chromium).
fuzz:
	MC_FUZZ_CASES=$${MC_FUZZ_CASES:-200000} cargo test --release -p messenger-check-engine --test fuzz -- --nocapture
	MC_FUZZ_RUNS=$${MC_FUZZ_RUNS:-50000} MC_SKIP_PACKAGE=$${MC_SKIP_PACKAGE:-} scripts/test-embed.sh node.test.mjs overrides-fuzz.test.mjs

fmt:
	cargo fmt --all
	scripts/setup.sh lint
	.tools/node_modules/.bin/biome check --write .

clean:
	cargo clean
	rm -rf dist pkg
