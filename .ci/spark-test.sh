#!/usr/bin/env bash
# The cohort run as a Spark job (local[2]) writes exactly what `cohort` writes (run.json apart), on the demo cohort
# and on a cohort with broken patients; a job killed midway and rerun with --resume ends with the same tables; the
# plugin and CLI jars carry no Spark or Hadoop class.
set -euo pipefail
export SPARK_LOCAL_IP=127.0.0.1 # Spark binds to loopback only, never to another address
cd "$(dirname "$0")/.."
start=$(date +%s)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for jar in target/Lesion_Radiomics-*[0-9T].jar target/lesion-radiomics-cli.jar; do
	if unzip -l "$jar" | grep -qE 'org/apache/(spark|hadoop)/'; then echo "spark test: $jar contains Spark or Hadoop classes"; exit 1; fi
done

mvn -B -q install -DskipTests
mvn -B -q -f spark/pom.xml package
job=(java -jar spark/target/lesion-radiomics-spark-0.1.0-SNAPSHOT.jar --master 'local[2]')
cli=(java -jar target/lesion-radiomics-cli.jar cohort)

same() { # same files, byte for byte, run.json apart
	diff -r -x run.json "$1" "$2" > /dev/null || { echo "spark test: $3: the Spark job's files differ from cohort's"; diff -r -x run.json "$1" "$2" | head; exit 1; }
}

# 1. the demo cohort
"${cli[@]}" --cohort test-data/cohort.csv --simulations 100 --out "$work/cli" 2> /dev/null
"${job[@]}" --cohort test-data/cohort.csv --simulations 100 --out "$work/spark" 2> "$work/spark.log"
same "$work/cli" "$work/spark" "demo cohort"

# 2. a cohort with broken patients: a truncated image, a label map on another grid, a missing file
data=$work/broken
mkdir -p "$data"
cp test-data/P0{4,5,6}_image.nrrd test-data/P0{4,5,6}_labels.nrrd test-data/lesions.csv "$data/"
head -c 200000 test-data/P01_image.nrrd > "$data/corrupt_image.nrrd"
sed 's/sizes: 112 112 48/sizes: 112 112 24/' test-data/P02_labels.nrrd > "$data/small_labels.nrrd"
printf 'patient,image,labels,lesions\nP04,P04_image.nrrd,P04_labels.nrrd,lesions.csv\nP01,corrupt_image.nrrd,P04_labels.nrrd,lesions.csv\nP05,P05_image.nrrd,P05_labels.nrrd,lesions.csv\nP02,P05_image.nrrd,small_labels.nrrd,lesions.csv\nP09,missing_image.nrrd,P06_labels.nrrd,lesions.csv\nP06,P06_image.nrrd,P06_labels.nrrd,lesions.csv\n' > "$data/cohort.csv"
"${cli[@]}" --cohort "$data/cohort.csv" --simulations 100 --allow-failures --out "$work/cli-broken" 2> /dev/null
"${job[@]}" --cohort "$data/cohort.csv" --simulations 100 --out "$work/spark-broken" 2> "$work/spark-broken.log"
same "$work/cli-broken" "$work/spark-broken" "broken patients"
test "$(wc -l < "$work/spark-broken/errors.csv")" -ge 4 || { echo "spark test: the broken patients are not listed in errors.csv"; exit 1; }

# 4. DICOM input: the demo's P04-P06 written as DICOM folders (CT series + RTSTRUCT; no labels column), read by the
# job, give the tables cohort gives on their NRRD files (complete.txt and report.html name their inputs: they differ)
dcm=$work/dicom
java -jar target/lesion-radiomics-cli.jar demo --out "$dcm" --dicom P04,P05,P06 2> /dev/null
printf 'patient,image,labels,lesions\nP04,P04_image.nrrd,P04_labels.nrrd,lesions.csv\nP05,P05_image.nrrd,P05_labels.nrrd,lesions.csv\nP06,P06_image.nrrd,P06_labels.nrrd,lesions.csv\n' > "$dcm/nrrd.csv"
printf 'patient,image,lesions\nP04,P04_dicom,lesions.csv\nP05,P05_dicom,lesions.csv\nP06,P06_dicom,lesions.csv\n' > "$dcm/dicom.csv"
"${cli[@]}" --cohort "$dcm/nrrd.csv" --simulations 100 --out "$work/cli-dicom" 2> /dev/null
"${job[@]}" --cohort "$dcm/dicom.csv" --simulations 100 --out "$work/spark-dicom" 2> "$work/spark-dicom.log"
if ! diff -r -x run.json -x complete.txt -x report.html "$work/cli-dicom" "$work/spark-dicom" > /dev/null; then
	echo "spark test: DICOM folders: the Spark job's tables differ from cohort's on the NRRD files"; diff -r -x run.json -x complete.txt -x report.html "$work/cli-dicom" "$work/spark-dicom" | head; exit 1
fi

# 3. killed midway (after the first batch of patients is saved), then resumed
big=$work/big
mkdir -p "$big"
{ echo "patient,image,labels,lesions"; for k in 1 2; do for p in P01 P02 P03 P04 P05 P06; do echo "${p}_$k,$PWD/test-data/${p}_image.nrrd,$PWD/test-data/${p}_labels.nrrd,$big/lesions_$k.csv"; done; done; } > "$big/cohort.csv"
for k in 1 2; do sed -E "s/^(P0[0-9])/\\1_$k/" test-data/lesions.csv | sed "1s/.*/patient,label,site,texture/" > "$big/lesions_$k.csv"; done
"${cli[@]}" --cohort "$big/cohort.csv" --simulations 100 --out "$work/cli-big" 2> /dev/null
"${job[@]}" --cohort "$big/cohort.csv" --simulations 100 --out "$work/spark-big" 2> "$work/spark-big.log" & pid=$!
for _ in $(seq 1 600); do
	n=$( (find "$work/spark-big/patients" -name complete.txt 2> /dev/null || true) | wc -l)
	[ "$n" -ge 1 ] && break
	kill -0 "$pid" 2> /dev/null || break
	sleep 0.1
done
kill -9 "$pid" 2> /dev/null || true
wait "$pid" 2> /dev/null || true
saved=$( (find "$work/spark-big/patients" -name complete.txt 2> /dev/null || true) | wc -l)
"${job[@]}" --cohort "$big/cohort.csv" --simulations 100 --resume --out "$work/spark-big" 2> "$work/spark-resume.log"
same "$work/cli-big" "$work/spark-big" "killed with $saved of 12 patients saved, then resumed"
echo "spark test: demo, broken patients, DICOM folders and a killed-and-resumed job ($saved of 12 patients saved when killed) give cohort's files; no Spark in the plugin or CLI jar ($(( $(date +%s) - start )) s)"
