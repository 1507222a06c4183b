#!/usr/bin/env bash
# Installs the system packages CareDesk needs to build (cgo for SQLite, the
# OpenGL and X11 headers for Fyne) and to test (poppler for PDF text checks).
# Uses sudo when not root; prints the exact command when it cannot install.
set -euo pipefail

pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v go >/dev/null 2>&1; then
	# Debian's Go is older than go.mod asks for; GOTOOLCHAIN=auto (the
	# default) then fetches the right toolchain through the module proxy.
	missing+=(golang-go)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null 2>&1; then
	sudo=(sudo)
else
	echo "CareDesk needs these packages; install them as root and run make again:" >&2
	echo "  apt-get update && ${cmd[*]}" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "No apt-get here. Install the equivalents of: ${missing[*]}" >&2
	exit 1
fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "${cmd[@]}"
