#!/usr/bin/env bash
# The Strategic Assessment, unattended: runs the pipeline script (sa.sh)
# into a fresh folder beside OUTDIR and moves its files into OUTDIR only
# when every stage succeeded. Otherwise OUTDIR keeps the last good run,
# the failed run is kept in OUTDIR.failed, the logs go to stderr and the
# exit status is 1, so cron mails them. Silent when all is well.
# Rejects: each csvclean stops the run when its source's rejects pass its
# --max-rejects (set in the profile or on sa.sh's command line). The
# rejected rows (*-rejects.csv) are never published: they go to
# OUTDIR.rejects, readable by the owner only.
# Usage: sa-cron.sh OUTDIR [SCRIPT]      (SCRIPT: ../sa.sh from here)
set -uo pipefail
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: sa-cron.sh OUTDIR [SCRIPT]" >&2; exit 2; }
dest=${1%/}
script=${2:-$(dirname "$0")/../sa.sh}
[ -f "$script" ] || { echo "sa-cron: no $script" >&2; exit 2; }
mkdir -p "$(dirname "$dest")" || exit 1

# One run at a time: a slow run must not be overtaken by the next.
if command -v flock >/dev/null; then
	exec 9>"$dest.lock" && flock -n 9 ||
	    { echo "sa-cron: $dest: another run holds $dest.lock" >&2; exit 1; }
fi

# The new run is built on the same file system as OUTDIR, so that moving
# each file into place is a rename: a reader sees the old file or the new,
# never a part.
tmp=$(mktemp -d "$dest.new.XXXXXX") || exit 1
bash "$script" "$tmp" >/dev/null 2>"$tmp/stderr.txt"
rc=$?
if [ $rc != 0 ]; then
	rm -rf "$dest.failed"
	mv "$tmp" "$dest.failed"
	{
		echo "sa-cron: $script failed (exit $rc) at $(date '+%Y-%m-%d %H:%M')."
		echo "The last good outputs in $dest are unchanged; this run is in $dest.failed."
		echo
		cat "$dest.failed/stderr.txt"
	} >&2
	exit 1
fi
mkdir -p "$dest" && mkdir -p -m 700 "$dest.rejects" && chmod 700 "$dest.rejects" || exit 1
rm -f "$dest"/*-rejects.csv # published by older versions of this script
for f in "$tmp"/*; do
	case ${f##*/} in
	*-rejects.csv) to=$dest.rejects ;;
	*) to=$dest ;;
	esac
	mv -f "$f" "$to/" || { echo "sa-cron: cannot move $f into $to" >&2; exit 1; }
done
rmdir "$tmp"
rm -rf "$dest.failed"
exit 0
