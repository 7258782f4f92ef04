#!/usr/bin/env bash
# The Spark job on a real (standalone) cluster on this machine: a master and two workers as separate JVMs, listening on
# 127.0.0.1 only, started from the Spark jars Maven fetched for spark/ (spark/target/lib/spark/, no download) through a
# temporary SPARK_HOME whose jars/ points at them; one single-core executor per worker, each its own JVM. Checks:
#   1. the demo cohort submitted with java -jar (no Spark installation: the job ships its jars) gives cohort's files
#      byte for byte (run.json apart); the summary names the master used;
#   2. the same with SparkSubmit (--jars lib/*.jar), one executor JVM killed (SIGKILL) mid-job;
#   3. the driver killed mid-job, then --resume'd: the same files;
#   4. a patient too large for an executor's heap is a row of errors.csv saying so, the others are extracted.
# Every process it starts is stopped whatever happens (trap); the whole test is bounded in time (SPARK_TEST_TIMEOUT s).
#   bash .ci/spark-cluster-test.sh   (needs target/lesion-radiomics-cli.jar and the spark/ build: .ci/spark-test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
limit=${SPARK_TEST_TIMEOUT:-420}
jar=$(ls spark/target/lesion-radiomics-spark-*[0-9T].jar)
test -f target/lesion-radiomics-cli.jar -a -f "$jar" -a -d spark/target/lib/spark || { echo "spark cluster test: build first (.ci/spark-test.sh builds both)"; exit 1; }

# nothing listens on or connects to another address than 127.0.0.1
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1
# the launcher that builds executor command lines asks the Scala version of a folder that is no source build
export SPARK_SCALA_VERSION=2.13
unset SPARK_HOME SPARK_CONF_DIR HADOOP_CONF_DIR YARN_CONF_DIR
work=$(mktemp -d)
pids=()
stop_all() { # the processes we started and the executors the workers started (their children), then the files
	local p c
	exec 2> /dev/null # not the shell's notices of the jobs it kills
	for p in "${pids[@]}"; do
		for c in $(pgrep -P "$p" 2> /dev/null || true); do kill -9 "$c" 2> /dev/null || true; done
		kill -9 "$p" 2> /dev/null || true
	done
	for p in "${pids[@]}"; do wait "$p" 2> /dev/null || true; done
	rm -rf "$work"
}
trap stop_all EXIT
trap 'echo "spark cluster test: interrupted or over ${limit} s"; exit 1' INT TERM HUP
(sleep "$limit"; kill -TERM $$ 2> /dev/null) > /dev/null 2>&1 & pids+=($!)
# runs a command as a child of ours that the traps stop, and waits for it (a trapped signal interrupts wait at once)
run() {
	"$@" & local p=$!
	pids+=($p)
	wait "$p"
}

fail() {
	echo "spark cluster test: $*"
	for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f (last lines)"; tail -n 15 "$f"; }; done
	exit 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

home=$work/spark-home
mkdir -p "$home/jars"
ln -s "$PWD"/spark/target/lib/spark/*.jar "$home/jars/"
touch "$home/RELEASE" # Spark's launcher takes a folder with RELEASE for an installation (jars/, not a source build)
# the JDK packages Spark 3.5 needs opened on Java 17, as the job jar's manifest lists them (its lines folded at 72)
opens=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' | sed -n 's/^Add-Opens: //p' | tr ' ' '\n' | sed 's/^/--add-opens=/; s/$/=ALL-UNNAMED/' | paste -sd' ')
spark_java=(java -Xmx256m $opens -cp "$home/jars/*")

port=$(free_port)
master=spark://127.0.0.1:$port
SPARK_HOME=$home "${spark_java[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 > "$work/master.log" 2>&1 & pids+=($!)
for _ in $(seq 1 300); do grep -q "I have been elected leader" "$work/master.log" && break; sleep 0.2; done
grep -q "I have been elected leader" "$work/master.log" || fail "the master did not start"
workers=()
for w in 1 2; do
	mkdir -p "$work/worker$w"
	SPARK_HOME=$home "${spark_java[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g --webui-port 0 \
		--work-dir "$work/worker$w" "$master" > "$work/worker$w.log" 2>&1 & pids+=($!)
	workers+=($!)
done
# cohort's files, the reference, while the cluster starts
args=(--cohort test-data/cohort.csv --simulations 100)
java -jar target/lesion-radiomics-cli.jar cohort "${args[@]}" --out "$work/cli" 2> "$work/cli.log" & reference=$!
pids+=($reference)
for w in 1 2; do
	for _ in $(seq 1 300); do grep -q "Successfully registered with master" "$work/worker$w.log" && break; sleep 0.2; done
	grep -q "Successfully registered with master" "$work/worker$w.log" || fail "worker $w did not register with the master"
done
wait "$reference" || fail "cohort failed"
echo "spark cluster test: master and 2 workers up on 127.0.0.1, cohort's files made ($(( $(date +%s) - start )) s)"

# each executor: one core, 512 MB of heap (the memory bound of 4.)
props=(-Dspark.executor.memory=512m -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1)
by_jar=(java -Xmx1g "${props[@]}" -jar "$jar" --master "$master")
by_submit=(env SPARK_HOME="$home" java -Xmx1g "${props[@]}" $opens -cp "$home/jars/*" org.apache.spark.deploy.SparkSubmit --master "$master"
	--class lesionradiomics.spark.SparkCohort --jars "$(ls spark/target/lib/*.jar | paste -sd,)" "$jar")
same() { # same files, byte for byte, run.json apart
	diff -r -x run.json "$1" "$2" > /dev/null || { diff -r -x run.json "$1" "$2" | head; fail "$3: the files differ from cohort's"; }
}
saved() { (find "$1/patients" -name complete.txt 2> /dev/null || true) | wc -l; }
# waits (bounded) until the job of $1 has saved at least one patient; returns how many it has
wait_saved() {
	local n=0
	for _ in $(seq 1 900); do
		n=$(saved "$1")
		[ "$n" -ge 1 ] && break
		kill -0 "$2" 2> /dev/null || break
		sleep 0.1
	done
	echo "$n"
}


# 1. java -jar (nothing but the job's jars: it ships them itself)
t0=$(date +%s)
run "${by_jar[@]}" "${args[@]}" --out "$work/jar" 2> "$work/jar.log" || fail "java -jar on $master failed"
t_jar=$(( $(date +%s) - t0 ))
same "$work/cli" "$work/jar" "java -jar --master $master"
grep -q "cohort analysed on Spark ($master)" "$work/jar.log" || fail "java -jar: the summary does not name the master $master"
extract_s=$(sed -n 's/^patients 6\/6 (0 failed) in \([0-9.]*\) s$/\1/p' "$work/jar.log")
echo "spark cluster test: java -jar --master $master gives cohort's files (${t_jar} s; at $(( $(date +%s) - start )) s)"

# 2. SparkSubmit, with one executor JVM killed (SIGKILL) mid-job
t0=$(date +%s)
"${by_submit[@]}" "${args[@]}" --out "$work/submit" 2> "$work/submit.log" & driver=$!
pids+=($driver)
n=$(wait_saved "$work/submit" "$driver")
victim=""
for w in "${workers[@]}"; do victim=${victim:-$(pgrep -P "$w" | head -n 1 || true)}; done
[ -n "$victim" ] || fail "no executor JVM to kill"
kill -9 "$victim"
wait "$driver" || fail "SparkSubmit on $master (an executor killed) failed"
[ "$n" -lt 6 ] || fail "the job had finished before the executor was killed (the test proves nothing)"
same "$work/cli" "$work/submit" "SparkSubmit --master $master, executor killed with $n of 6 patients saved"
grep -q "cohort analysed on Spark ($master)" "$work/submit.log" || fail "SparkSubmit: the summary does not name the master $master"
grep -q "^executor .* lost" "$work/submit.log" || fail "the driver did not say that an executor was lost"
! grep -q "^SLF4J: " "$work/jar.log" "$work/submit.log" "$work"/worker*/app-*/*/stderr || fail "SLF4J complains (no provider: nothing is logged)"
grep -q "Executor: Finished task" "$work"/worker1/app-*/*/stderr || fail "the executors log nothing"
echo "spark cluster test: SparkSubmit --master $master with an executor killed ($n of 6 patients saved) gives cohort's files ($(( $(date +%s) - t0 )) s; at $(( $(date +%s) - start )) s)"

# 3. the driver killed mid-job, then resumed
t0=$(date +%s)
"${by_jar[@]}" "${args[@]}" --out "$work/resumed" 2> "$work/killed.log" & driver=$!
pids+=($driver)
n=$(wait_saved "$work/resumed" "$driver")
kill -9 "$driver" 2> /dev/null || true
wait "$driver" 2> /dev/null || true
[ "$n" -lt 6 ] || fail "the job had finished before the driver was killed (the test proves nothing)"
run "${by_jar[@]}" "${args[@]}" --resume --out "$work/resumed" 2> "$work/resume.log" || fail "the resumed job failed"
same "$work/cli" "$work/resumed" "driver killed with $n of 6 patients saved, then resumed"
echo "spark cluster test: the driver killed with $n of 6 patients saved, then --resume: same files ($(( $(date +%s) - t0 )) s; at $(( $(date +%s) - start )) s)"

# 4. a patient too large for an executor (512x512x600 voxels: 1.2 GB as floats, 512 MB of heap) fails alone
big=$work/big
mkdir -p "$big"
t0=$(date +%s)
for f in image labels; do
	{ printf 'NRRD0004\ntype: short\ndimension: 3\nspace: left-posterior-superior\nsizes: 512 512 600\nspace directions: (1,0,0) (0,1,0) (0,0,1)\nkinds: domain domain domain\nendian: little\nencoding: gzip\nspace origin: (0,0,0)\n\n'
		head -c $((512 * 512 * 600 * 2)) /dev/zero | gzip -1; } > "$big/P99_$f.nrrd"
done
{ cat test-data/cohort.csv | sed "s#,P0#,$PWD/test-data/P0#g; s#,lesions.csv#,$PWD/test-data/lesions.csv#"; echo "P99,P99_image.nrrd,P99_labels.nrrd,$PWD/test-data/lesions.csv,120"; } > "$big/cohort.csv"
run "${by_jar[@]}" --cohort "$big/cohort.csv" --simulations 100 --out "$work/large" 2> "$work/large.log" || fail "the job with a too large patient failed"
grep -q "^P99,.*too large for an executor" "$work/large/errors.csv" || { cat "$work/large/errors.csv"; fail "errors.csv does not say that P99 is too large for an executor"; }
diff -r "$work/cli/patients" "$work/large/patients" > /dev/null || fail "with a too large patient, the other patients' files differ from cohort's"
echo "spark cluster test: a patient too large for an executor is a row of errors.csv, the other 6 are extracted ($(( $(date +%s) - t0 )) s; at $(( $(date +%s) - start )) s)"

per_core_hour=$(python3 -c "print(round(6 / (2 * $extract_s / 3600)))")
echo "spark cluster test: passed in $(( $(date +%s) - start )) s; demo cohort by java -jar: ${t_jar} s in all, extraction ${extract_s} s on 2 executor cores (${per_core_hour} demo patients per core-hour)"
