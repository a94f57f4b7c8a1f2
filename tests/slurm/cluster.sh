#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine for the scale-out test (tests/slurm/shards_test.sh), or
# reuses the one already running. Needs root (it starts munged, slurmctld and slurmd as daemons) and
# Debian's slurm-wlm and munge (bash bootstrap.sh test installs them).
#
# Everything lives under FLOWCOST_SLURM_DIR (default /var/lib/flowcost-slurm): slurm.conf (this host's short
# name, its CPU count), state, spool, logs, pid files. /etc/slurm is not touched: clients find the cluster
# through SLURM_CONF=$FLOWCOST_SLURM_DIR/slurm.conf. The munge key is Debian's /etc/munge/munge.key (created
# here when missing).
#
# Exit status 0 when the cluster answers and its node is up; anything else is a failure, with the reason and
# the tail of the daemons' logs on standard error.
set -euo pipefail

dir="${FLOWCOST_SLURM_DIR:-/var/lib/flowcost-slurm}"
conf="$dir/slurm.conf"
export SLURM_CONF="$conf"

fail() {
  echo "cluster.sh: $*" >&2
  for log in "$dir/slurmctld.log" "$dir/slurmd.log" "$dir/munged.log"; do
    [ -f "$log" ] && { echo "--- tail of $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

[ "$(id -u)" -eq 0 ] || fail "must run as root (it starts munged, slurmctld and slurmd)"
for tool in munged mungekey slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || fail "$tool not found: install slurm-wlm and munge"
done
PATH="$PATH:/usr/sbin"

host="$(hostname -s)"
cpus="$(nproc)"

node_up() {
  scontrol ping 2>/dev/null | grep -q "is UP" &&
    sinfo -h -n "$host" -o "%t" 2>/dev/null | grep -Eq "^(idle|mix|alloc|comp)"
}

if [ -f "$conf" ] && node_up; then
  echo "cluster.sh: reusing the running cluster (node $host)"
  exit 0
fi

mkdir -p "$dir/state" "$dir/spool"

# munge: the key, then the daemon (as user munge, as its package runs it).
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile /etc/munge/munge.key
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge
chmod 0755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged --force >"$dir/munged.log" 2>&1 || fail "munged did not start"
  for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n | unmunge >/dev/null 2>&1 || fail "munge does not answer"
fi

cat >"$conf" <<CONF
# Written by flowcost tests/slurm/cluster.sh: a one-node cluster for the scale-out test.
ClusterName=flowcost
SlurmctldHost=$host
AuthType=auth/munge
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=flowcost Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

# A daemon of an earlier configuration (another host name or CPU count) is stopped by its pid file first.
for daemon in slurmd slurmctld; do
  pidfile="$dir/$daemon.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.1; done
  fi
done

slurmctld -f "$conf" -i || fail "slurmctld did not start"
for _ in $(seq 1 100); do scontrol ping 2>/dev/null | grep -q "is UP" && break; sleep 0.2; done
scontrol ping 2>/dev/null | grep -q "is UP" || fail "slurmctld does not answer"
slurmd -f "$conf" || fail "slurmd did not start"
for _ in $(seq 1 150); do node_up && break; sleep 0.2; done
if ! node_up; then
  scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do node_up && break; sleep 0.2; done
fi
node_up || fail "node $host is not up: $(sinfo -h -n "$host" -o '%t %E' 2>&1)"
echo "cluster.sh: one-node cluster up (node $host, $cpus CPUs, SLURM_CONF=$conf)"
