#!/usr/bin/env bash
# Runs the benchmarks and writes docs/benchmarks.md from BenchmarkDotNet's markdown export.
#   benchmarks/run.sh            short mode: the loopback suite and the pager in this process (about 2.5 minutes of benchmarking on
#                                an idle 2-core machine; 5 at a load average of 23)
#   benchmarks/run.sh --full     the loopback and canned-response suites, a separate benchmark process, 15 warm-ups
#                                and 10 measured iterations per benchmark (about half an hour on 2 cores)
# Extra arguments go to BenchmarkDotNet (e.g. --filter '*LoopbackCloseListPage*' to run one class; the doc then holds
# that class only).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=short
if [[ "${1:-}" == "--full" ]]; then
  mode=full
  shift
fi

filter=('*Loopback*' '*PagerBenchmark*')
[[ "$mode" == full ]] && filter=('*')
if [[ " $* " == *" --filter "* ]]; then
  filter=()
fi

artifacts="$(mktemp -d)"
trap 'rm -rf "$artifacts"' EXIT

dotnet build benchmarks/CallLogClient.Benchmarks -c Release -v quiet -nologo >/dev/null
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
args=(--artifacts "$artifacts")
[[ "$mode" == short ]] && args+=(--short)
[[ ${#filter[@]} -gt 0 ]] && args+=(--filter "${filter[@]}")
dotnet run -c Release --no-build --project benchmarks/CallLogClient.Benchmarks -- "${args[@]}" "$@" | tee "$artifacts/run.log" \
  | grep -E '^(// \* Summary|Run time|Global total)' || true
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
total="$(grep -Eo 'Global total time: [^,]*' "$artifacts/run.log" | tail -1 | sed 's/Global total time: //')"

cpu="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
cores="$(lscpu | sed -n 's/^CPU(s):[[:space:]]*//p' | head -1)"
memory="$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
os="$(. /etc/os-release && echo "$PRETTY_NAME")"

out=docs/benchmarks.md
{
  cat <<HEADER
# Benchmarks

What the SDK costs per call next to a hand-written \`HttpClient\` client ("raw", the baseline of every ratio) and a
plain Refit 16.4 client, against a loopback server in its own process. Regenerate this file with
\`benchmarks/run.sh\` (short mode, under three minutes) or \`benchmarks/run.sh --full\`; what the suite measures, the
targets and the before/after figures are in [the notes](#notes) below the results.

## This run

- Mode: **$mode**; started $started; BenchmarkDotNet's own total: $total; commit \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- src benchmarks || echo ' (with uncommitted changes)').
- Machine: $cpu, $cores logical CPUs, $memory, $os; .NET SDK $(dotnet --version).
- Load average (1, 5, 15 min): $load_before at the start, $load_after at the end. The machine is shared with other
  builds: **trust the allocated bytes** (exact, and the same from run to run), and read times as rough.

## Results

HEADER
  for report in "$artifacts"/results/*-report-github.md; do
    name="$(basename "$report" -report-github.md)"
    echo "### ${name##*.}"
    echo
    # The environment block (the same for every class) is given once above; keep the table.
    sed -n '/^|/p' "$report"
    echo
  done
  echo '## Notes'
  echo
  cat benchmarks/NOTES.md
} > "$out"
echo "wrote $out"
