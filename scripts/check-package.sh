#!/usr/bin/env bash
# Packs the package and checks it with publint and @arethetypeswrong/cli.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
tarball=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
npx --no-install publint "$tmp/$tarball" --strict
npx --no-install attw "$tmp/$tarball" --profile node16
rm -rf "$tmp"
