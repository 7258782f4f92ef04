#!/usr/bin/env bash
# Kills a cohort run (SIGKILL) at a random moment, resumes it with --resume, and checks that the results equal an
# uninterrupted run's byte for byte (run.json excepted: it records timings). Repeats N times (default 20).
#   bash .ci/kill-resume.sh [N]        (needs target/lesion-radiomics-cli.jar: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
jar=target/lesion-radiomics-cli.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=(cohort --cohort test-data/cohort.csv --simulations 50 --threads 1)
run() { java -jar "$jar" "${args[@]}" "$@" 2> /dev/null; }
digest() { (cd "$1" && find . -type f ! -name run.json | sort | xargs sha256sum); }

run --out "$work/reference"
digest "$work/reference" > "$work/reference.sha"
seed=${KILL_SEED:-$RANDOM}
RANDOM=$seed
for i in $(seq 1 "$n"); do
	out="$work/killed$i"
	ms=$((RANDOM % 3000))
	delay=$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))
	java -jar "$jar" "${args[@]}" --out "$out" 2> /dev/null & pid=$! # the JVM itself, so SIGKILL ends it
	sleep "$delay"
	kill -9 "$pid" 2> /dev/null || true
	wait "$pid" 2> /dev/null || true
	run --resume --out "$out"
	if ! diff -q <(digest "$out") "$work/reference.sha" > /dev/null; then
		echo "kill-resume: run $i (killed after ${delay} s, seed $seed) differs from the uninterrupted run:"
		diff <(digest "$out") "$work/reference.sha" | head -20
		exit 1
	fi
	test -s "$out/run.json" || { echo "kill-resume: run $i has no run.json after resuming"; exit 1; }
	rm -rf "$out"
done
echo "kill-resume: $n runs killed at random moments (seed $seed) and resumed: every table identical to an uninterrupted run"
