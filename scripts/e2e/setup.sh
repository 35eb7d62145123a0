#!/usr/bin/env bash
# Installs the tools the real-client tests need (test/e2e/, test/lsp/neovim.test.ts) into the
# git-ignored folder .cache/real-clients/ of this repository, never into the project's own
# dependencies: Node 24 on the PATH would make every `npm run` script run on it.
# Idempotent: a stamp file records what was installed, so a second run only checks and exits.
# Needs the npm registry and, when a Debian package is missing, apt (run as root, as CI does).
# See CONTRIBUTING.md / ../shared/real-clients.md for why each piece is needed.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${VAULT_NOTES_RC_CACHE:-$REPO/.cache/real-clients}
STAMP=$CACHE/setup.stamp
ARCH=$(node -p 'process.arch')
N24=$CACHE/node24/node_modules/node/node_modules/node-linux-$ARCH
WANT="node=$NODE24_VERSION code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_VERSION arch=$ARCH"

say() { printf '[e2e setup] %s\n' "$*"; }
die() {
	printf '[e2e setup] ERROR: %s\n' "$*" >&2
	exit 1
}
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR

# --- Debian packages -------------------------------------------------------------------------
# chromium: the browser Playwright drives (playwright-core downloads none);
# neovim: the plain LSP client of test/lsp/neovim.test.ts;
# fonts-noto-cjk: the example vault is Chinese, and without a CJK font Chromium draws boxes in
# the screenshots;
# libkrb5-dev (+ a C++ toolchain and python3): code-server's native `kerberos` module is
# compiled at install time against Node 24's headers.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
	dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
	{ command -v make && command -v g++; } >/dev/null 2>&1 || missing+=(build-essential)
	command -v python3 >/dev/null 2>&1 || missing+=(python3)
fi
if [ ${#missing[@]} -gt 0 ]; then
	say "Debian packages missing: ${missing[*]}"
	command -v apt-get >/dev/null 2>&1 || die "no apt-get here: install ${missing[*]} with your package manager"
	SUDO=
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${missing[*]}"
		SUDO=sudo
	fi
	say "apt-get update"
	$SUDO apt-get update -qq || die "apt-get update failed (is the Debian mirror reachable?)"
	say "apt-get install ${missing[*]}"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
		|| die "apt-get install ${missing[*]} failed"
else
	say "Debian packages present: chromium, neovim, fonts-noto-cjk$([ -f "$STAMP" ] || echo ', libkrb5-dev, build tools')"
fi
command -v chromium >/dev/null 2>&1 || die "chromium is still not on the PATH after apt-get install"
command -v nvim >/dev/null 2>&1 || die "nvim is still not on the PATH after apt-get install"

# --- npm tooling in the cache folder ---------------------------------------------------------
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -x "$N24/bin/node" ] &&
	[ -f "$CACHE/cs/node_modules/code-server/lib/vscode/out/server-main.js" ] &&
	[ -f "$CACHE/pw/node_modules/playwright-core/package.json" ]; then
	say "npm tooling up to date in ${CACHE#"$REPO"/} ($WANT)"
	exit 0
fi
rm -f "$STAMP"

# Under `npm run` the environment carries the outer npm's npm_* variables: its user agent names
# Node 20 (code-server's postinstall reads it and refuses), its prefix and node-gyp. Drop them;
# the user's own npm configuration (registry, cache, cafile) still comes from the npmrc files.
while IFS= read -r name; do
	case $name in
	npm_config_cache | npm_config_registry | npm_config_userconfig | npm_config_globalconfig) ;;
	npm_*) unset "$name" ;;
	esac
done < <(compgen -e)

# Each tool gets a folder of its own, with its own package.json so npm never climbs up into the
# project's manifest. A folder whose tool is not exactly the wanted version is rebuilt from
# scratch: a second `npm install` into it would prune the Node binary that the `node` package
# installs with --no-save, and would not rerun its postinstall.
npm_quiet=(--no-audit --no-fund --loglevel=error --save-exact)
installed_version() { node -p "require('$1').version" 2>/dev/null || true; }
fresh_dir() {
	rm -rf "$1"
	mkdir -p "$1"
	printf '{ "name": "%s", "private": true }\n' "$(basename "$1")" >"$1/package.json"
}

if [ -x "$N24/bin/node" ] && [ "$("$N24/bin/node" -v)" = "v$NODE24_VERSION" ]; then
	say "Node $NODE24_VERSION already installed"
else
	fresh_dir "$CACHE/node24"
	say "npm install node@$NODE24_VERSION (code-server >= 4.133 needs Node 24; the project stays on Node 20)"
	npm install --prefix "$CACHE/node24" "${npm_quiet[@]}" "node@$NODE24_VERSION" ||
		die "npm install node@$NODE24_VERSION failed"
	[ -x "$N24/bin/node" ] || die "Node 24 binary not found at $N24/bin/node"
	say "Node 24: $("$N24/bin/node" -v)"
fi

CS_PACKAGE=$CACHE/cs/node_modules/code-server/package.json
if [ "$(installed_version "$CS_PACKAGE")" = "$CODE_SERVER_VERSION" ] &&
	[ -f "$CACHE/cs/node_modules/code-server/lib/vscode/out/server-main.js" ]; then
	say "code-server $CODE_SERVER_VERSION already installed"
else
	fresh_dir "$CACHE/cs"
	say "npm install code-server@$CODE_SERVER_VERSION under Node 24 (builds native modules; a few minutes)"
	# Both are needed: the postinstall checks the Node major of the npm that runs it, and native
	# modules must build against Node 24's headers (a global npmrc may point nodedir at Node 20).
	PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
		npm install --prefix "$CACHE/cs" "${npm_quiet[@]}" "code-server@$CODE_SERVER_VERSION" ||
		die "npm install code-server@$CODE_SERVER_VERSION failed (needs libkrb5-dev, make, g++, python3)"
	[ -f "$CACHE/cs/node_modules/code-server/lib/vscode/out/server-main.js" ] ||
		die "code-server installed but lib/vscode/out/server-main.js is missing"
fi

PW_PACKAGE=$CACHE/pw/node_modules/playwright-core/package.json
if [ "$(installed_version "$PW_PACKAGE")" = "$PLAYWRIGHT_VERSION" ]; then
	say "playwright-core $PLAYWRIGHT_VERSION already installed"
else
	fresh_dir "$CACHE/pw"
	say "npm install playwright-core@$PLAYWRIGHT_VERSION (drives Debian's chromium; downloads no browser)"
	npm install --prefix "$CACHE/pw" "${npm_quiet[@]}" "playwright-core@$PLAYWRIGHT_VERSION" ||
		die "npm install playwright-core@$PLAYWRIGHT_VERSION failed"
fi

echo "$WANT" >"$STAMP"
say "done: $WANT in ${CACHE#"$REPO"/}"
