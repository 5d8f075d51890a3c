#!/usr/bin/env bash
# Start, stop and inspect the local test servers (Kafka KRaft broker, Cassandra 5.0 node,
# S3Proxy, and on request a second Cassandra node with password authentication) as separate
# JVMs built from Maven Central jars. Run with --help for the details.
#
# Why separate JVMs: the servers' class paths (Scala 2.13, Jackson 2.16/3.x, Guava 32, Netty,
# logback, a SecurityManager) clash with Spark's, so they never go on the project's class path.
# Their jars come from the pom-packaged helper modules in services/<name>/pom.xml.
set -euo pipefail
# bash 5.2: '&' in a ${var//pat/repl} replacement means "the match"; we want it literal.
shopt -u patsub_replacement 2>/dev/null || true

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
SERVICES_DIR=$REPO_DIR/services
DEFAULT_SERVICES=(kafka cassandra s3) # what start/status without names mean
ALL_SERVICES=(kafka cassandra s3 cassandra-auth spark-master spark-worker-1 spark-worker-2)
SPARK_SERVICES=(spark-master spark-worker-1 spark-worker-2) # what the name "spark" means
HOST=127.0.0.1 # every server binds loopback only

KAFKA_PORT=${LR_KAFKA_PORT:-19092}
KAFKA_CONTROLLER_PORT=${LR_KAFKA_CONTROLLER_PORT:-19093}
KAFKA_SASL_PORT=${LR_KAFKA_SASL_PORT:-19094}
KAFKA_SASL_SSL_PORT=${LR_KAFKA_SASL_SSL_PORT:-19095}
CASSANDRA_PORT=${LR_CASSANDRA_PORT:-9042}
CASSANDRA_STORAGE_PORT=${LR_CASSANDRA_STORAGE_PORT:-17000}
CASSANDRA_AUTH_PORT=${LR_CASSANDRA_AUTH_PORT:-9142}
CASSANDRA_AUTH_STORAGE_PORT=${LR_CASSANDRA_AUTH_STORAGE_PORT:-17002}
S3_PORT=${LR_S3_PORT:-18080}
SPARK_MASTER_PORT=${LR_SPARK_MASTER_PORT:-17077}
SPARK_MASTER_UI_PORT=${LR_SPARK_MASTER_UI_PORT:-18180}
SPARK_WORKER_UI_PORT=${LR_SPARK_WORKER_UI_PORT:-18181} # worker 2: +1
SPARK_WORKER_CORES=${LR_SPARK_WORKER_CORES:-1}
SPARK_WORKER_MEMORY=${LR_SPARK_WORKER_MEMORY:-2g}
SPARK_DAEMON_HEAP=${LR_SPARK_DAEMON_HEAP:-256m} # the master's and workers' own JVMs, not executors
# a Spark distribution's layout (jars/, conf/) from the project's provided class path: what a
# cluster provides and the shaded jar leaves out
SPARK_HOME_DIR=$SERVICES_DIR/spark/home
KAFKA_HEAP=${LR_KAFKA_HEAP:-256m}
CASSANDRA_HEAP=${LR_CASSANDRA_HEAP:-512m}
S3_HEAP=${LR_S3_HEAP:-128m}
S3_BUCKET=${LR_S3_BUCKET:-lambda-retail}
S3_ACCESS_KEY=test-access-key
S3_SECRET_KEY=test-secret-key
S3_REGION=us-east-1             # S3Proxy accepts any region; clients need one to sign requests
# test credentials of the SASL/PLAIN listener (any authenticated user may do anything: no ACLs)
KAFKA_SASL_USER=lr-client
KAFKA_SASL_PASSWORD=lr-client-secret
CASSANDRA_AUTH_USER=cassandra # the default superuser PasswordAuthenticator creates
CASSANDRA_AUTH_PASSWORD=cassandra
# password of the self-signed TLS key and trust stores made at each start (PKCS12, CN and SAN
# 127.0.0.1) for Kafka's SASL_SSL listener and cassandra-auth's client encryption
TLS_STORE_PASSWORD=lr-store-secret
CASSANDRA_DATACENTER=datacenter1 # what SimpleSnitch reports
START_TIMEOUT=${LR_START_TIMEOUT:-180} # seconds per start; 3 JVMs booting on 2 cores take ~20 s
STOP_TIMEOUT=${LR_STOP_TIMEOUT:-30}    # seconds between SIGTERM and SIGKILL
STATE_DIR=${LR_STATE_DIR:-$REPO_DIR/target/services}

usage() {
  cat <<EOF
Usage: scripts/services.sh [--state-dir DIR] start|stop|status [kafka] [cassandra] [s3]
                                                         [cassandra-auth] [spark]

Runs the local test servers as separate JVMs, all bound to 127.0.0.1 only.
Without service names start and status apply to kafka, cassandra and s3, stop to all four.
cassandra-auth is a second Cassandra node with client TLS and PasswordAuthenticator, for security tests.
spark is a Spark 3.5 standalone cluster: a master and two workers (spark-master, spark-worker-1,
spark-worker-2; each a name of its own too), whose executors are JVMs of their own.

Commands
  start    Fetch the server jars on first use, then start the named services concurrently
           and wait until each is ready. A service that is already running is left alone
           (its endpoint is printed). A service that is NOT running is started from a
           FRESH state: its data and logs in DIR/<name>/ are deleted first, so every test
           run begins empty. Prints the endpoints and writes DIR/endpoints.properties.
  stop     SIGTERM the processes recorded in the pid files (never matched by name), wait up
           to LR_STOP_TIMEOUT s (default 30), then SIGKILL. Stopping a stopped service is a
           no-op. Data is kept until the next start.
  status   One line per service: running/stopped, pid, endpoint.
           Exit status 0 if all named services run, 3 otherwise.

Options
  --state-dir DIR   State directory (env LR_STATE_DIR, default <repo>/target/services).
                    Holds <name>/{conf,data,logs,<name>.pid} and endpoints.properties.
                    Use different state dirs and ports to run several sets side by side.
                    Note: 'mvn clean' deletes the default state dir; stop the services first.
  -h, --help        This text.

Environment (defaults in brackets)
  LR_KAFKA_PORT [19092]   LR_KAFKA_CONTROLLER_PORT [19093]   LR_KAFKA_SASL_PORT [19094]
  LR_KAFKA_SASL_SSL_PORT [19095]
  LR_CASSANDRA_PORT [9042]   LR_CASSANDRA_STORAGE_PORT [17000] (+1 is reserved for SSL storage)
  LR_CASSANDRA_AUTH_PORT [9142]   LR_CASSANDRA_AUTH_STORAGE_PORT [17002] (+1 likewise)
  LR_S3_PORT [18080]   LR_S3_BUCKET [lambda-retail]
  LR_KAFKA_HEAP [256m]   LR_CASSANDRA_HEAP [512m]   LR_S3_HEAP [128m]
  LR_START_TIMEOUT [180] seconds   LR_STOP_TIMEOUT [30] seconds
  LR_SPARK_MASTER_PORT [17077]   LR_SPARK_MASTER_UI_PORT [18180]
  LR_SPARK_WORKER_UI_PORT [18181] (worker 2: +1)   LR_SPARK_WORKER_CORES [1] per worker
  LR_SPARK_WORKER_MEMORY [2g] per worker, for its executors   LR_SPARK_DAEMON_HEAP [256m]
  LR_KEEP_DATA [0]: 1 starts on the data of the last run instead of a fresh state
  Java: \$JAVA_HOME/bin/java if it is Java 17, else a system Java 17 (Cassandra 5.0 needs it).

Endpoints
  kafka      bootstrap 127.0.0.1:\$LR_KAFKA_PORT (PLAINTEXT), 127.0.0.1:\$LR_KAFKA_SASL_PORT
             (SASL_PLAINTEXT, mechanism PLAIN, user $KAFKA_SASL_USER password $KAFKA_SASL_PASSWORD),
             127.0.0.1:\$LR_KAFKA_SASL_SSL_PORT (SASL_SSL, same user; trust DIR/kafka/conf/truststore.p12)
  cassandra  127.0.0.1:\$LR_CASSANDRA_PORT, local datacenter "datacenter1", no auth
  cassandra-auth  127.0.0.1:\$LR_CASSANDRA_AUTH_PORT, TLS only (trust
             DIR/cassandra-auth/conf/truststore.p12), PasswordAuthenticator, superuser
             cassandra/cassandra (ready once that role exists)
  Trust stores: PKCS12, password $TLS_STORE_PASSWORD, made afresh at each start.
  s3         http://127.0.0.1:\$LR_S3_PORT, path-style, access key test-access-key,
             secret key test-secret-key, bucket \$LR_S3_BUCKET pre-created
  spark      master spark://127.0.0.1:\$LR_SPARK_MASTER_PORT (web UI and its /json on
             \$LR_SPARK_MASTER_UI_PORT); SPARK_HOME services/spark/home, assembled on first use
             from the project's provided class path (Spark, Hadoop with S3A, Delta), which
             scripts/spark-submit also runs from
  DIR/endpoints.properties (for test code): kafka.bootstrap, kafka.sasl.bootstrap,
  kafka.sasl-ssl.bootstrap, kafka.sasl.username, kafka.sasl.password, kafka.truststore,
  kafka.truststore.password, cassandra.host, cassandra.port, cassandra.datacenter, s3.endpoint,
  s3.bucket, s3.access-key, s3.secret-key, s3.region, cassandra-auth.host, cassandra-auth.port,
  cassandra-auth.username, cassandra-auth.password, cassandra-auth.truststore,
  cassandra-auth.truststore.password, spark.master, spark.master.ui, spark.home,
  spark-worker-N.ui, spark-worker-N.cores, spark-worker-N.memory;
  it lists the services running in DIR and is rewritten by start and stop.

Server jars are fetched with 'mvn dependency:copy-dependencies' from services/<name>/pom.xml
into services/<name>/lib (git-ignored). They are fetched again only when that directory is
missing or incomplete, or the pom changed (see the marker services/<name>/lib/.complete).

Files: logs in DIR/<name>/logs/<name>.log, rendered config in DIR/<name>/conf/.
EOF
}

die() { echo "services.sh: $*" >&2; exit 1; }
say() { printf '%-10s %s\n' "$1" "$2"; } # "<service>  <message>", aligned like the endpoint lines

# ---------------------------------------------------------------------------------------------
# time

# milliseconds since the epoch without forking (EPOCHREALTIME's separator depends on the locale)
now_ms() { local t=${EPOCHREALTIME//[!0-9]/}; echo $((t / 1000)); }
# seconds since T0 with one decimal
elapsed() { local ms=$(($(now_ms) - T0)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }
T0=$(now_ms)

# ---------------------------------------------------------------------------------------------
# validation

check_port() { # NAME VALUE
  [[ $2 =~ ^[0-9]+$ ]] && (($2 >= 1024 && $2 <= 65535)) || die "$1=$2 is not a port in 1024-65535"
}
check_heap() { # NAME VALUE
  [[ $2 =~ ^[1-9][0-9]*[kKmMgG]$ ]] || die "$1=$2 is not a heap size like 256m"
}
validate_config() {
  check_port LR_KAFKA_PORT "$KAFKA_PORT"
  check_port LR_KAFKA_CONTROLLER_PORT "$KAFKA_CONTROLLER_PORT"
  check_port LR_KAFKA_SASL_PORT "$KAFKA_SASL_PORT"
  check_port LR_KAFKA_SASL_SSL_PORT "$KAFKA_SASL_SSL_PORT"
  check_port LR_CASSANDRA_AUTH_PORT "$CASSANDRA_AUTH_PORT"
  check_port LR_CASSANDRA_AUTH_STORAGE_PORT "$CASSANDRA_AUTH_STORAGE_PORT"
  check_port LR_CASSANDRA_PORT "$CASSANDRA_PORT"
  check_port LR_CASSANDRA_STORAGE_PORT "$CASSANDRA_STORAGE_PORT"
  check_port LR_S3_PORT "$S3_PORT"
  check_port LR_SPARK_MASTER_PORT "$SPARK_MASTER_PORT"
  check_port LR_SPARK_MASTER_UI_PORT "$SPARK_MASTER_UI_PORT"
  check_port LR_SPARK_WORKER_UI_PORT "$((SPARK_WORKER_UI_PORT + 1))"
  [[ $SPARK_WORKER_CORES =~ ^[1-9][0-9]*$ ]] || die "LR_SPARK_WORKER_CORES=$SPARK_WORKER_CORES is not a whole number of cores"
  check_heap LR_SPARK_WORKER_MEMORY "$SPARK_WORKER_MEMORY"
  check_heap LR_SPARK_DAEMON_HEAP "$SPARK_DAEMON_HEAP"
  CASSANDRA_SSL_STORAGE_PORT=$((CASSANDRA_STORAGE_PORT + 1))
  CASSANDRA_AUTH_SSL_STORAGE_PORT=$((CASSANDRA_AUTH_STORAGE_PORT + 1))
  # one port used twice would only show up as an obscure bind error in one of the logs
  local dup
  dup=$(printf '%s\n' "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$KAFKA_SASL_PORT" "$KAFKA_SASL_SSL_PORT" \
    "$CASSANDRA_PORT" \
    "$CASSANDRA_STORAGE_PORT" "$CASSANDRA_SSL_STORAGE_PORT" "$S3_PORT" "$CASSANDRA_AUTH_PORT" \
    "$CASSANDRA_AUTH_STORAGE_PORT" "$CASSANDRA_AUTH_SSL_STORAGE_PORT" "$SPARK_MASTER_PORT" \
    "$SPARK_MASTER_UI_PORT" "$SPARK_WORKER_UI_PORT" "$((SPARK_WORKER_UI_PORT + 1))" | sort | uniq -d)
  [[ -z $dup ]] || die "port(s) configured twice: ${dup//$'\n'/ }"
  check_heap LR_KAFKA_HEAP "$KAFKA_HEAP"
  check_heap LR_CASSANDRA_HEAP "$CASSANDRA_HEAP"
  check_heap LR_S3_HEAP "$S3_HEAP"
  # the bucket becomes a directory name: keep to S3's naming rules (also rules out '/' and '..')
  [[ $S3_BUCKET =~ ^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$ ]] ||
    die "LR_S3_BUCKET=$S3_BUCKET is not a valid bucket name (3-63 of a-z, 0-9, -)"
  [[ $START_TIMEOUT =~ ^[0-9]+$ && $STOP_TIMEOUT =~ ^[0-9]+$ ]] ||
    die "LR_START_TIMEOUT and LR_STOP_TIMEOUT must be whole seconds"
}

# ---------------------------------------------------------------------------------------------
# state dir, pid files, endpoints

svc_dir() { echo "$STATE_DIR/$1"; }
pid_file() { echo "$STATE_DIR/$1/$1.pid"; }
log_file() { echo "$STATE_DIR/$1/logs/$1.log"; }
# what a started service was configured with; endpoints.properties is assembled from these
fragment_file() { echo "$STATE_DIR/$1/endpoint.properties"; }

# Normalise the state dir to an absolute, symlink-free path: it goes into config files (which
# need absolute paths) and is how we recognise our own processes (see running_pid).
resolve_state_dir() { # CREATE(yes|no)
  [[ -n $STATE_DIR && $STATE_DIR != *[[:space:]]* ]] ||
    die "state dir '$STATE_DIR' must be non-empty and contain no whitespace (it ends up in file: URLs)"
  if [[ $1 == yes ]]; then mkdir -p "$STATE_DIR"; fi
  if [[ -d $STATE_DIR ]]; then STATE_DIR=$(cd "$STATE_DIR" && pwd -P); fi
  [[ $STATE_DIR != / ]] || die "refusing to use / as the state dir"
}

# Serialise start/stop on one state dir (two concurrent starts would both launch). The lock fd
# is closed in every server we launch, else the server would hold the lock for its lifetime.
lock_state_dir() {
  command -v flock >/dev/null || return 0
  exec 9>"$STATE_DIR/.lock"
  if ! flock -n 9; then
    echo "waiting for another services.sh working on $STATE_DIR ..."
    flock -w 600 9 || die "could not lock $STATE_DIR/.lock within 600 s"
  fi
}

# Is PID a live process (not a zombie)?
pid_alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local stat=""
  if [[ -r /proc/$1/stat ]]; then
    { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1 # it exited just now
    # "<pid> (<comm>) <state> ...": a zombie (Z) has exited but is not reaped yet
    [[ $stat =~ ^.*\)\ ([A-Z]) && ${BASH_REMATCH[1]} != [ZX] ]] || return 1
  fi
  return 0
}

# Print the pid of SERVICE and succeed if its pid file names a live process that is the server
# we started: its command line mentions DIR/<service>/, so a recycled pid (e.g. after a reboot)
# is never taken for ours and never signalled.
running_pid() {
  local svc=$1 pf pid cmdline
  pf=$(pid_file "$svc")
  [[ -f $pf ]] && pid=$(<"$pf") && [[ $pid =~ ^[0-9]+$ ]] || return 1
  pid_alive "$pid" || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmdline == *"$STATE_DIR/$svc/"* ]] || return 1
  fi
  echo "$pid"
}

prop() { # FILE KEY -> value
  local k v
  while IFS='=' read -r k v; do [[ $k == "$2" ]] && { echo "$v"; return 0; }; done <"$1"
  return 1
}

# endpoint of a started service as recorded at its start, e.g. "127.0.0.1:9042 (datacenter1)"
endpoint_of() {
  local f
  f=$(fragment_file "$1")
  [[ -f $f ]] || { echo "(unknown: $f is missing)"; return 0; }
  case $1 in
    kafka) echo "$(prop "$f" kafka.bootstrap), SASL_PLAINTEXT $(prop "$f" kafka.sasl.bootstrap), SASL_SSL $(prop "$f" kafka.sasl-ssl.bootstrap)" ;;
    cassandra) echo "$(prop "$f" cassandra.host):$(prop "$f" cassandra.port) ($(prop "$f" cassandra.datacenter))" ;;
    cassandra-auth) echo "$(prop "$f" cassandra-auth.host):$(prop "$f" cassandra-auth.port) (TLS, password auth)" ;;
    s3) echo "$(prop "$f" s3.endpoint) bucket=$(prop "$f" s3.bucket)" ;;
    spark-master) echo "$(prop "$f" spark.master) (web UI $(prop "$f" spark.master.ui), SPARK_HOME $(prop "$f" spark.home))" ;;
    spark-worker-*) echo "$(prop "$f" "$1.cores") core(s), $(prop "$f" "$1.memory") (web UI $(prop "$f" "$1.ui"))" ;;
  esac
}

# the endpoint fragment the current settings would produce
fragment_for() {
  case $1 in
    kafka) printf '%s\n' "kafka.bootstrap=$HOST:$KAFKA_PORT" "kafka.sasl.bootstrap=$HOST:$KAFKA_SASL_PORT" \
      "kafka.sasl-ssl.bootstrap=$HOST:$KAFKA_SASL_SSL_PORT" \
      "kafka.sasl.username=$KAFKA_SASL_USER" "kafka.sasl.password=$KAFKA_SASL_PASSWORD" \
      "kafka.truststore=$(svc_dir kafka)/conf/truststore.p12" "kafka.truststore.password=$TLS_STORE_PASSWORD" ;;
    cassandra-auth) printf '%s\n' "cassandra-auth.host=$HOST" "cassandra-auth.port=$CASSANDRA_AUTH_PORT" \
      "cassandra-auth.username=$CASSANDRA_AUTH_USER" "cassandra-auth.password=$CASSANDRA_AUTH_PASSWORD" \
      "cassandra-auth.truststore=$(svc_dir cassandra-auth)/conf/truststore.p12" \
      "cassandra-auth.truststore.password=$TLS_STORE_PASSWORD" ;;
    cassandra) printf '%s\n' "cassandra.host=$HOST" "cassandra.port=$CASSANDRA_PORT" \
      "cassandra.datacenter=$CASSANDRA_DATACENTER" ;;
    s3) printf '%s\n' "s3.endpoint=http://$HOST:$S3_PORT" "s3.bucket=$S3_BUCKET" \
      "s3.access-key=$S3_ACCESS_KEY" "s3.secret-key=$S3_SECRET_KEY" "s3.region=$S3_REGION" ;;
    spark-master) printf '%s\n' "spark.master=spark://$HOST:$SPARK_MASTER_PORT" \
      "spark.master.ui=http://$HOST:$SPARK_MASTER_UI_PORT" "spark.home=$SPARK_HOME_DIR" ;;
    spark-worker-*) printf '%s\n' "$1.ui=http://$HOST:$(worker_ui_port "$1")" \
      "$1.cores=$SPARK_WORKER_CORES" "$1.memory=$SPARK_WORKER_MEMORY" ;;
  esac
}

# Rewrite DIR/endpoints.properties from the services running in DIR. Written to a temp file
# and renamed so that test code never reads a half-written file.
write_endpoints() {
  local out=$STATE_DIR/endpoints.properties tmp svc any=no
  tmp=$out.tmp.$$
  {
    echo "# written by scripts/services.sh; services running in $STATE_DIR"
    for svc in "${ALL_SERVICES[@]}"; do
      if running_pid "$svc" >/dev/null && [[ -f $(fragment_file "$svc") ]]; then
        cat "$(fragment_file "$svc")"
        any=yes
      fi
    done
  } >"$tmp"
  if [[ $any == yes ]]; then mv -f "$tmp" "$out"; else rm -f "$tmp" "$out"; fi
}

# ---------------------------------------------------------------------------------------------
# helpers for start

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
worker_ui_port() { echo $((SPARK_WORKER_UI_PORT + ${1##*-} - 1)); } # spark-worker-N

ports_of() {
  case $1 in
    kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT $KAFKA_SASL_PORT $KAFKA_SASL_SSL_PORT" ;;
    cassandra) echo "$CASSANDRA_PORT $CASSANDRA_STORAGE_PORT" ;;
    cassandra-auth) echo "$CASSANDRA_AUTH_PORT $CASSANDRA_AUTH_STORAGE_PORT" ;;
    s3) echo "$S3_PORT" ;;
    spark-master) echo "$SPARK_MASTER_PORT $SPARK_MASTER_UI_PORT" ;;
    spark-worker-*) worker_ui_port "$1" ;;
  esac
}

java_major() { "$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1; }

# Cassandra 5.0 dies on newer Javas ("Setting a system-wide Policy object is not supported"),
# so pick a Java 17 explicitly and use it for all three servers (and for mvn).
find_java17() {
  local c candidates=()
  if [[ -n ${JAVA_HOME:-} ]]; then candidates+=("$JAVA_HOME/bin/java"); fi
  candidates+=(/usr/lib/jvm/java-17-openjdk*/bin/java /usr/lib/jvm/*17*/bin/java)
  if command -v java >/dev/null; then candidates+=("$(command -v java)"); fi
  for c in "${candidates[@]}"; do
    if [[ -x $c && $(java_major "$c") == 17 ]]; then
      JAVA=$c
      JAVA17_HOME=$(dirname "$(dirname "$(readlink -f "$c")")")
      return 0
    fi
  done
  die "no Java 17 found (JAVA_HOME=${JAVA_HOME:-unset}; looked in /usr/lib/jvm and PATH);" \
    "Cassandra 5.0 needs Java 17: install openjdk-17-jdk-headless or point JAVA_HOME at a JDK 17"
}

# "<hash of pom>" then one jar name per line; written last, so its presence means complete
marker_file() { echo "$SERVICES_DIR/$1/lib/.complete"; }
pom_hash() { sha1sum "$SERVICES_DIR/$1/pom.xml" | cut -d' ' -f1; }

lib_complete() {
  local svc=$1 marker first jar
  marker=$(marker_file "$svc")
  [[ -f $marker ]] && read -r first <"$marker" || return 1
  [[ $first == "pom-sha1=$(pom_hash "$svc")" ]] || return 1 # pom changed since the fetch
  while read -r jar; do
    [[ -f $SERVICES_DIR/$svc/lib/$jar ]] || return 1
  done < <(tail -n +2 "$marker")
}

# Fetch services/<svc>/lib unless it is complete. Runs under an exclusive lock on the pom
# (read-only fd, so no lock file is left behind) because runs with other state dirs share lib.
ensure_lib() {
  local svc=$1 lib=$SERVICES_DIR/$1/lib pom=$SERVICES_DIR/$1/pom.xml log t jar n=0
  lib_complete "$svc" && return 0
  if command -v flock >/dev/null; then
    exec 8<"$pom"
    if ! flock -n 8; then
      say "$svc" "waiting for another services.sh fetching services/$svc/lib ..."
      flock -w 900 8 || die "$svc: could not lock $pom within 900 s"
    fi
  fi
  if ! lib_complete "$svc"; then # another run may have fetched it while we waited
    command -v mvn >/dev/null || die "mvn not found: needed once to fetch the $svc server jars"
    if [[ -d $lib ]]; then t="incomplete, or the pom changed"; else t="first use"; fi
    say "$svc" "fetching server jars into services/$svc/lib ($t) ..."
    log=$(svc_dir "$svc")/fetch.log
    mkdir -p "$(svc_dir "$svc")"
    rm -rf "$lib"
    t=$(now_ms)
    if ! JAVA_HOME=$JAVA17_HOME mvn -B -q -f "$pom" dependency:copy-dependencies \
      -DoutputDirectory="$lib" -DincludeScope=runtime >"$log" 2>&1 </dev/null; then
      tail -n 40 "$log" >&2
      die "$svc: mvn dependency:copy-dependencies failed (full log: $log)"
    fi
    {
      echo "pom-sha1=$(pom_hash "$svc")"
      for jar in "$lib"/*.jar; do
        if [[ -f $jar ]]; then echo "${jar##*/}"; n=$((n + 1)); fi
      done
    } >"$lib/.complete.tmp"
    ((n > 0)) || die "$svc: mvn copied no jars into $lib (log: $log)"
    mv -f "$lib/.complete.tmp" "$lib/.complete"
    say "$svc" "fetched $n jars ($(du -sh "$lib" | cut -f1)) in $((($(now_ms) - t) / 1000)) s"
  fi
  if command -v flock >/dev/null; then exec 8<&-; fi
}

# SPARK_HOME for the standalone cluster and scripts/spark-submit: jars/ links every jar of the
# project's provided class path (Spark, Hadoop with S3A, Delta: what EMR provides), so the
# cluster runs exactly the versions the jar was built and tested against. Assembled again when
# pom.xml changes (marker SPARK_HOME/.complete), under the same lock as ensure_lib.
spark_home_complete() {
  local marker=$SPARK_HOME_DIR/.complete first jar
  [[ -f $marker ]] && read -r first <"$marker" || return 1
  [[ $first == "pom-sha1=$(sha1sum "$REPO_DIR/pom.xml" | cut -d' ' -f1)" ]] || return 1
  while read -r jar; do [[ -f $SPARK_HOME_DIR/jars/$jar ]] || return 1; done < <(tail -n +2 "$marker")
}

ensure_spark_home() {
  local log cp jar n=0
  spark_home_complete && return 0
  if command -v flock >/dev/null; then
    exec 8<"$REPO_DIR/pom.xml"
    flock -w 900 8 || die "spark: could not lock $REPO_DIR/pom.xml within 900 s"
  fi
  if ! spark_home_complete; then
    command -v mvn >/dev/null || die "mvn not found: needed once to assemble $SPARK_HOME_DIR"
    say spark "assembling SPARK_HOME in services/spark/home from the project's provided class path ..."
    mkdir -p "$(svc_dir spark-master)"
    log=$(svc_dir spark-master)/assemble.log
    rm -rf "$SPARK_HOME_DIR"
    mkdir -p "$SPARK_HOME_DIR/jars" "$SPARK_HOME_DIR/conf"
    cp=$SPARK_HOME_DIR/provided-cp.txt
    if ! JAVA_HOME=$JAVA17_HOME mvn -B -q -f "$REPO_DIR/pom.xml" dependency:build-classpath \
      -Dmdep.includeScope=provided -Dmdep.outputFile="$cp" >"$log" 2>&1 </dev/null; then
      tail -n 40 "$log" >&2
      die "spark: mvn dependency:build-classpath failed (full log: $log)"
    fi
    {
      echo "pom-sha1=$(sha1sum "$REPO_DIR/pom.xml" | cut -d' ' -f1)"
      while read -r -d ':' jar || [[ -n $jar ]]; do
        jar=${jar%$'\n'}
        [[ $jar == *.jar && -f $jar ]] || continue
        ln -sf "$jar" "$SPARK_HOME_DIR/jars/${jar##*/}"
        echo "${jar##*/}"
        n=$((n + 1))
      done <"$cp"
    } >"$SPARK_HOME_DIR/.complete.tmp"
    ((n > 0)) || die "spark: the provided class path lists no jars (log: $log)"
    # drivers and executors log as the project's commands do (warnings, and our own INFO lines)
    ln -sfn "$REPO_DIR/conf/log4j2.properties" "$SPARK_HOME_DIR/conf/log4j2.properties"
    mv -f "$SPARK_HOME_DIR/.complete.tmp" "$SPARK_HOME_DIR/.complete"
    say spark "linked $n jars into $SPARK_HOME_DIR/jars"
  fi
  if command -v flock >/dev/null; then exec 8<&-; fi
}

# Replace every @@KEY@@ in TEMPLATE with its value and write OUT; an unknown placeholder is an
# error rather than a silently broken config. Pure bash, so values need no sed escaping.
render() { # TEMPLATE OUT KEY=VALUE...
  local tpl=$1 out=$2 text kv
  shift 2
  text=$(<"$tpl")
  for kv in "$@"; do text=${text//"@@${kv%%=*}@@"/"${kv#*=}"}; done
  if [[ $text =~ @@[A-Z0-9_]+@@ ]]; then die "$tpl: no value for placeholder ${BASH_REMATCH[0]}"; fi
  printf '%s\n' "$text" >"$out"
}

# Fresh state for a service that is not running: tests must not see a previous run's data.
reset_state() {
  local d
  d=$(svc_dir "$1")
  # LR_KEEP_DATA=1: start again on the data of the last run, as a node back from an outage
  [[ ${LR_KEEP_DATA:-0} == 1 ]] || rm -rf "$d/data"
  rm -rf "$d/logs" "$d/conf" "$(pid_file "$1")" "$(fragment_file "$1")"
  mkdir -p "$d/data" "$d/logs" "$d/conf"
}

# Launch helpers: each starts java with nohup as ONE simple command in the background, so $!
# is java's own pid (not a subshell's). stdin is /dev/null, stdout/stderr go to the log, and
# fd 9 (the state-dir lock) is closed. They return non-zero if the launch itself failed.

# A self-signed key (CN and SAN 127.0.0.1, so clients' hostname checks pass) in
# DIR/conf/keystore.p12 and its certificate in DIR/conf/truststore.p12 for the clients.
make_tls_stores() { # DIR (a service's conf dir)
  local keytool p=$TLS_STORE_PASSWORD
  keytool=$(dirname "$JAVA")/keytool
  "$keytool" -genkeypair -alias server -keyalg RSA -keysize 2048 -validity 3650 \
    -dname "CN=127.0.0.1" -ext "SAN=IP:127.0.0.1,DNS:localhost" -storetype PKCS12 \
    -keystore "$1/keystore.p12" -storepass "$p" -keypass "$p" &&
    "$keytool" -exportcert -alias server -rfc -keystore "$1/keystore.p12" -storepass "$p" \
      -file "$1/server.crt" &&
    "$keytool" -importcert -noprompt -alias server -file "$1/server.crt" -storetype PKCS12 \
      -keystore "$1/truststore.p12" -storepass "$p"
}

launch_kafka() {
  local d cp log4j cluster_id
  d=$(svc_dir kafka)
  cp="$SERVICES_DIR/kafka/lib/*"
  log4j="-Dlog4j.configuration=file:$SERVICES_DIR/kafka/log4j.properties"
  make_tls_stores "$d/conf" >>"$d/logs/format.log" 2>&1 </dev/null 9>&- || return 1
  render "$SERVICES_DIR/kafka/server.properties.template" "$d/conf/server.properties" \
    KAFKA_PORT="$KAFKA_PORT" KAFKA_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT" DATA_DIR="$d/data" \
    KAFKA_SASL_PORT="$KAFKA_SASL_PORT" KAFKA_SASL_USER="$KAFKA_SASL_USER" \
    KAFKA_SASL_PASSWORD="$KAFKA_SASL_PASSWORD" KAFKA_SASL_SSL_PORT="$KAFKA_SASL_SSL_PORT" \
    KEYSTORE="$d/conf/keystore.p12" TLS_STORE_PASSWORD="$TLS_STORE_PASSWORD"
  # KRaft refuses to start on an unformatted log dir; formatting needs a cluster id
  cluster_id=$("$JAVA" -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$d/logs/format.log" 9>&-) &&
    [[ $cluster_id =~ ^[A-Za-z0-9_-]{22}$ ]] || {
    echo "random-uuid printed '${cluster_id:-}'" >>"$d/logs/format.log"
    return 1
  }
  "$JAVA" "$log4j" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$d/conf/server.properties" >>"$d/logs/format.log" 2>&1 </dev/null 9>&- || return 1
  nohup "$JAVA" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true "$log4j" -cp "$cp" kafka.Kafka "$d/conf/server.properties" \
    >"$(log_file kafka)" 2>&1 </dev/null 9>&- &
  echo $! >"$(pid_file kafka)"
}

launch_cassandra() {
  launch_cassandra_node cassandra "$CASSANDRA_PORT" "$CASSANDRA_STORAGE_PORT" \
    "$CASSANDRA_SSL_STORAGE_PORT" AllowAllAuthenticator ""
}

# A second, separate node (its own cluster: it seeds from itself) that takes TLS clients only
# and demands a password.
launch_cassandra-auth() {
  local conf
  conf=$(svc_dir cassandra-auth)/conf
  make_tls_stores "$conf" >>"$(svc_dir cassandra-auth)/logs/keytool.log" 2>&1 </dev/null 9>&- ||
    return 1
  launch_cassandra_node cassandra-auth "$CASSANDRA_AUTH_PORT" "$CASSANDRA_AUTH_STORAGE_PORT" \
    "$CASSANDRA_AUTH_SSL_STORAGE_PORT" PasswordAuthenticator "client_encryption_options:
  enabled: true
  optional: false
  keystore: $conf/keystore.p12
  keystore_password: $TLS_STORE_PASSWORD
  store_type: PKCS12
  require_client_auth: false"
}

launch_cassandra_node() { # SERVICE PORT STORAGE_PORT SSL_STORAGE_PORT AUTHENTICATOR CLIENT_TLS_YAML
  local svc=$1 d
  d=$(svc_dir "$svc")
  render "$SERVICES_DIR/cassandra/cassandra.yaml.template" "$d/conf/cassandra.yaml" \
    CASSANDRA_PORT="$2" CASSANDRA_STORAGE_PORT="$3" \
    CASSANDRA_SSL_STORAGE_PORT="$4" CASSANDRA_AUTHENTICATOR="$5" CLIENT_ENCRYPTION="$6" \
    DATA_DIR="$d/data"
  # No cassandra.jmx.* properties: no JMX port is opened (nodetool will not work; tests do
  # not need it). ring_delay/gossip settle = 0 and unsafesystem (no fsync of system tables)
  # make startup and DDL fast; acceptable only because the data is throwaway.
  nohup "$JAVA" -Xms"$CASSANDRA_HEAP" -Xmx"$CASSANDRA_HEAP" -XX:MaxDirectMemorySize=256m \
    -XX:+ExitOnOutOfMemoryError "@$SERVICES_DIR/cassandra/jvm.opts" \
    -Dcassandra.config="file://$d/conf/cassandra.yaml" \
    -Dcassandra.storagedir="$d/data" \
    -Dcassandra.logdir="$d/logs" \
    -Dlogback.configurationFile="file://$SERVICES_DIR/cassandra/logback.xml" \
    -Dcassandra-foreground=yes \
    -Dcassandra.skip_wait_for_gossip_to_settle=0 \
    -Dcassandra.ring_delay_ms=0 \
    -Dcassandra.unsafesystem=true \
    -Dcassandra.superuser_setup_delay_ms=0 \
    -cp "$d/conf:$SERVICES_DIR/cassandra/lib/*" \
    org.apache.cassandra.service.CassandraDaemon \
    >"$(log_file "$svc")" 2>&1 </dev/null 9>&- &
  echo $! >"$(pid_file "$svc")"
}

launch_s3() {
  local d
  d=$(svc_dir s3)
  render "$SERVICES_DIR/s3/s3proxy.conf.template" "$d/conf/s3proxy.conf" \
    S3_PORT="$S3_PORT" S3_ACCESS_KEY="$S3_ACCESS_KEY" S3_SECRET_KEY="$S3_SECRET_KEY" DATA_DIR="$d/data"
  # filesystem-nio2: every directory under the base dir is a bucket, so this creates the
  # bucket without any S3 call
  mkdir -p "$d/data/$S3_BUCKET"
  nohup "$JAVA" -Xmx"$S3_HEAP" -XX:+ExitOnOutOfMemoryError \
    -Dlogback.configurationFile="file://$SERVICES_DIR/s3/logback.xml" \
    -cp "$SERVICES_DIR/s3/lib/*" org.gaul.s3proxy.Main --properties "$d/conf/s3proxy.conf" \
    >"$(log_file s3)" 2>&1 </dev/null 9>&- &
  echo $! >"$(pid_file s3)"
}

# Spark's master and workers run from SPARK_HOME as on any host of a standalone cluster; a worker
# starts each executor as a JVM of its own (java from JAVA_HOME, jars from SPARK_HOME/jars).
spark_daemon() { # SERVICE CLASS ARGS...
  local svc=$1 d
  d=$(svc_dir "$svc")
  shift
  mkdir -p "$d/data/local"
  nohup env SPARK_HOME="$SPARK_HOME_DIR" SPARK_SCALA_VERSION=2.12 JAVA_HOME="$JAVA17_HOME" \
    SPARK_LOCAL_IP="$HOST" SPARK_LOCAL_DIRS="$d/data/local" "$JAVA" -Xmx"$SPARK_DAEMON_HEAP" \
    -Dlog4j2.configurationFile="$SERVICES_DIR/spark/log4j2.properties" \
    @"$REPO_DIR/conf/spark-java17.jvmopts" -cp "$SPARK_HOME_DIR/conf:$SPARK_HOME_DIR/jars/*" "$@" \
    >"$(log_file "$svc")" 2>&1 </dev/null 9>&- &
  echo $! >"$(pid_file "$svc")"
}

launch_spark-master() {
  local d
  d=$(svc_dir spark-master)
  # the properties file puts this state dir on the command line (how running_pid knows it)
  printf '%s\n' "spark.master.rest.enabled false" >"$d/conf/spark-defaults.conf"
  spark_daemon spark-master org.apache.spark.deploy.master.Master --host "$HOST" \
    --port "$SPARK_MASTER_PORT" --webui-port "$SPARK_MASTER_UI_PORT" \
    --properties-file "$d/conf/spark-defaults.conf"
}

launch_spark_worker() { # SERVICE
  local i=0
  # a worker that finds no master waits 5-15 s before it tries again: let the master bind first
  until port_open "$SPARK_MASTER_PORT" || ((i++ >= 240)); do sleep 0.25; done
  spark_daemon "$1" org.apache.spark.deploy.worker.Worker --host "$HOST" \
    --cores "$SPARK_WORKER_CORES" --memory "$SPARK_WORKER_MEMORY" \
    --webui-port "$(worker_ui_port "$1")" --work-dir "$(svc_dir "$1")/data/work" \
    "spark://$HOST:$SPARK_MASTER_PORT"
}
launch_spark-worker-1() { launch_spark_worker spark-worker-1; }
launch_spark-worker-2() { launch_spark_worker spark-worker-2; }

is_ready() {
  case $1 in
    kafka) grep -q "Kafka Server started" "$(log_file kafka)" ;;
    cassandra) grep -q "Startup complete" "$(log_file cassandra)" ;; # logged after CQL listens
    # the superuser role appears after startup; before it, logins fail
    cassandra-auth) grep -q "Startup complete" "$(log_file cassandra-auth)" &&
      grep -q "Created default superuser role" "$(log_file cassandra-auth)" ;;
    s3) port_open "$S3_PORT" ;; # S3Proxy's "started" line differs between versions
    spark-master) grep -q "I have been elected leader" "$(log_file spark-master)" ;;
    spark-worker-*) grep -q "Successfully registered with master" "$(log_file "$1")" ;;
  esac
}

show_failure() { # SERVICE MESSAGE [LOG]
  local log=${3:-$(log_file "$1")}
  say "$1" "FAILED: $2; last 40 lines of $log:" >&2
  if [[ -f $log ]]; then tail -n 40 "$log" | sed 's/^/    /' >&2; fi
}

# SIGTERM the given services' recorded processes, wait up to STOP_TIMEOUT s, then SIGKILL.
# Only pids from our pid files that pass running_pid are ever signalled.
stop_services() {
  local svc pid deadline names=() pids=() left i n p
  for svc in "$@"; do
    if pid=$(running_pid "$svc"); then
      kill -TERM "$pid" 2>/dev/null || true # Kafka: controlled shutdown; Cassandra: drain
      names+=("$svc")
      pids+=("$pid")
    else
      if [[ -f $(pid_file "$svc") ]]; then say "$svc" "not running (removed stale pid file)"; else say "$svc" "not running"; fi
      rm -f "$(pid_file "$svc")" "$(fragment_file "$svc")"
    fi
  done
  deadline=$((SECONDS + STOP_TIMEOUT))
  while ((${#names[@]})); do
    left=()
    for i in "${!names[@]}"; do
      if ! pid_alive "${pids[$i]}"; then
        say "${names[$i]}" "stopped (pid ${pids[$i]}, $(elapsed) s)"
        rm -f "$(pid_file "${names[$i]}")" "$(fragment_file "${names[$i]}")"
      elif ((SECONDS >= deadline)); then
        kill -KILL "${pids[$i]}" 2>/dev/null || true
        say "${names[$i]}" "killed with SIGKILL after ${STOP_TIMEOUT} s (pid ${pids[$i]})"
        rm -f "$(pid_file "${names[$i]}")" "$(fragment_file "${names[$i]}")"
      else
        left+=("$i")
      fi
    done
    n=() p=()
    for i in "${left[@]}"; do n+=("${names[$i]}") && p+=("${pids[$i]}"); done
    names=("${n[@]}")
    pids=("${p[@]}")
    if ((${#names[@]})); then sleep 0.2; fi
  done
}

# ---------------------------------------------------------------------------------------------
# commands

cmd_start() {
  local svc pid f port busy=() to_start=() launched=() pending=() still=() failed=() deadline
  validate_config
  resolve_state_dir yes
  lock_state_dir

  for svc in "${SERVICES[@]}"; do
    if pid=$(running_pid "$svc"); then
      say "$svc" "already running (pid $pid), left as it is"
      f=$(fragment_file "$svc")
      if [[ -f $f && $(<"$f") != "$(fragment_for "$svc")" ]]; then
        say "$svc" "note: it runs with other settings than the current environment asks for"
      fi
    else
      to_start+=("$svc")
    fi
  done

  if ((${#to_start[@]})); then
    find_java17
    echo "java: $JAVA (17)"
    # a taken port would only surface as a bind error deep in a log, after a long wait
    for svc in "${to_start[@]}"; do
      for port in $(ports_of "$svc"); do
        if port_open "$port"; then busy+=("$HOST:$port ($svc)"); fi
      done
    done
    ((${#busy[@]} == 0)) || die "port(s) already in use: ${busy[*]}; another run? choose other ports (see --help)"

    for svc in "${to_start[@]}"; do
      case $svc in
        spark-*) ensure_spark_home ;;
        *) ensure_lib "${svc%-auth}" ;; # cassandra-auth: cassandra's jars
      esac
    done

    # Launch all, then wait for all: on 2 cores the JVMs overlap their startup. Cassandra
    # (slowest) goes first; Kafka last because its two format JVMs run in the foreground.
    for svc in cassandra cassandra-auth s3 kafka "${SPARK_SERVICES[@]}"; do
      [[ " ${to_start[*]} " == *" $svc "* ]] || continue
      reset_state "$svc"
      if "launch_$svc"; then
        fragment_for "$svc" >"$(fragment_file "$svc")"
        launched+=("$svc")
        say "$svc" "starting (pid $(<"$(pid_file "$svc")")), log $(log_file "$svc")"
      else
        show_failure "$svc" "could not launch" "$(svc_dir "$svc")/logs/format.log"
        failed+=("$svc")
      fi
    done

    # report each service as soon as it is ready
    pending=("${launched[@]}")
    deadline=$((SECONDS + START_TIMEOUT))
    while ((${#pending[@]})); do
      still=()
      for svc in "${pending[@]}"; do
        # just launched by us: liveness is enough (right after the fork, /proc/PID/cmdline can
        # still show this script rather than java, which running_pid would take for a stranger)
        pid=$(<"$(pid_file "$svc")")
        if ! pid_alive "$pid"; then
          show_failure "$svc" "the process exited during startup"
          rm -f "$(pid_file "$svc")" "$(fragment_file "$svc")"
          failed+=("$svc")
        elif is_ready "$svc"; then
          say "$svc" "ready after $(elapsed) s (pid $pid)"
        elif ((SECONDS >= deadline)); then
          show_failure "$svc" "not ready within ${START_TIMEOUT} s (LR_START_TIMEOUT)"
          stop_services "$svc" >/dev/null # do not leave a half-started server behind
          failed+=("$svc")
        else
          still+=("$svc")
        fi
      done
      pending=("${still[@]}")
      if ((${#pending[@]})); then sleep 0.25; fi
    done
  fi

  write_endpoints
  echo
  for svc in "${SERVICES[@]}"; do
    if running_pid "$svc" >/dev/null; then say "$svc" "$(endpoint_of "$svc")"; fi
  done
  if [[ -f $STATE_DIR/endpoints.properties ]]; then echo "(also in $STATE_DIR/endpoints.properties)"; fi
  if ((${#failed[@]})); then die "failed to start: ${failed[*]}"; fi
  if ((${#to_start[@]})); then echo "started ${to_start[*]} in $(elapsed) s"; fi
}

cmd_stop() {
  resolve_state_dir no
  if [[ ! -d $STATE_DIR ]]; then
    for svc in "${SERVICES[@]}"; do say "$svc" "not running"; done
    return 0
  fi
  lock_state_dir
  stop_services "${SERVICES[@]}"
  write_endpoints
}

cmd_status() {
  local svc pid rc=0
  resolve_state_dir no
  for svc in "${SERVICES[@]}"; do
    if [[ -d $STATE_DIR ]] && pid=$(running_pid "$svc"); then
      printf '%-10s %-8s %-11s %s\n' "$svc" running "pid $pid" "$(endpoint_of "$svc")"
    else
      printf '%-10s %s\n' "$svc" stopped
      rc=3
    fi
  done
  echo "state dir: $STATE_DIR"
  return $rc
}

# ---------------------------------------------------------------------------------------------
# arguments

COMMAND=""
SERVICES=()
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --state-dir) (($# >= 2)) || die "--state-dir needs a directory"; STATE_DIR=$2; shift ;;
    --state-dir=*) STATE_DIR=${1#*=} ;;
    -*) die "unknown option $1 (see --help)" ;;
    start | stop | status)
      [[ -z $COMMAND ]] || die "only one command allowed (got $COMMAND and $1)"
      COMMAND=$1 ;;
    kafka | cassandra | s3 | cassandra-auth)
      [[ " ${SERVICES[*]} " == *" $1 "* ]] || SERVICES+=("$1") ;;
    spark) SERVICES+=("${SPARK_SERVICES[@]}") ;;
    *) die "unknown command or service '$1' (see --help)" ;;
  esac
  shift
done
[[ -n $COMMAND ]] || { usage >&2; exit 2; }
# no names = the default three (stop: all); keep the canonical order for output
if ((${#SERVICES[@]} == 0)); then
  if [[ $COMMAND == stop ]]; then SERVICES=("${ALL_SERVICES[@]}"); else SERVICES=("${DEFAULT_SERVICES[@]}"); fi
else
  requested=" ${SERVICES[*]} "
  SERVICES=()
  for s in "${ALL_SERVICES[@]}"; do [[ $requested == *" $s "* ]] && SERVICES+=("$s"); done
fi

"cmd_$COMMAND"
