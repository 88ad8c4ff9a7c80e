# SIGTERM (and SIGINT) during csvclean -o FILE on a slow input: no
# partial FILE and no temporary file are left behind, and a FILE that
# was there before is untouched.
. ./common.inc
need csvclean
for sig in TERM INT; do
	mkdir "$t/$sig"
	echo old >"$t/$sig/keep.csv"
	{ echo a,b; seq 1 1000 | sed 's/$/,x/'; sleep 30; echo 1,2; } |
	    csvclean -o "$t/$sig/out.csv" 2>/dev/null &
	pid=$!
	# let it read and write what it has, then signal csvclean alone
	sleep 1
	cpid=$(pgrep -n -P $$ -x csvclean || true)
	for p in $(pgrep -P $$); do
		[ "$(cat /proc/$p/comm 2>/dev/null)" = csvclean ] && cpid=$p
	done
	[ -n "$cpid" ] || { echo "FAIL: csvclean not found"; fails=$((fails + 1)); continue; }
	ls -a "$t/$sig" | grep -q '^\.out\.csv\.' || { echo "FAIL: no temporary file while running"; fails=$((fails + 1)); }
	kill -$sig "$cpid"
	wait $pid 2>/dev/null
	left=$(ls -A "$t/$sig")
	check "SIG$sig: only keep.csv left, found: $left" "$left" = keep.csv
	same "$t/$sig/keep.csv" 'old\n'
done
pkill -P $$ sleep 2>/dev/null
done_
