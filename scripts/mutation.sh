#!/usr/bin/env bash
# Mutation testing of the pure layers with mutmut 3 (slow; not part of CI).
#
#   scripts/mutation.sh [vn|validation|all] [--jobs N]
#
# Needs `pip install -e '.[test,mutation]'`. Each area runs in its own temporary copy of the
# checkout (the files git knows, committed or not), with a [tool.mutmut] section appended to the
# copy's pyproject.toml, so that the repository gets no mutants/ folder and each area runs only
# the tests that concern it. Prints, per area, the mutants killed / survived / other and the
# share killed (killed + timeout over all mutants that ran); exits 1 when docgen/vn is below 85%.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mutmut="$root/.venv/bin/mutmut"
[[ -x $mutmut ]] || { echo "mutation.sh: $mutmut missing: .venv/bin/pip install -e '.[test,mutation]'"; exit 2; }

area=${1:-all}
jobs=2
if [[ ${2:-} == --jobs ]]; then jobs=${3:?--jobs needs a number}; fi

# area -> files to mutate (fnmatch patterns), tests to run
declare -A MUTATE=(
  [vn]='"docgen/vn/*.py"'
  [validation]='"docgen/content/validate.py", "docgen/model/types.py", "docgen/model/content.py"'
)
declare -A TESTS=(
  [vn]='"tests/vn"'
  [validation]='"tests/content", "tests/vn"'
)
case $area in
  all) areas=(vn validation) ;;
  vn|validation) areas=("$area") ;;
  *) echo "mutation.sh: unknown area '$area' (vn, validation, all)"; exit 2 ;;
esac

work=$(mktemp -d /tmp/docgen-mutation-XXXXXX)
# KEEP=1 keeps the copies, so that `cd $work/<area> && mutmut show <mutant>` shows a survivor
if [[ ${KEEP:-} == 1 ]]; then echo "copies kept in $work"; else trap 'rm -rf "$work"' EXIT; fi
status=0
for a in "${areas[@]}"; do
  copy="$work/$a"
  mkdir -p "$copy"
  (cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$copy")
  ln -s "$(cd "$root/.." && pwd)/shared" "$copy/shared"   # the tests run in $copy/mutants
  cat >> "$copy/pyproject.toml" <<EOF

[tool.mutmut]
source_paths = ["docgen"]
only_mutate = [${MUTATE[$a]}]
pytest_add_cli_args_test_selection = [${TESTS[$a]}]
also_copy = ["content", "templates"]
EOF
  echo "== $a: mutating ${MUTATE[$a]} against ${TESTS[$a]} ($jobs processes)"
  (cd "$copy" && "$mutmut" run --max-children "$jobs" >"$work/$a.log" 2>&1) || {
    echo "mutation.sh: mutmut failed for $a; last lines of its log:"; tail -20 "$work/$a.log"; exit 1; }
  (cd "$copy" && "$mutmut" export-cicd-stats >/dev/null && "$mutmut" results) >"$work/$a.survivors"
  python3 - "$a" "$copy/mutants/mutmut-cicd-stats.json" "$work/$a.survivors" <<'EOF' || status=1
import json
import sys

area, path, survivors = sys.argv[1], sys.argv[2], sys.argv[3]
s = json.load(open(path))
ran = s["total"] - s.get("skipped", 0) - s.get("not_checked", 0)
killed = s["killed"] + s.get("timeout", 0)
share = killed / ran if ran else 0.0
other = ran - killed - s["survived"]
print(f"{area}: {s['total']} mutants, {killed} killed, {s['survived']} survived, {other} other "
      f"(suspicious, no tests, segfault); {share:.1%} killed")
for line in open(survivors, encoding="utf-8"):
    print("   ", line.strip())
sys.exit(1 if area == "vn" and share < 0.85 else 0)
EOF
done
exit $status
