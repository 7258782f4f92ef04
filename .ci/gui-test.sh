#!/usr/bin/env bash
# GUI test: plain ImageJ 1.x in a real (Xvfb) display, the plugin installed as a Fiji user would (the plugin jar plus
# only jars Fiji ships). Every menu command runs by macro on the demo data; each window is checked by its unique
# title, the Log must hold no exception, and screenshots of each dialog and figure go to target/gui-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
shots=$PWD/target/gui-screenshots
rm -rf "$shots"; mkdir -p "$shots"
ijdir=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$ijdir"' EXIT
mkdir -p "$ijdir/plugins/jars"
cp target/Lesion_Radiomics-*.jar "$ijdir/plugins/"
rm -f "$ijdir"/plugins/*-sources.jar "$ijdir"/plugins/*-tests.jar
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DincludeArtifactIds=imglib2,scijava-common,parsington,commons-math3,gson,jfreechart,jfreesvg,snakeyaml \
	-DoutputDirectory="$ijdir/plugins/jars"
mvn -B -q dependency:copy-dependencies -DincludeArtifactIds=ij -DoutputDirectory="$ijdir/ij"
ij=$(ls "$ijdir"/ij/ij-*.jar)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1200x24 -nolisten tcp > /dev/null 2>&1 &
sleep 2
export DISPLAY=$display

# each dialog, shown as a user sees it (no macro arguments), captured, then ImageJ is closed
for command in "Extract Lesion Features..." "Select Robust Features..." "Patient Heterogeneity..." "Sampling Recovery..." "Lesion Scores and Patient Metrics..." "Feature Maps..." "Lesion Phenotypes..." "Lesion Response (two time points)..." "Survival Analysis..." "Cohort Analysis..."; do
	name=$(echo "$command" | tr -d '.' | tr ' ' '_')
	printf 'run("NRRD or NIfTI (Lesion Radiomics)...", "open=[%s]");\nrun("NRRD or NIfTI (Lesion Radiomics)...", "open=[%s]");\nrun("%s");\n' \
		"$PWD/test-data/P04_image.nrrd" "$PWD/test-data/P04_labels.nrrd" "$command" > "$ijdir/dialog.ijm"
	java -jar "$ij" -ijpath "$ijdir" -macro "$ijdir/dialog.ijm" > /dev/null 2>&1 & pid=$!
	sleep 6
	java .ci/gui/Capture.java "$shots/dialog_$name.png"
	kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true
done

# a failing input (missing cohort table) must show the user an error naming the file, not nothing
printf 'run("Cohort Analysis...", "cohort=[%s] output=[%s]");\n' "$PWD/test-data/no_such_cohort.csv" "$shots/failing" > "$ijdir/failing.ijm"
java -jar "$ij" -ijpath "$ijdir" -macro "$ijdir/failing.ijm" > "$shots/failing.log" 2>&1 & pid=$!
sleep 6
java .ci/gui/Capture.java "$shots/error_missing_file.png"
kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true

out=$shots/run
mkdir -p "$out"
report=$out/gui_report.txt
java -jar "$ij" -ijpath "$ijdir" -macro .ci/gui/all_commands.ijm "$PWD/test-data $out" > "$out/imagej.log" 2>&1 & pid=$!
for _ in $(seq 1 300); do grep -qs '^END' "$report" && break; kill -0 "$pid" 2> /dev/null || break; sleep 1; done
kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true
test -f "$report" && grep -q '^END' "$report" || { echo "GUI test: the macro did not finish"; cat "$out/imagej.log"; exit 1; }
if grep -q 'window MISSING' "$report"; then grep 'window MISSING' "$report"; exit 1; fi
if grep -qE 'Exception|Unexpected error' "$report"; then echo "GUI test: the Log reports an error:"; cat "$report"; exit 1; fi
echo "GUI test: $(grep -c 'window ok' "$report") windows found by their titles, no exception in the Log; screenshots in $shots"
