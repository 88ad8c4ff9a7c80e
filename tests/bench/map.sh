#!/bin/sh
# map.sh BIN R PARTS FILE...: the national job's mapper, as xargs -P runs
# it: csvclean -p police-street FILE | crimerate --partial for each FILE,
# the partial counts to PARTS/NAME.part, the peak RSS (kB) of each
# process to R/map/STAGE.NAME, their messages to R/map/err.NAME and
# R/map/err2.NAME. With BATCH=1, one pipeline for all the FILEs given,
# csvclean reading them as one stream, NAME the first file's. $TIMER is the command that measures (it takes the file
# to write, then the command), split into words: the bench keeps its
# paths free of spaces. Without TIMER, nothing is measured: the timed
# runs, which a process more per process would slow.
bin=$1 R=$2 parts=$3
shift 3
run() {
	_o=$1
	shift
	if [ -n "${TIMER:-}" ]; then
		$TIMER "$_o" "$@"
	else
		"$@"
	fi
}
map() {    # NAME FILE...
	_n=$1
	shift
	run "$R/map/csvclean.$_n" "$bin/csvclean" -p police-street "$@" \
	    2>"$R/map/err.$_n" |
	    run "$R/map/crimerate.$_n" "$bin/crimerate" --partial \
	    >"$parts/$_n.part" 2>"$R/map/err2.$_n" || exit 255
}
if [ "${BATCH:-0}" = 1 ]; then
	n=${1##*/}
	map "${n%.csv}" "$@"
	exit 0
fi
for f; do
	n=${f##*/}
	map "${n%.csv}" "$f"
done
