#!/usr/bin/env bash
# Fuzzes every extraction entry point for a fixed budget each, and prints executions and crashes per target.
#
#   ./fuzz.sh [--seconds 60] [--engine auto|afl|builtin] [--seed 1] [target ...]
#
# Engines:
#   afl      coverage-guided: SharpFuzz instruments Archive.Core and the parsers it uses (AngleSharp, Markdig,
#            YamlDotNet, PdfPig, Open XML) in a copy of the harness, and AFL++ (Debian package afl++) drives
#            `Archive.Fuzz afl <target>` (Fuzzer.OutOfProcess.Run: a stack overflow is a crash, not a lost fuzzer).
#   builtin  no AFL needed: the harness's own mutation engine (fixed seed, coarse outcome feedback).
#   auto     afl when afl-fuzz is installed, else builtin. (The default.)
# Targets: text html markdown json pdf docx docx-xml (all when none is named).
# A finding is a crash (an exception escaping ArticleExtractor.Extract, or the process dying: stack overflow, out of
# memory), a hang (10 s for one input), or a failure that only the pipeline's last-resort catch stopped (an exception
# no reader anticipated; AFL counts those among its crashes). Inputs go to artifacts/fuzz/<engine>/<target>/; the
# exit code is 1 when there was any finding. Replay one with:
#   dotnet artifacts/bin/Archive.Fuzz/release/Archive.Fuzz.dll repro <target> <file>
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

seconds=60
engine=auto
seed=1
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --engine) engine="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done

if [ "$engine" = auto ]; then
  if command -v afl-fuzz >/dev/null 2>&1; then engine=afl; else engine=builtin; fi
fi

echo "== build tests/Archive.Fuzz (Release)"
dotnet build tests/Archive.Fuzz -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
BIN="$ROOT/artifacts/bin/Archive.Fuzz/release"
HARNESS=(dotnet "$BIN/Archive.Fuzz.dll")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <("${HARNESS[@]}" list)
fi

OUT="$ROOT/artifacts/fuzz/$engine"
mkdir -p "$OUT"

if [ "$engine" = afl ]; then
  command -v afl-fuzz >/dev/null 2>&1 || { echo "error: afl-fuzz not found (apt-get install afl++), or use --engine builtin" >&2; exit 2; }
  TOOLS="$ROOT/artifacts/tools"
  if [ ! -x "$TOOLS/sharpfuzz" ]; then
    echo "== install the sharpfuzz instrumentation tool (NuGet SharpFuzz.CommandLine 2.3.0)"
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$TOOLS" >/dev/null
  fi

  echo "== instrument a copy of the harness"
  INSTRUMENTED="$ROOT/artifacts/fuzz/afl-bin"
  rm -rf "$INSTRUMENTED"
  cp -r "$BIN" "$INSTRUMENTED"
  for dll in Archive.Core.dll AngleSharp.dll Markdig.dll YamlDotNet.dll UglyToad.PdfPig.dll UglyToad.PdfPig.Core.dll \
             UglyToad.PdfPig.Tokenization.dll UglyToad.PdfPig.Fonts.dll DocumentFormat.OpenXml.Framework.dll; do
    [ -f "$INSTRUMENTED/$dll" ] && "$TOOLS/sharpfuzz" "$INSTRUMENTED/$dll" >/dev/null
  done
fi

stat_of() { grep -E "^$2 *:" "$1" | sed 's/.*: *//'; }

total_execs=0
total_crashes=0
rows=()
for target in "${targets[@]}"; do
  dir="$OUT/$target"
  rm -rf "$dir"
  mkdir -p "$dir"
  echo "== $target: $engine for $seconds s"
  if [ "$engine" = afl ]; then
    "${HARNESS[@]}" seeds "$target" "$dir/in"
    # The harness is not an AFL-compiled binary (SKIP_BIN_CHECK); containers often pipe core dumps elsewhere.
    AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
      afl-fuzz -i "$dir/in" -o "$dir/out" -t 10000 -m none -V "$seconds" -s "$seed" \
      -- dotnet "$INSTRUMENTED/Archive.Fuzz.dll" afl "$target" >"$dir/afl.log" 2>&1 || { tail -20 "$dir/afl.log" >&2; exit 2; }
    stats="$dir/out/default/fuzzer_stats"
    execs=$(stat_of "$stats" execs_done)
    crashes=$(stat_of "$stats" saved_crashes)
    hangs=$(stat_of "$stats" saved_hangs)
    lastresort="(in crashes)"
    extra="corpus $(stat_of "$stats" corpus_count), coverage $(stat_of "$stats" bitmap_cvg)"
  else
    # The engine runs until the budget is spent; if the process dies (stack overflow, out of memory) or hangs, the
    # input it was running is kept as a crash and a new process (next seed) takes the rest of the budget.
    execs=0; crashes=0; hangs=0; unanticipated=0; run=0
    end=$(( $(date +%s) + seconds ))
    while [ "$(date +%s)" -lt "$end" ]; do
      left=$(( end - $(date +%s) ))
      status=0
      "${HARNESS[@]}" mutate "$target" "$dir" "$left" "$(( seed + run ))" 10 >"$dir/run-$run.log" 2>&1 || status=$?
      line=$(grep -E '^target=' "$dir/stats.txt" 2>/dev/null | tail -1 || true)
      field() { local v; v=$(sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"); echo "${v:-0}"; }
      execs=$(( execs + $(field execs) ))
      crashes=$(( crashes + $(field crashes) ))
      unanticipated=$(( unanticipated + $(field unanticipated) ))
      case "$status" in
        0|1) ;;
        3) hangs=$(( hangs + 1 )) ;;
        *) crashes=$(( crashes + 1 )); mkdir -p "$dir/crashes"; cp "$dir/current.bin" "$dir/crashes/died-$run-exit-$status.bin"
           tail -5 "$dir/run-$run.log" > "$dir/crashes/died-$run-exit-$status.txt" ;;
      esac
      rm -f "$dir/stats.txt"
      run=$(( run + 1 ))
    done
    lastresort=$unanticipated
    total_crashes=$(( total_crashes + unanticipated ))
    extra="processes $run"
  fi
  total_execs=$(( total_execs + execs ))
  total_crashes=$(( total_crashes + crashes + hangs ))
  rows+=("| $target | $engine | $seconds s | $execs | $crashes | $hangs | $lastresort | $extra |")
done

echo
echo "| target | engine | budget | executions | crashes | hangs | last-resort catches | notes |"
echo "|---|---|---|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
echo
echo "total: $total_execs executions, $total_crashes findings (crashes, hangs, last-resort catches; inputs under artifacts/fuzz/$engine/)"
[ "$total_crashes" -eq 0 ]
