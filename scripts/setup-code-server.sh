#!/usr/bin/env bash
# Installs what the real-VS-Code test runs need, from the npm registry and Debian only:
#   - code-server 4.100.3 (VS Code 1.100.3 workbench + Node extension host) into .vscode-test/code-server/
#   - Debian's chromium (the browser playwright-core drives) and ripgrep (file search in the workbench).
# code-server's own install script cannot run here (it downloads ripgrep from GitHub and wants
# --unsafe-perm as root), so its steps are done by hand with --ignore-scripts.
# Idempotent: a stamp file records a finished install; a half-finished one is wiped and redone.
# Safe to call concurrently (flock) and without a terminal (CI=true, no stdin).
set -euo pipefail

VERSION="4.100.3"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="$ROOT/.vscode-test"
DIR="$BASE/code-server"
STAMP="$DIR/.installed-$VERSION"
VSCODE_DIR="$DIR/node_modules/code-server/lib/vscode"
started=$SECONDS

log() { printf 'setup-code-server: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else
    log "need root to run: $*"; return 1; fi
}

mkdir -p "$BASE"
exec 9>"$BASE/.setup.lock"
flock 9

# --- Debian packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq </dev/null
  as_root apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
fi

# --- code-server -----------------------------------------------------------------------------
if [ -f "$STAMP" ]; then
  log "code-server $VERSION already installed ($((SECONDS - started)) s)"
  exit 0
fi

log "installing code-server $VERSION into ${DIR#"$ROOT"/}"
rm -rf "$DIR"
mkdir -p "$DIR"
# Its own package.json keeps npm from walking up into the project's.
printf '{ "name": "sim-fleet-code-server", "private": true }\n' >"$DIR/package.json"

npm_quiet=(--no-audit --no-fund --loglevel=error)
(cd "$DIR" && npm install "code-server@$VERSION" --ignore-scripts "${npm_quiet[@]}" </dev/null)
(cd "$VSCODE_DIR" && npm install --omit=dev --ignore-scripts "${npm_quiet[@]}" </dev/null)
# The server resolves its modules through node_modules.asar, as in a packaged build.
ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"
# code-server will not start without argon2 (its --auth password hashing), even with --auth none.
(cd "$DIR" && npm rebuild argon2 "${npm_quiet[@]}" </dev/null)

# Optional native modules: without them the server logs errors (file logging, watchdog, terminals)
# but tests still run, so a failed build only warns. node-pty's own post-install step calls
# `npx node-gyp` after its .node file is built and fails there; the built file is what counts.
for mod in @vscode/spdlog native-watchdog node-pty; do
  if (cd "$VSCODE_DIR" && npm rebuild "$mod" "${npm_quiet[@]}" </dev/null >/dev/null 2>&1); then
    log "built $mod"
  elif ls "$VSCODE_DIR/node_modules/$mod/build/Release/"*.node >/dev/null 2>&1; then
    log "built $mod (its post-install step failed after the build)"
  else
    log "warning: could not build $mod (optional)"
  fi
done

# The workbench's file search runs @vscode/ripgrep's binary, which its install script would download.
if command -v rg >/dev/null; then
  mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
  ln -sfn "$(command -v rg)" "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"
fi

node "$DIR/node_modules/code-server/out/node/entry.js" --version </dev/null >/dev/null
touch "$STAMP"
log "done in $((SECONDS - started)) s"
