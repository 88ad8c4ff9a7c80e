# --threads and --chunk: their usage errors, a profile cannot set them,
# and a file of two chunks or more is read by that many threads (seen in
# /proc while the output waits to be read), by default one for each
# processor taskset leaves it, with the output of one.
set -e
d=$TMPDIR/threads-opts.$$
mkdir "$d"
printf 'id,n\na,1\n' >"$d/small.csv"
for bad in "--threads 0" "--threads 65" "--threads x" "--threads 2x" \
    "--chunk 0" "--chunk 1T" "--chunk -1" "--chunk M"; do
	if csvclean $bad "$d/small.csv" >"$d/out" 2>"$d/err"; then
		echo "$bad: accepted"; exit 1
	else
		rc=$?
	fi
	[ "$rc" -eq 2 ] || { echo "$bad: exit $rc, want 2"; exit 1; }
	grep -q "invalid value\|give 1 or more" "$d/err" ||
	    { echo "$bad:"; cat "$d/err"; exit 1; }
done
printf 'threads 2\n' >"$d/p"
if csvclean -p "$d/p" "$d/small.csv" >/dev/null 2>"$d/err"; then
	echo "a profile set --threads"; exit 1
fi
grep -q "p:1: threads: give it on the command line, not in a profile" \
    "$d/err"
printf 'chunk 1K\n' >"$d/p"
if csvclean -p "$d/p" "$d/small.csv" >/dev/null 2>"$d/err"; then
	echo "a profile set --chunk"; exit 1
fi

# 100,000 rows, 2.6 MB, 2.2 MB out (more than the pipe and the output
# buffer hold): 40 chunks of 64 KB.
awk 'BEGIN { print "id,n,text"; for (i = 0; i < 100000; i++)
    printf "id%05d,%d,some text\n", i % 60000, i }' >"$d/big.csv"
csvclean --threads 1 --dedup id --stats "$d/big.csv" >"$d/one" 2>"$d/one.err"
grep -q 'read 100000, written 60000, rejected 0, duplicates 40000' \
    "$d/one.err"

# The output goes to a FIFO that nobody reads yet: csvclean blocks on it
# with its threads started. Count them, then read.
tasks() {
	mkfifo "$d/fifo"
	exec 3<>"$d/fifo"
	$pre csvclean "$@" --dedup id --stats "$d/big.csv" >"$d/fifo" \
	    2>"$d/par.err" 3<&- &
	pid=$!
	n=0 i=0
	while [ $i -lt 400 ]; do
		n=$(ls /proc/$pid/task 2>/dev/null | wc -l)
		[ "$n" -ge "$want" ] && break
		sleep 0.05
		i=$((i + 1))
	done
	# (one thread: none may come later either)
	if [ "$want" -eq 1 ]; then
		sleep 0.3
		n=$(ls /proc/$pid/task 2>/dev/null | wc -l)
	fi
	# (a reader of its own before the first goes, which also writes)
	exec 4<"$d/fifo"
	cat <&4 >"$d/par" 3<&- &
	cat=$!
	exec 3<&- 4<&-
	wait $pid
	wait $cat
	rm "$d/fifo"
	cmp "$d/one" "$d/par"
	cmp "$d/one.err" "$d/par.err"
}
pre=
want=3
tasks --threads 2 --chunk 64K
[ "$n" -eq 3 ] || { echo "--threads 2: $n threads, want 3 (2 and the main one)"; exit 1; }
want=1
tasks --threads 1 --chunk 64K
[ "$n" -eq 1 ] || { echo "--threads 1: $n threads, want 1"; exit 1; }
# under two chunks: one thread, whatever --threads says
want=1
tasks --threads 2 --chunk 2M
[ "$n" -eq 1 ] || { echo "one chunk: $n threads, want 1"; exit 1; }
# by default, a thread for each processor it may run on: one under
# taskset -c 0, two (and the main one) under taskset on two
if command -v taskset >/dev/null; then
	want=1 pre="taskset -c 0"
	tasks --chunk 64K
	[ "$n" -eq 1 ] || { echo "taskset -c 0: $n threads, want 1"; exit 1; }
	cpus=$(taskset -pc $$ | sed 's/.*: //')
	case $cpus in
	0-[1-9]* | 0,1*)
		want=3 pre="taskset -c 0,1"
		tasks --chunk 64K
		[ "$n" -eq 3 ] ||
		    { echo "taskset -c 0,1: $n threads, want 3"; exit 1; } ;;
	esac
	pre=
fi
# gzip: not cut into chunks (its one inflating thread aside), the same
# output
gzip -c "$d/big.csv" >"$d/big.csv.gz"
csvclean --threads 2 --chunk 64K --dedup id "$d/big.csv.gz" | cmp - "$d/one"
rm -r "$d"
