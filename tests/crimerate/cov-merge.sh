# Coverage survives --partial | --merge: merged partials give one run's
# output byte for byte, its errors and status too, for sources told
# apart by file and by a source column, zero counts included.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
run() { # name files...: one run and the merge of the files' partials
	n=$1; shift
	for f in "$@"; do crimerate --partial "$f" >"$t/${f##*/}.part" || exit 1; done
	for o in "--period sa2016" "--period sa2016 --allow-partial" \
	    "--period sa2017" "--period sa2017 --allow-partial" \
	    "--period 12m:2016-03" "--period fy2016 --compare none --allow-partial" \
	    "--by quarter" "--by month --allow-partial" \
	    "--by quarter --period 2016 --allow-partial"; do
		for c in "" "--categories cov-cats.csv --rollup cov-rollup.csv"; do
			crimerate $o $c "$@" >"$t/one" 2>"$t/one.err"; a=$?
			for f in "$@"; do cat "$t/${f##*/}.part"; done |
			    crimerate --merge $o $c >"$t/m" 2>"$t/m.err"; b=$?
			[ "$a" = "$b" ] || { echo "$n $o $c: exit $a vs $b"; exit 1; }
			cmp "$t/one" "$t/m" || { echo "$n $o $c: stdout"; exit 1; }
			cmp "$t/one.err" "$t/m.err" || { echo "$n $o $c: stderr"; exit 1; }
		done
	done
}
run files cov-street.csv cov-ae.csv
run column cov-stream.csv
run middle cov-middle.csv cov-zero.csv cov-flat.csv
# the partial keeps the source and the zero counts
crimerate --partial cov-stream.csv >"$t/p" || exit 1
head -1 "$t/p" | grep -qx 'date,area,category,count,source' || { echo "partial header"; exit 1; }
grep -qx '2014-10,Dartford,Assault (A&E),5,A&E' "$t/p" || { echo "no source value"; exit 1; }
grep -qx '2014-10,Dartford,Robbery,0,police.uk' "$t/p" || { echo "zero count lost"; exit 1; }
# two files, one source column name given with -c
sed '1s/source$/origin/' cov-stream.csv >"$t/o.csv"
crimerate --period sa2016 -c source=origin "$t/o.csv" 2>"$t/e" && exit 1
grep -q "from A&E (Assault (A&E)) in 2016-04..2016-09" "$t/e" || { echo "-c source"; exit 1; }
exit 0
