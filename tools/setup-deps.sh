#!/bin/sh
# Install the Debian packages irqlab's build, run and test need.
# Idempotent: it asks dpkg what is missing and installs only that, running
# apt-get update once per call when something is missing, or when apt has
# no package lists (tools/fetch-debs.sh needs them: `apt-get download` and
# `apt-cache show` read them).
set -eu

# musl-tools: musl-gcc for the static user programs (tests/user/);
# dpkg-deb (in dpkg) and apt-get download fetch and unpack busybox-static.
PKGS="gcc make binutils qemu-system-x86 grub-pc-bin grub-efi-amd64-bin
grub-common xorriso mtools ovmf gdb python3 python3-pytest python3-pexpect
clang musl-tools dpkg apt"

# apt's lists: Packages files of some source under /var/lib/apt/lists/.
have_lists() {
	for f in /var/lib/apt/lists/*_Packages*; do
		[ -e "$f" ] && return 0
	done
	return 1
}

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done

[ -z "$missing" ] && have_lists && exit 0

if [ -n "$missing" ]; then
	echo "setup-deps: installing:$missing"
else
	echo "setup-deps: apt has no package lists: running apt-get update"
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	else
		echo "setup-deps: need root (or sudo) to install:$missing" \
		     "(or to run apt-get update)" >&2
		exit 1
	fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
[ -z "$missing" ] && exit 0
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
