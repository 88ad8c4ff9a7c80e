#!/bin/sh
# map.sh BIN R PARTS FILE...: the national job's mapper, as xargs -P runs
# it: csvclean -p police-street FILE | crimerate --partial for each FILE,
# the partial counts to PARTS/NAME.part, the peak RSS (kB) of each
# process to R/map/STAGE.NAME, their messages to R/map/err.NAME and
# R/map/err2.NAME. $TIMER is the command that measures (it takes the file
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
for f; do
	n=${f##*/}
	n=${n%.csv}
	run "$R/map/csvclean.$n" "$bin/csvclean" -p police-street "$f" \
	    2>"$R/map/err.$n" |
	    run "$R/map/crimerate.$n" "$bin/crimerate" --partial \
	    >"$parts/$n.part" 2>"$R/map/err2.$n" || exit 255
done
