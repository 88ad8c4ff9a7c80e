#!/bin/sh
# The fuzz smoke: run.sh BUILD SECONDS runs every BUILD/fuzz-* target for
# SECONDS on a seed corpus made from the test cases (seeds.sh), one after
# the other, and ends "N passed, N failed". A crash, a sanitizer report, a
# failed check, a leak, a timeout (10 s an input) or an out-of-memory
# (2 GiB) is a failure (leaks: see below); its input is kept as BUILD/crash-TARGET-*.
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build-fuzz}
secs=${2:-20}
cd "$top" || exit 2
SAPIPE_PROFILES=$top/lib/profiles
export SAPIPE_PROFILES
sh tests/fuzz/seeds.sh "$build/corpus" >/dev/null || exit 2
pass=0 fail=0
for f in "$build"/fuzz-*; do
	[ -x "$f" ] || continue
	t=${f##*/fuzz-}
	seeds=$(ls "$build/corpus/$t" | wc -l)
	# The targets that compile a tool in end some inputs by a jump out
	# of errx(); a tool may leave its memory to exit(3) there, so leaks
	# are looked for in the library targets (and by check-san and
	# valgrind on whole runs), not in these.
	leaks=1
	case $t in csvclean|crimerate|sarender|sapriority) leaks=0 ;; esac
	ASAN_OPTIONS=detect_leaks=$leaks "$f" -max_total_time="$secs" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 -detect_leaks=$leaks \
	    -artifact_prefix="$build/crash-$t-" "$build/corpus/$t" \
	    >"$build/fuzz-$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
	    "$build/fuzz-$t.log")
	size=$(ls "$build/corpus/$t" | wc -l)
	if [ "$rc" = 0 ]; then
		pass=$((pass + 1))
		echo "fuzz $t: ${runs:-?} runs in $secs s, corpus $seeds -> $size, no finding"
	else
		fail=$((fail + 1))
		echo "FAIL fuzz $t: exit $rc after ${runs:-?} runs (log $build/fuzz-$t.log)"
		grep -m5 -E 'FINDING|ERROR|SUMMARY|runtime error' \
		    "$build/fuzz-$t.log" | sed 's/^/    /'
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
