#!/usr/bin/env bash
# Builds Vault Notes and opens the example vault (examples/vault) in VS Code with the extension
# loaded from this checkout:
#   - with a local `code` on the PATH: a VS Code window (--extensionDevelopmentPath), waiting
#     until that window closes;
#   - otherwise: the VS Code server of the code-server npm package on 127.0.0.1 (installed by
#     scripts/e2e/setup.sh into .cache/real-clients/), printing the URL to open in a browser and
#     staying in the foreground until Ctrl-C.
# Usage: scripts/openExample.sh [--server] [VAULT]   (--server: skip the local `code`)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

use_server=false
vault=$REPO/examples/vault
for arg in "$@"; do
	case $arg in
	--server) use_server=true ;;
	-h | --help)
		sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*) vault=$(cd "$arg" && pwd) ;;
	esac
done

say() { printf '[open-example] %s\n' "$*"; }

if [ ! -d node_modules ]; then
	say "npm ci (first run)"
	npm ci --no-audit --no-fund
fi
say "npm run build"
npm run build --silent

if [ "$use_server" = false ] && command -v code >/dev/null 2>&1; then
	say "opening $vault in VS Code (close the window to return)"
	exec code --new-window --wait --extensionDevelopmentPath="$REPO" "$vault"
fi

say "no local \`code\`: using the VS Code server of the code-server package"
bash scripts/e2e/setup.sh
exec node scripts/openExample.mjs "$vault"
