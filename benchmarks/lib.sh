# Shared by benchmarks/server-cpu and benchmarks/startup: starts the packaged sample app on
# loopback, stops everything on exit, and bounds the run time. Source it; do not run it.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=${JAR:-"$ROOT/sample-app/target/sample-app.jar"}
OUT="$ROOT/benchmarks/target/results/$(basename "$0")-$(date -u +%Y%m%dT%H%M%SZ)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVA_OPTS=${JAVA_OPTS:-"-Xms512m -Xmx512m"}
PIDS=()
WATCHDOG=
# A command prefix for the servers, such as (taskset -c 0); empty runs them anywhere.
SERVER_PIN=()

mkdir -p "$OUT"

cleanup() {
	local pid
	if [ -n "$WATCHDOG" ]; then
		pkill -P "$WATCHDOG" 2>/dev/null || true
		kill "$WATCHDOG" 2>/dev/null || true
	fi
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		stop_or_kill "$pid"
	done
	PIDS=()
}

# Waits up to 20 s for a process told to stop, then kills it.
stop_or_kill() {
	local waited=0
	while kill -0 "$1" 2>/dev/null && [ "$waited" -lt 200 ]; do
		sleep 0.1
		waited=$((waited + 1))
	done
	kill -KILL "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

# Ends the whole run (servers included, through the EXIT trap) after $1 seconds.
bound_run_time() {
	local self=$$
	# The watchdog's own stderr is silenced, so that stopping it early prints nothing.
	( exec 2>/dev/null; sleep "$1" && echo "run time limit of $1 s reached, stopping" >&3 && kill -TERM "$self" ) 3>&2 &
	WATCHDOG=$!
	disown "$WATCHDOG" 2>/dev/null || true
}

# Builds the sample app if its jar is missing (build it yourself after changing the code:
# mvn -B package -DskipTests).
ensure_jar() {
	if [ ! -f "$JAR" ]; then
		echo "building the sample app ($JAR)" >&2
		(cd "$ROOT" && mvn -B -q -pl sample-app -am package -DskipTests)
	fi
}

# start_app NAME ARGS... : starts the jar on 127.0.0.1 and a free port; sets APP_PID, APP_PORT.
start_app() {
	local name=$1
	shift
	local log="$OUT/$name.log"
	# shellcheck disable=SC2086
	"${SERVER_PIN[@]}" "$JAVA" $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port=0 "$@" >"$log" 2>&1 &
	APP_PID=$!
	PIDS+=("$APP_PID")
	local waited=0
	APP_PORT=
	while [ -z "$APP_PORT" ]; do
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			echo "$name did not start, see $log" >&2
			tail -20 "$log" >&2
			exit 1
		fi
		if [ "$waited" -ge 600 ]; then
			echo "$name did not start within 60 s, see $log" >&2
			exit 1
		fi
		sleep 0.1
		waited=$((waited + 1))
		APP_PORT=$(grep -oE '(Tomcat|Netty) started on port [0-9]+' "$log" | grep -oE '[0-9]+$' | head -1 || true)
	done
}

stop_app() {
	kill "$1" 2>/dev/null || true
	stop_or_kill "$1"
	local kept=() pid
	for pid in "${PIDS[@]}"; do
		[ "$pid" = "$1" ] || kept+=("$pid")
	done
	PIDS=("${kept[@]}")
}

# CPU time (user + system, in clock ticks) the process has used so far.
cpu_ticks() {
	# Fields after the command name, which is in parentheses: utime and stime are 12th and 13th.
	local stat
	stat=$(cat "/proc/$1/stat")
	stat=${stat##*) }
	echo "$stat" | awk '{ print $12 + $13 }'
}

machine() {
	echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $("$JAVA" -version 2>&1 | head -1)"
}
