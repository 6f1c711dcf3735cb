# clerk-tui: two commands after cloning on a fresh Debian machine.
#   make run    build and start the portal on the embedded local instance
#   make test   build and run every test suite (Swift, contract, terminal end-to-end)
# Each installs what is missing first (Debian packages via apt-get, Python test tools via pip).

SWIFT        ?= swift
BIN          := .build/debug/clerk-tui
APT_PACKAGES := pkg-config libncurses-dev ncurses-term libcurl4-openssl-dev libssl-dev libqrencode-dev \
                tmux openssh-client wrk hyperfine dialog
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps apt-deps py-deps style-test swift-test contract-test e2e-test bench clean

run: apt-deps build
	$(BIN)

test: deps build
	$(MAKE) style-test swift-test contract-test e2e-test

build:
	$(SWIFT) build --build-tests

# The portal's machines and views stay small as pages are added.
style-test:
	python3 Tests/Style/function_lengths.py --limit 80 Sources/Portal Sources/Screens

swift-test:
	$(SWIFT) test --skip-build

contract-test:
	CLERK_TUI_BIN=$(BIN) bash Tests/Contract/run.sh

# Each end-to-end suite runs from its own folder, so its pytest.ini (timeouts, options) applies.
E2E_SUITES := terminal portal ssh
e2e-test:
	@status=0; for suite in $(E2E_SUITES); do \
	  echo "== end to end: $$suite"; \
	  (cd Tests/EndToEnd/$$suite && CLERK_TUI_BIN=$(CURDIR)/$(BIN) python3 -m pytest -q) || status=1; \
	done; exit $$status

bench:
	bash Benchmarks/run.sh

deps: apt-deps py-deps

apt-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

py-deps:
	@python3 -m pip install -q --disable-pip-version-check -r Tests/requirements.txt

clean:
	rm -rf .build
