#!/usr/bin/env bash
# A seeded battery of bad inputs over every CLI command (issue 27). Each case must: exit with the expected code,
# print exactly one line on stderr starting with "error: ", no stack trace, and leave no result file claiming success
# (no run.json, no non-empty output table). Needs target/lesion-radiomics-cli.jar (mvn -B -q package -DskipTests).
#   bash .ci/bad-input-battery.sh [SEED]
set -uo pipefail
cd "$(dirname "$0")/.."
SEED=${1:-27}
JAR=target/lesion-radiomics-cli.jar
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
D=$PWD/test-data
RANDOM=$SEED
fail=0 n=0

# case NAME EXPECTED_CODE OUTPUT_PATH -- ARGS...
case_() {
	local name=$1 expect=$2 out=$3; shift 4
	n=$((n + 1))
	local err=$W/err.txt
	java -jar $JAR "$@" > /dev/null 2> "$err"
	local code=$?
	local lines; lines=$(tr "\r" "\n" < "$err" | grep -vE "^\s*$|^[a-z ]+ [0-9]+/[0-9]+ \(" | wc -l)
	local why=""
	[ "$code" = "$expect" ] || why="exit $code, expected $expect"
	[ "$lines" = 1 ] || why="$why; $lines stderr lines"
	grep -q '^error: ' "$err" || why="$why; no 'error: ' line"
	grep -qE 'Exception|^\s+at [a-z]' "$err" && why="$why; stack trace"
	if [ -n "$out" ] && [ -e "$out" ]; then
		[ -e "$out/run.json" ] && why="$why; run.json written"
		[ -f "$out" ] && [ -s "$out" ] && why="$why; output file written"
	fi
	if [ -n "$why" ]; then
		echo "FAIL $name: $why"; sed 's/^/    /' "$err" | head -5; fail=$((fail + 1))
	fi
}

# inputs
printf 'patient,label,site,original_firstorder_Mean,original_glcm_Idmn,original_shape_VoxelVolume\n' > $W/header.csv
cp $W/header.csv $W/dup.csv
for p in 1 2 3; do for l in 1 2 3; do echo "P$p,$l,liver,$((RANDOM % 100)),$((RANDOM % 10)),$((RANDOM % 900 + 100))" >> $W/dup.csv; done; done
sed -n 3p $W/dup.csv >> $W/dup.csv                     # a lesion listed twice
head -c $((RANDOM % 300 + 200)) $D/P04_image.nrrd > $W/truncated.nrrd
printf 'garbage' > $W/garbage.nii
sed 's/space directions: ([^)]*) ([^)]*) ([^)]*)/space directions: (1,0,0) (2,0,0) (0,0,1)/' $D/P04_labels.nrrd > $W/singular.nrrd
printf 'patient,time,event\n' > $W/clinical_empty.csv
printf 'patient,score_mean\nP01,1\nP02,2\nP03,3\n' > $W/patients.csv
printf 'patient,time,event\nP01,12 months,1\nP02,3,0\nP03,4,1\n' > $W/clinical_text.csv
printf 'patient,timepoint,image,labels,lesions\n' > $W/long_empty.csv
printf 'patient,image,labels\nP01,missing.nrrd,missing_labels.nrrd\n' > $W/cohort_missing.csv
mkdir -p $W/locked

case_ extract-truncated 2 $W/o1.csv -- extract --image $W/truncated.nrrd --labels $D/P04_labels.nrrd --out $W/o1.csv
case_ extract-garbage 2 $W/o2.csv -- extract --image $W/garbage.nii --labels $D/P04_labels.nrrd --out $W/o2.csv
case_ extract-bin 2 $W/o3.csv -- extract --image $D/P04_image.nrrd --labels $D/P04_labels.nrrd --bin-width -$((RANDOM % 9 + 1)) --out $W/o3.csv
case_ extract-singular 2 $W/o4.csv -- extract --image $D/P04_image.nrrd --labels $W/singular.nrrd --out $W/o4.csv
case_ cohort-missing 2 $W/c1 -- cohort --cohort $W/cohort_missing.csv --out $W/c1
case_ cohort-nocohort 2 $W/c2 -- cohort --cohort $W/nothing.csv --out $W/c2
case_ select-ccc 2 $W/s1 -- select --cohort $D/cohort.csv --ccc 2 --out $W/s1
for cmd in heterogeneity sampling score phenotypes; do
	case_ $cmd-duplicate 2 $W/$cmd-d -- $cmd --features $W/dup.csv --out $W/$cmd-d
	case_ $cmd-header-only 2 $W/$cmd-h -- $cmd --features $W/header.csv --out $W/$cmd-h
done
case_ maps-truncated 2 $W/m1 -- maps --image $W/truncated.nrrd --labels $D/P04_labels.nrrd --out $W/m1
case_ response-empty 2 $W/r1 -- response --cohort $W/long_empty.csv --out $W/r1
case_ response-threshold 2 $W/r2 -- response --cohort $D/longitudinal.csv --progression -0.$((RANDOM % 9 + 1)) --out $W/r2
case_ survival-header-only 2 $W/v1 -- survival --patients $W/patients.csv --clinical $W/clinical_empty.csv --variable score_mean --out $W/v1
case_ survival-text-time 2 $W/v2 -- survival --patients $W/patients.csv --clinical $W/clinical_text.csv --variable score_mean --out $W/v2
case_ survival-no-variable 2 $W/v3 -- survival --patients $W/patients.csv --clinical $D/clinical.csv --variable nope --out $W/v3
case_ filter-unknown 2 $W/f1 -- filter --image $D/P04_image.nrrd --filters "Nope:support=$((RANDOM % 5 + 1))" --out $W/f1
case_ filter-truncated 2 $W/f2 -- filter --image $W/truncated.nrrd --filters "Mean:support=3" --out $W/f2
case_ filter-bad-setting 2 $W/f3 -- filter --image $D/P04_image.nrrd --filters "Mean:support=-$((RANDOM % 5 + 1))" --out $W/f3
case_ bench-analysis-negative 2 "" -- bench-analysis --patients -$((RANDOM % 5 + 1))
case_ bench-analysis-no-features 2 "" -- bench-analysis --features 0
case_ bench-filters-size 2 "" -- bench-filters --size $((RANDOM % 8))
case_ bench-filters-repeat 2 "" -- bench-filters --repeat -$((RANDOM % 3 + 1))
case_ bench-maps-reference 2 "" -- bench-maps --reference $W/no-such-folder
case_ bench-no-lesions 2 "" -- bench --lesions 0 --dir $W/b1
case_ bench-cohort-no-patients 2 "" -- bench-cohort --patients 0 --dir $W/b2
case_ bench-dicom-repeat 2 "" -- bench-dicom --repeat 0 --dir $W/b3
case_ unknown-option 2 "" -- extract --no-such-option
case_ demo-bad-out 2 "" -- demo --out /proc/forbidden
# a results folder held by another run
java -cp $JAR -Dx=1 lesionradiomics.cli.Cli --version > /dev/null
( exec java -cp "$JAR:target/test-classes" lesionradiomics.cli.ResultsIntegrityTest\$HoldLock $W/locked > $W/hold.txt 2>&1 ) &
HOLD=$!
for i in $(seq 1 100); do [ -s $W/hold.txt ] && break; sleep 0.1; done
case_ cohort-locked 2 "" -- cohort --cohort $D/cohort.csv --resume --out $W/locked
grep -q "pid $HOLD" $W/err.txt || { echo "FAIL cohort-locked: the refusal does not name pid $HOLD"; cat $W/err.txt; fail=$((fail + 1)); }
# every other command that writes a results folder takes the same lock (report.ResultsFolder)
locked_() {
	local name=$1; shift
	case_ $name-locked 2 $W/locked -- "$@" --out $W/locked
	grep -q "pid $HOLD on " $W/err.txt && grep -q "$W/locked" $W/err.txt \
		|| { echo "FAIL $name-locked: the refusal does not name the folder and pid $HOLD"; sed 's/^/    /' $W/err.txt | head -3; fail=$((fail + 1)); }
}
locked_ select select --cohort $D/cohort.csv
for cmd in heterogeneity sampling phenotypes; do locked_ $cmd $cmd --features $W/dup.csv; done
locked_ score score --features $W/dup.csv --model $W/nothing.csv
locked_ maps maps --image $D/P04_image.nrrd --labels $D/P04_labels.nrrd
locked_ filter filter --image $D/P04_image.nrrd --filters "Mean:support=3"
locked_ response response --cohort $D/longitudinal.csv
locked_ survival survival --patients $W/patients.csv --clinical $D/clinical.csv --variable score_mean
[ -z "$(ls $W/locked)" ] || { echo "FAIL locked: files written into the locked folder: $(ls $W/locked)"; fail=$((fail + 1)); }
kill $HOLD 2> /dev/null; wait $HOLD 2> /dev/null

echo "bad-input battery (seed $SEED): $((n - fail))/$n cases behave"
[ $fail = 0 ]
