#!/usr/bin/env bash
# Runs the example macros with plain ImageJ 1.x in batch mode (headless under Xvfb: ImageJ 1.x builds its menus
# even in batch mode) and checks their output. Needs target/ from 'mvn package'.
set -euo pipefail
cd "$(dirname "$0")/.."
ijdir=$(mktemp -d)
trap 'rm -rf "$ijdir"' EXIT
mkdir -p "$ijdir/plugins/jars"
cp target/Lesion_Radiomics-*.jar "$ijdir/plugins/"
rm -f "$ijdir"/plugins/*-sources.jar "$ijdir"/plugins/*-tests.jar
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DexcludeArtifactIds=ij,picocli -DoutputDirectory="$ijdir/plugins/jars"
mvn -B -q dependency:copy-dependencies -DincludeArtifactIds=ij -DoutputDirectory="$ijdir/ij"
ij=$(ls "$ijdir"/ij/ij-*.jar)
out="$ijdir/out"
mkdir -p "$out"
# a macro stuck on a dialog would never end: give each run a time limit
timeout 300 xvfb-run -a java -jar "$ij" -ijpath "$ijdir" -batch macros/extract_open_images.ijm "$PWD/test-data $out/P04_features.csv"
rows=$(($(wc -l < "$out/P04_features.csv") - 1))
expected=$(grep -c '^P04,' test-data/lesions.csv)
test "$rows" -eq "$expected" || { echo "macro wrote $rows lesions, expected $expected"; exit 1; }
head -1 "$out/P04_features.csv" | grep -q '^patient,label,site,original_shape_Elongation' || { echo "unexpected header"; exit 1; }
echo "macro extract_open_images.ijm: $rows lesions of P04 written by ImageJ 1.x in batch mode"
timeout 600 xvfb-run -a java -jar "$ij" -ijpath "$ijdir" -batch macros/cohort.ijm "$PWD/test-data/cohort.csv $out/cohort"
test -s "$out/cohort/sampling/sampling_recovery.csv" || { echo "cohort.ijm wrote no sampling table"; exit 1; }
echo "macro cohort.ijm: $(($(wc -l < "$out/cohort/heterogeneity/heterogeneity_indexes.csv") - 1)) patients analysed by ImageJ 1.x in batch mode"
