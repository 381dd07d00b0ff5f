#!/usr/bin/env bash
# Runs a command against a real Secret Service: a fresh, unlocked gnome-keyring on a private D-Bus session.
# Each run gets new XDG dirs, so a keyring left by an earlier run (with another password) never prompts.
set -euo pipefail
if [ -z "${FRONT_DESK_KEYRING_INNER:-}" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -m 700 "$tmp/run" "$tmp/data"
  export XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" FRONT_DESK_KEYRING_INNER=1
  dbus-run-session -- "$0" "$@"
  exit $?
fi
eval "$(printf %s 'front-desk-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
