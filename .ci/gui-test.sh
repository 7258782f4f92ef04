#!/usr/bin/env bash
# GUI test: plain ImageJ 1.x in a real (Xvfb) display, the plugin installed as a Fiji user would (the plugin jar plus
# only jars Fiji ships). .ci/gui/Driver.java runs inside ImageJ's JVM: every menu entry of plugins.config opened
# through the generic adapter as a user does (no macro options), each dialog page screenshot and checked to fit
# 1280x800, Help's window, an error round trip (dialog back with the message and the values kept), then every command
# run by macro on the demo data (.ci/gui/all_commands.ijm: windows checked by title, the Log free of exceptions) and
# the label map and feature map windows checked for a display range that shows their values. Screenshots go to
# target/gui-screenshots/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
shots=$PWD/target/gui-screenshots
rm -rf "$shots"; mkdir -p "$shots"
ijdir=$(mktemp -d)
trap 'kill $(jobs -p) 2> /dev/null || true; rm -rf "$ijdir"' EXIT
mkdir -p "$ijdir/plugins/jars"
cp target/Lesion_Radiomics-*.jar "$ijdir/plugins/"
rm -f "$ijdir"/plugins/*-sources.jar "$ijdir"/plugins/*-tests.jar "$ijdir"/plugins/original-*.jar
if [ -z "${GUI_TEST_JARS:-}" ]; then
	mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DincludeArtifactIds=imglib2,scijava-common,parsington,commons-math3,gson,jfreechart,jfreesvg,snakeyaml \
		-DoutputDirectory="$ijdir/plugins/jars"
	mvn -B -q dependency:copy-dependencies -DincludeArtifactIds=ij -DoutputDirectory="$ijdir/ij"
else # a folder holding those jars and ij-*.jar (offline runs)
	mkdir -p "$ijdir/ij"; cp "$GUI_TEST_JARS"/ij-*.jar "$ijdir/ij/"; find "$GUI_TEST_JARS" -name '*.jar' ! -name 'ij-*.jar' -exec cp {} "$ijdir/plugins/jars/" \;
fi
ij=$(ls "$ijdir"/ij/ij-*.jar)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1600x1200x24 -nolisten tcp > /dev/null 2>&1 &
sleep 2
export DISPLAY=$display
timeout 900 java -Dplugins.dir="$ijdir" -cp "$ij" .ci/gui/Driver.java "$PWD/test-data" "$shots" > "$shots/driver.log" 2>&1 || { cat "$shots/driver.log"; exit 1; }
report=$shots/run/gui_report.txt
if grep -q 'window MISSING' "$report"; then grep 'window MISSING' "$report"; exit 1; fi
if grep -qE 'Exception|Unexpected error' "$report"; then echo "GUI test: the Log reports an error:"; cat "$report"; exit 1; fi
tail -1 "$shots/driver.log"
echo "GUI test: $(grep -c 'window ok' "$report") windows found by their titles, $(ls "$shots"/dialog_*.png | wc -l) dialog pages; screenshots in $shots"
