#!/usr/bin/env bash
# End-to-end test of the SLURM scripts on a one-node cluster started here:
# installs Debian's slurm-wlm and munge when missing (needs root and the
# Debian archive), starts munged, slurmctld and slurmd on the loopback
# address with a configuration, key and state of their own in a temporary
# folder (nothing in /etc is changed; SLURM_CONF points the commands at
# it), submits a 4-shard sweep through sweep.sbatch as a job array and the
# merge through merge.sbatch as a job depending on it, and compares the
# merged folder with the same sweep run whole: timeseries.csv and
# points.csv byte for byte, runs.csv but for its wall_seconds column. The
# daemons it started are stopped by their PIDs however it ends (trap), so it
# can run again at once.
#
#   scripts/slurm/test-local.sh        (from anywhere; builds smesim if needed)
#
# Environment: SMESIM (the binary; default .build/release/smesim), TIMEOUT
# (seconds to wait for the jobs, default 300), KEEP=1 keeps the folder.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
smesim=${SMESIM:-$repo/.build/release/smesim}
timeout=${TIMEOUT:-300}
shards=4
started=$(date +%s.%N)
elapsed() { awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }'; }
say() { echo "test-local: $* ($(elapsed) s)"; }

[ "$(id -u)" -eq 0 ] || { echo "test-local: needs root (to install packages and run the daemons)" >&2; exit 2; }
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
  || ! command -v munged >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends slurm-wlm munge >/dev/null
  say "installed slurm-wlm and munge"
fi
[ -x "$smesim" ] || (cd "$repo" && swift build -c release)

# ---------- a cluster of its own in $D ----------
D=$(mktemp -d /tmp/smesim-slurm.XXXXXX)
chmod 755 "$D"
mkdir -p "$D"/{state,spool,log,work}
install -d -o munge -g munge -m 0755 "$D/munge"
dd if=/dev/urandom of="$D/munge/munge.key" bs=1024 count=1 status=none
chown munge:munge "$D/munge/munge.key"
chmod 0400 "$D/munge/munge.key"

pids=() jobs=()
stop_daemons() {
  set +e
  # Jobs still queued or running (a failure, a timeout) are cancelled first,
  # so no job outlives the cluster.
  if [ "${#jobs[@]}" -gt 0 ] && [ "${#pids[@]}" -ge 3 ]; then
    scancel "${jobs[@]}" 2>/dev/null
    for _ in $(seq 1 50); do squeue -h 2>/dev/null | grep -q . || break; sleep 0.1; done
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then echo "test-local: PID $pid does not stop; killing it" >&2; kill -9 "$pid" 2>/dev/null; fi
  done
  [ "${KEEP:-0}" = 1 ] && echo "test-local: kept $D" || rm -rf "$D"
}
trap stop_daemons EXIT
trap 'exit 130' INT TERM HUP

# Two free TCP ports for slurmctld and slurmd.
free_port() {
  local port
  for port in $(seq "$1" "$(($1 + 200))"); do
    if ! ss -Hltn "sport = :$port" | grep -q .; then echo "$port"; return 0; fi
  done
  return 1
}
ctld_port=$(free_port 16817)
slurmd_port=$(free_port $((ctld_port + 1)))
host=$(hostname -s)
memory=$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo)
export SLURM_CONF=$D/slurm.conf
cat > "$SLURM_CONF" <<CONF
ClusterName=smesimtest
SlurmctldHost=${host}(127.0.0.1)
SlurmctldPort=${ctld_port}
SlurmdPort=${slurmd_port}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=${D}/munge/munge.socket
StateSaveLocation=${D}/state
SlurmdSpoolDir=${D}/spool
SlurmctldPidFile=${D}/slurmctld.pid
SlurmdPidFile=${D}/slurmd.pid
SlurmctldLogFile=${D}/log/slurmctld.log
SlurmdLogFile=${D}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
MinJobAge=600
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
NodeName=${host} NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=${memory} State=UNKNOWN
PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF

waitfile() { for _ in $(seq 1 100); do [ -s "$1" ] && return 0; sleep 0.1; done; echo "test-local: no $1" >&2; return 1; }
runuser -u munge -- munged --socket="$D/munge/munge.socket" --key-file="$D/munge/munge.key" \
  --pid-file="$D/munge/munged.pid" --log-file="$D/munge/munged.log" --seed-file="$D/munge/munged.seed"
waitfile "$D/munge/munged.pid"; pids+=("$(cat "$D/munge/munged.pid")")
munge --socket="$D/munge/munge.socket" -n | unmunge --socket="$D/munge/munge.socket" >/dev/null
slurmctld; waitfile "$D/slurmctld.pid"; pids+=("$(cat "$D/slurmctld.pid")")
slurmd; waitfile "$D/slurmd.pid"; pids+=("$(cat "$D/slurmd.pid")")
for _ in $(seq 1 150); do [ "$(sinfo -h -o %t 2>/dev/null)" = idle ] && break; sleep 0.2; done
[ "$(sinfo -h -o %t)" = idle ] || { echo "test-local: the node is not idle: $(sinfo)" >&2; exit 1; }
say "cluster up (munged, slurmctld, slurmd: PIDs ${pids[*]}; ports $ctld_port, $slurmd_port)"

# ---------- the sweep: sharded through SLURM, and whole ----------
sweep=$repo/Simulations/sweeps/commission-logistics.json
small=(--set firms.count=2000 --set horizon=36)
results=$D/work/results
cd "$D/work"
array=$(sbatch --parsable --array=1-$shards --cpus-per-task=1 --output="$D/log/sweep-%A_%a.out" \
  --export=ALL,SMESIM="$smesim" "$repo/scripts/slurm/sweep.sbatch" "$sweep" "$shards" "$results" "${small[@]}")
merge=$(sbatch --parsable --dependency=afterok:"$array" --output="$D/log/merge-%j.out" \
  --export=ALL,SMESIM="$smesim" "$repo/scripts/slurm/merge.sbatch" "$shards" "$results")
jobs=("$array" "$merge")
say "submitted array job $array ($shards shards) and merge job $merge (afterok)"
"$smesim" sweep "$sweep" "${small[@]}" --out "$D/work/whole" --threads 1 --quiet

deadline=$(($(date +%s) + timeout))
while squeue -h -j "$array,$merge" 2>/dev/null | grep -q .; do
  if [ "$(date +%s)" -ge "$deadline" ]; then squeue; cat "$D"/log/*.out; echo "test-local: timed out" >&2; exit 1; fi
  sleep 0.2
done
states=$(scontrol -o show job "$array" | grep -o 'JobState=[A-Z]*' | sort | uniq -c | tr -s ' ')
merge_state=$(scontrol -o show job "$merge" | grep -o 'JobState=[A-Z]*')
if [ "$states" != " $shards JobState=COMPLETED" ] || [ "$merge_state" != JobState=COMPLETED ]; then
  echo "test-local: array:$states; merge: $merge_state" >&2; cat "$D"/log/*.out >&2; exit 1
fi
say "array and merge jobs COMPLETED"

# ---------- the merged folder is the whole sweep's ----------
merged=$results/merged
cmp "$merged/timeseries.csv" "$D/work/whole/timeseries.csv"
cmp "$merged/points.csv" "$D/work/whole/points.csv"
wall=$(head -n 1 "$merged/runs.csv" | tr ',' '\n' | grep -n '^wall_seconds' | cut -d: -f1)
cmp <(cut -d, -f"1-$((wall - 1)),$((wall + 1))-" "$merged/runs.csv") <(cut -d, -f"1-$((wall - 1)),$((wall + 1))-" "$D/work/whole/runs.csv")
"$smesim" sweep "$sweep" "${small[@]}" --out "$merged" 2>&1 | grep -q "the sweep is complete (40 runs); nothing to run"
for shard in $(seq 1 $shards); do grep -q "exit code 0" "$D/log/sweep-${array}_$shard.out"; done
say "ok: $shards shards through sbatch, merged by the dependent job: timeseries.csv, points.csv and runs.csv (but wall_seconds) equal the whole sweep's"

stop_daemons
trap - EXIT
for pid in "${pids[@]}"; do
  if kill -0 "$pid" 2>/dev/null; then echo "test-local: PID $pid still running" >&2; exit 1; fi
done
say "daemons stopped"
