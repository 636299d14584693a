#!/usr/bin/env bash
# Records a deliberate change of the public API: builds the packages and moves what PublicApiAnalyzers reports into
# each project's PublicAPI.Unshipped.txt.
#   RS0016 (public symbol not declared)      → the symbol's line is added to PublicAPI.Unshipped.txt
#   RS0017 (declared symbol no longer found) → its line is removed from PublicAPI.Unshipped.txt, or, when it had
#                                              shipped, "*REMOVED*<line>" is added there (a breaking change: say so
#                                              in CHANGELOG.md)
# Usage: eng/update-public-api.sh [project.csproj ...]   (default: every project under src/)
# Then review the diff of PublicAPI.*.txt: every line in it is a promise to the package's users.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 LC_ALL=C

projects=("$@")
[ "${#projects[@]}" -gt 0 ] || mapfile -t projects < <(ls src/*/*.csproj)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
for project in "${projects[@]}"; do
  # --no-incremental: analyzers report only when the compiler runs. Warnings stay warnings so every one is listed.
  dotnet build "$project" -c Release --no-incremental -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false >>"$log" 2>&1 || true
done

# "<file>(l,c): error RS0016: Symbol '<api line>' is not part of the declared public API (...) [<project>]"
changes=$(sed -n -E \
  -e "s/^.*(RS0016): Symbol '(.*)' is not part of the declared public API.*\[(.*\.csproj)\]$/\1\t\3\t\2/p" \
  -e "s/^.*(RS0017): Symbol '(.*)' is part of the declared API, but is either not public or could not be found.*\[(.*\.csproj)\]$/\1\t\3\t\2/p" \
  "$log" | sort -u)

if [ -z "$changes" ]; then
  if grep -qE ' error [A-Z]+[0-9]+' "$log"; then
    grep -E ' error [A-Z]+[0-9]+' "$log" | sort -u >&2
    echo "update-public-api: the build failed for another reason (above); nothing changed" >&2
    exit 1
  fi
  echo "update-public-api: the PublicAPI files already match the code"
  exit 0
fi

while IFS=$'\t' read -r rule project line; do
  dir=$(dirname "$project")
  unshipped="$dir/PublicAPI.Unshipped.txt"
  shipped="$dir/PublicAPI.Shipped.txt"
  [ -f "$unshipped" ] || printf '#nullable enable\n' >"$unshipped"
  if [ "$rule" = RS0016 ]; then
    printf '%s\n' "$line" >>"$unshipped"
    echo "+ $line"
  elif grep -qxF -- "$line" "$unshipped"; then
    grep -vxF -- "$line" "$unshipped" >"$unshipped.tmp" && mv "$unshipped.tmp" "$unshipped"
    echo "- $line"
  elif [ -f "$shipped" ] && grep -qxF -- "$line" "$shipped"; then
    printf '*REMOVED*%s\n' "$line" >>"$unshipped"
    echo "- $line  (shipped: *REMOVED* added to $unshipped; a breaking change)"
  fi
done <<<"$changes"

# Keep each file sorted under its "#nullable enable" header, so merges of parallel changes stay line-wise.
for project in "${projects[@]}"; do
  unshipped="$(dirname "$project")/PublicAPI.Unshipped.txt"
  [ -f "$unshipped" ] || continue
  { grep -x '#nullable enable' "$unshipped" || true; grep -vx '#nullable enable' "$unshipped" | grep -v '^$' | sort -u; } >"$unshipped.tmp"
  mv "$unshipped.tmp" "$unshipped"
done
echo "update-public-api: done; rebuild to check, then review git diff -- '*PublicAPI*.txt'"
