#!/usr/bin/env bash
# Runs the example macros with plain ImageJ 1.x in batch mode (headless under Xvfb: ImageJ 1.x builds its menus
# even in batch mode) and checks their output. Needs target/ from 'mvn package'.
set -euo pipefail
cd "$(dirname "$0")/.."
ijdir=$(mktemp -d)
trap 'rm -rf "$ijdir"' EXIT
mkdir -p "$ijdir/plugins/jars"
cp target/Lesion_Radiomics-*.jar "$ijdir/plugins/"
rm -f "$ijdir"/plugins/*-sources.jar "$ijdir"/plugins/*-tests.jar "$ijdir"/plugins/original-*.jar
# Installed as README tells a Fiji user: the plugin jar alone. These stand in for the jars Fiji itself ships
# (ImgLib2, SciJava Common, Commons Math, Gson, JFreeChart, JFreeSVG); nothing a user would have to copy by hand.
mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DincludeArtifactIds=imglib2,scijava-common,parsington,commons-math3,gson,jfreechart,jfreesvg,snakeyaml \
	-DoutputDirectory="$ijdir/plugins/jars"
mvn -B -q dependency:copy-dependencies -DincludeArtifactIds=ij -DoutputDirectory="$ijdir/ij"
ij=$(ls "$ijdir"/ij/ij-*.jar)
out="$ijdir/out"
mkdir -p "$out"
# a macro stuck on a dialog would never end: give each run a time limit
timeout 300 xvfb-run -a java -jar "$ij" -ijpath "$ijdir" -batch macros/extract_open_images.ijm "$PWD/test-data $out/P04_features.csv"
rows=$(($(wc -l < "$out/P04_features.csv") - 1))
expected=$(grep -c '^P04,' test-data/lesions.csv)
test "$rows" -eq "$expected" || { echo "macro wrote $rows lesions, expected $expected"; exit 1; }
head -1 "$out/P04_features.csv" | grep -q '^patient,label,site,texture,original_shape_Elongation' || { echo "unexpected header"; exit 1; }
echo "macro extract_open_images.ijm: $rows lesions of P04 written by ImageJ 1.x in batch mode"
if ls "$ijdir"/plugins/jars | grep -qiE 'picocli|commons-statistics|commons-numbers'; then echo "only jars Fiji ships may be installed"; exit 1; fi
timeout 600 xvfb-run -a java -jar "$ij" -ijpath "$ijdir" -batch macros/cohort.ijm "$PWD/test-data/cohort.csv $out/cohort" | tee "$out/cohort.log"
for f in run.json features.csv errors.csv selection/robustness.csv selection/feature_clusters.csv selection/selected_features.txt \
	selection/correlation_heatmap.png heterogeneity/cv_per_patient.csv heterogeneity/cv_per_organ.csv heterogeneity/cv_summary.csv \
	heterogeneity/heterogeneity_indexes.csv heterogeneity/lesion_clusters.csv heterogeneity/tests.csv heterogeneity/cv_by_class.png \
	heterogeneity/heterogeneity_indexes.png sampling/sampling_recovery.csv sampling/sampling_per_patient.csv sampling/recovery_curves.csv \
	sampling/lesions_needed.csv sampling/sampling_settings.csv sampling/recovery_curve_MTD.png sampling/recovery_curve_ATH.png; do
	test -s "$out/cohort/$f" || { echo "Cohort Analysis in ImageJ did not write $f"; exit 1; }
done
grep -q '"seed": 20220101' "$out/cohort/run.json" || { echo "run.json lacks the seed"; exit 1; }
grep -q '^Sampling Recovery: 2 rows' "$out/cohort.log" || { echo "no 'Sampling Recovery' table with the ATH and MTD rows"; exit 1; }
grep -q '^Heterogeneity indexes: 6 patients' "$out/cohort.log" || { echo "no 'Heterogeneity indexes' table of the 6 patients"; exit 1; }
if grep -qE 'Exception|Unexpected error' "$out/cohort.log"; then echo "the macro's output reports an error"; exit 1; fi
echo "macro cohort.ijm: every table and run.json written by ImageJ 1.x in batch mode, without picocli"

# A recorded call of each menu command from the previous release (its dialogs' keys), run unchanged: every command
# must finish (a key no longer read would fall back to a default silently: RecordedMacrosTest checks that part).
recorded=src/test/resources/lesionradiomics/fiji/recorded-previous-release.txt
# the scores call needs a model of the features cohort.ijm computed (the demo's example model also has ring terms)
printf 'term,kind,column,level,min,max,coefficient,clip\nintercept,intercept,,,,,-0.3,\ncore_entropy,feature,original_firstorder_Entropy,,1,7,0.6,\nliver,category,site,liver,,,0.25,\n' > "$out/core_model.csv"
# the DICOM import's call opens the demo's P04 written as DICOM (CT series + RTSTRUCT)
java -jar target/lesion-radiomics-cli.jar demo --out "$out/demo" --dicom P04 2> /dev/null
{
	printf 'run("NRRD or NIfTI (Lesion Radiomics)...", "open=[%s/P04_image.nrrd]");\n' "$PWD/test-data"
	printf 'run("NRRD or NIfTI (Lesion Radiomics)...", "open=[%s/P04_labels.nrrd]");\n' "$PWD/test-data"
	grep -v '^#' "$recorded" | while IFS=$'\t' read -r command options; do
		options=${options//'${data}'/$PWD/test-data}; options=${options//'${out}'/$out}
		printf 'run("%s", "%s");\nprint("recorded call ran: %s");\n' "$command" "$options" "$command"
	done
	printf 'if (!isOpen("P04_CT") || !isOpen("P04_CT_labels")) print("error: the DICOM import opened no P04_CT and P04_CT_labels windows");\n'
} > "$ijdir/recorded.ijm"
timeout 900 xvfb-run -a java -jar "$ij" -ijpath "$ijdir" -batch "$ijdir/recorded.ijm" > "$out/recorded.log" 2>&1 || true
calls=$(grep -vc '^#' "$recorded")
ran=$(grep -c '^recorded call ran: ' "$out/recorded.log" || true)
if [ "$ran" -ne "$calls" ] || grep -qE 'Exception|error:' "$out/recorded.log"; then cat "$out/recorded.log"; echo "recorded calls: $ran of $calls ran"; exit 1; fi
for f in rec_features.csv rec_select/selected_features.txt rec_heterogeneity/heterogeneity_indexes.csv rec_sampling/sampling_recovery.csv \
	rec_scores/patient_aggregates.csv rec_maps/map_summary.csv rec_phenotypes/lesion_phenotypes.csv rec_response/lesion_response.csv rec_survival/cox.csv rec_cohort/run.json; do
	test -s "$out/$f" || { ls -R "$out" | head -80; echo "a recorded call did not write $f"; exit 1; }
done
echo "recorded calls of the previous release: all $calls ran unchanged through the generic adapter"

# A deliberately failing input (a missing cohort table) reaches the user as a message naming the file, and stops the
# macro (no dialog left open in batch mode: the time limit would catch a hang).
printf 'run("Cohort Analysis...", "cohort=[%s] output=[%s]");\nprint("the macro went on after the error");\n' \
	"$PWD/test-data/no_such_cohort.csv" "$out/failing" > "$ijdir/failing.ijm"
timeout 120 xvfb-run -a java -jar "$ij" -ijpath "$ijdir" -batch "$ijdir/failing.ijm" > "$out/failing.log" 2>&1
grep -q 'Cohort Analysis: error: .*no_such_cohort.csv: file not found' "$out/failing.log" || { cat "$out/failing.log"; echo "no error message for a missing file"; exit 1; }
if grep -q 'the macro went on' "$out/failing.log"; then echo "the macro was not stopped by the error"; exit 1; fi
echo "macro with a missing file: the user is told which file is missing and the macro stops"
