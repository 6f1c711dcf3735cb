# clerk-tui: two commands after cloning on a fresh Debian machine.
#   make run    build and start the portal on the embedded local instance
#   make test   build and run every test suite (Swift, contract, terminal end-to-end)
# Each installs what is missing first (Debian packages via apt-get, Python test tools via pip).
#   make install [PREFIX=/usr/local] [DESTDIR=]   a release build (Swift runtime linked in), themes, manual pages
#                                                 and shell completions; make uninstall removes exactly those
#   make deb                                      the same files as a Debian package (.build/clerk-tui_VERSION_ARCH.deb)

SWIFT        ?= swift
BIN          := .build/debug/clerk-tui
APT_PACKAGES := pkg-config libncurses-dev ncurses-term libcurl4-openssl-dev libssl-dev libqrencode-dev \
                libfido2-dev libcbor-dev \
                libmaxminddb-dev \
                tmux openssh-client wrk hyperfine dialog
# Tests only: the contract suite's second run needs a PostgreSQL server of its own (Tests/Support/postgres.sh).
TEST_APT_PACKAGES := postgresql
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build deps apt-deps test-apt-deps py-deps style-test swift-test contract-test fault-test e2e-test bench \
        clean release manual install uninstall deb

run: apt-deps build
	$(BIN)

test: deps test-apt-deps build
	$(MAKE) style-test swift-test contract-test fault-test e2e-test

build:
	$(SWIFT) build --build-tests

# The portal's machines and views stay small as pages are added.
style-test:
	python3 Tests/Style/function_lengths.py --limit 80 Sources/Portal Sources/Screens

swift-test:
	$(SWIFT) test --skip-build

# Twice: on SQLite (with schemathesis), then on PostgreSQL with two nodes that clients alternate between.
contract-test:
	@status=0; \
	CLERK_TUI_BIN=$(BIN) bash Tests/Contract/run.sh || status=1; \
	echo "== contract suite on PostgreSQL, two nodes"; \
	CLERK_TUI_BIN=$(BIN) bash Tests/Contract/run_postgres.sh || status=1; \
	exit $$status

# Two nodes on PostgreSQL under write load: 10 node kills and a database restart lose no write answered 2xx.
fault-test:
	CLERK_TUI_BIN=$(BIN) bash Tests/Fault/run.sh

# Each end-to-end suite runs from its own folder, so its pytest.ini (timeouts, options) applies.
E2E_SUITES := terminal portal ssh install
e2e-test:
	@status=0; for suite in $(E2E_SUITES); do \
	  echo "== end to end: $$suite"; \
	  (cd Tests/EndToEnd/$$suite && CLERK_TUI_BIN=$(CURDIR)/$(BIN) python3 -m pytest -q) || status=1; \
	done; exit $$status

bench:
	bash Benchmarks/run.sh

# Installing: the binary needs only the runtime libraries (ncursesw, libcurl, libcrypto, libqrencode, libfido2,
# libmaxminddb) on the target.
PREFIX      ?= /usr/local
DESTDIR     ?=
RELEASE_BIN := .build/release/clerk-tui
MANUAL_DIR  := .build/manual
BIN_DIR     := $(DESTDIR)$(PREFIX)/bin
SHARE_DIR   := $(DESTDIR)$(PREFIX)/share
THEME_DIR   := $(SHARE_DIR)/clerk-tui/themes
MAN_DIR     := $(SHARE_DIR)/man/man1
BASH_DIR    := $(SHARE_DIR)/bash-completion/completions
ZSH_DIR     := $(SHARE_DIR)/zsh/site-functions
FISH_DIR    := $(SHARE_DIR)/fish/vendor_completions.d
THEMES      := $(notdir $(wildcard Themes/*.toml))

release:
	$(SWIFT) build -c release --static-swift-stdlib --product clerk-tui

# Manual pages from the same definitions as --help (swift-argument-parser's generate-manual plugin). The debug build
# serves: the pages are the same, and `make test` has built it already.
manual:
	$(SWIFT) package generate-manual --multi-page --configuration debug
	rm -rf $(MANUAL_DIR) && mkdir -p $(MANUAL_DIR)
	cp .build/plugins/GenerateManual/outputs/clerk-tui/*.1 $(MANUAL_DIR)/

install: apt-deps release manual
	install -d $(BIN_DIR) $(THEME_DIR) $(MAN_DIR) $(BASH_DIR) $(ZSH_DIR) $(FISH_DIR)
	install -m 0755 $(RELEASE_BIN) $(BIN_DIR)/clerk-tui
	install -m 0644 $(addprefix Themes/,$(THEMES)) $(THEME_DIR)/
	install -m 0644 $(MANUAL_DIR)/*.1 $(MAN_DIR)/
	$(RELEASE_BIN) --generate-completion-script bash > $(BASH_DIR)/clerk-tui
	$(RELEASE_BIN) --generate-completion-script zsh > $(ZSH_DIR)/_clerk-tui
	$(RELEASE_BIN) --generate-completion-script fish > $(FISH_DIR)/clerk-tui.fish

# Removes what install put there, then the directories it leaves empty.
uninstall:
	rm -f $(BIN_DIR)/clerk-tui $(addprefix $(THEME_DIR)/,$(THEMES)) $(MAN_DIR)/clerk-tui*.1 \
	  $(BASH_DIR)/clerk-tui $(ZSH_DIR)/_clerk-tui $(FISH_DIR)/clerk-tui.fish
	-rmdir -p $(THEME_DIR) $(BIN_DIR) $(MAN_DIR) $(BASH_DIR) $(ZSH_DIR) $(FISH_DIR) 2>/dev/null

# A Debian package of what install puts under /usr. Depends: comes from dpkg-shlibdeps, which reads the libraries the
# binary links and names the packages (and minimum versions) that provide them on this release of Debian.
DEB_DIR := .build/deb
deb: release manual
	rm -rf $(DEB_DIR) .build/clerk-tui_*.deb && mkdir -p $(DEB_DIR)/root/DEBIAN $(DEB_DIR)/debian
	$(MAKE) install DESTDIR=$(CURDIR)/$(DEB_DIR)/root PREFIX=/usr
	strip --strip-unneeded $(DEB_DIR)/root/usr/bin/clerk-tui
	printf 'Source: clerk-tui\n\nPackage: clerk-tui\nArchitecture: any\n' > $(DEB_DIR)/debian/control
	version=$$($(RELEASE_BIN) --version | cut -d' ' -f1); arch=$$(dpkg --print-architecture); \
	depends=$$(cd $(DEB_DIR) && dpkg-shlibdeps -O root/usr/bin/clerk-tui 2>/dev/null | sed -n 's/^shlibs:Depends=//p'); \
	printf '%s\n' "Package: clerk-tui" "Version: $$version" "Architecture: $$arch" \
	  "Maintainer: clerk-tui contributors" "Section: utils" "Priority: optional" "Depends: $$depends" \
	  "Description: Clerk's account portal in the terminal" \
	  " Sign in, sign up and manage your Clerk account, organizations and billing from a terminal, locally or over SSH." \
	  > $(DEB_DIR)/root/DEBIAN/control; \
	dpkg-deb --root-owner-group --build $(DEB_DIR)/root .build/clerk-tui_$${version}_$${arch}.deb

deps: apt-deps py-deps

test-apt-deps:
	@$(MAKE) --no-print-directory apt-deps APT_PACKAGES="$(TEST_APT_PACKAGES)"

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
