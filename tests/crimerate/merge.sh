# Partials of parts, merged, equal one run over the whole, byte for byte:
# the hand fixture cut into three, and the real data cut by year.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
# One run over the parts and the merge of their partials agree on
# stdout, stderr (gaps name the parts) and status; a run over the whole
# files, when it succeeds, has the same stdout.
same() { # "whole files" parts...
	whole=$1; shift
	for p in "$@"; do crimerate --partial "$p" >"$p.part" || exit 1; done
	for o in "--period sa2016" "--by month" "--by quarter --period sa2016" \
	    "--period 2016 --compare 2015q1" "--period 2016 --compare 2015q1 --allow-partial" \
	    "--by month --allow-partial" "--period sa2017"; do
		crimerate $o $opts "$@" >"$t/one" 2>"$t/one.err"; a=$?
		for p in "$@"; do cat "$p.part"; done |
		    crimerate --merge $o $opts >"$t/merged" 2>"$t/merged.err"; b=$?
		[ "$a" = "$b" ] || { echo "$o: exit $a vs $b"; exit 1; }
		cmp "$t/one" "$t/merged" || { echo "$o: differs"; exit 1; }
		cmp "$t/one.err" "$t/merged.err" || { echo "$o: stderr"; exit 1; }
		[ "$a" != 0 ] || crimerate $o $opts $whole 2>/dev/null |
		    cmp -s - "$t/one" || { echo "$o: whole differs"; exit 1; }
	done
	# merging partials into a partial equals the partial of the parts
	crimerate --partial "$@" >"$t/pw"
	crimerate --merge --partial "$@" >/dev/null || exit 1
	for p in "$@"; do cat "$p.part"; done | crimerate --merge --partial >"$t/pm"
	cmp "$t/pw" "$t/pm" || { echo "partial of partials differs"; exit 1; }
}

head -1 hand.csv >"$t/h"
for i in 1 2 3; do cp "$t/h" "$t/hand$i"; done
tail -n +2 hand.csv | awk -v d="$t" '{ print >> (d "/hand" (NR % 3 + 1)) }'
opts="--population pop.csv --categories cats.csv --rollup rollup.csv"
cp months.csv "$t/months"
same "hand.csv months.csv" "$t/hand1" "$t/hand2" "$t/hand3" "$t/months"
# without the months of zero counts the hand fixture has gaps: the same
# errors from one run and from the merge
same hand.csv "$t/hand1" "$t/hand2" "$t/hand3"
[ "$(crimerate --period sa2016 $opts hand.csv months.csv 2>/dev/null | wc -l)" = 25 ] ||
    { echo "hand fixture: wrong row count"; exit 1; }

# quarters as spans (2015-10..2015-12): cut in two, the same; --by month
# fails alike from one run and from the merge
head -1 quarters.csv >"$t/q1"
cp "$t/q1" "$t/q2"
tail -n +2 quarters.csv | awk -v d="$t" '{ print >> (d "/q" (NR % 2 + 1)) }'
opts="--population $PWD/pop.csv"
cp quarters-gap.csv "$t/qg"
for p in q1 q2 qg; do (cd "$t" && crimerate --partial $p >$p.part) || exit 1; done
for o in "--period sa2016" "--by quarter --period sa2016" "--period 2016 --compare 2015q1" \
    "--by quarter" "--period sa2017" "--by month" "--period 2016-01..2016-05"; do
	for f in "quarters.csv q1 q2" "quarters-gap.csv qg"; do
		set -- $f
		whole=$1
		shift
		(cd "$t" && crimerate $o $opts "$@") >"$t/one" 2>"$t/one.err"; a=$?
		for p in "$@"; do cat "$t/$p.part"; done |
		    crimerate --merge $o $opts >"$t/merged" 2>"$t/merged.err"; b=$?
		[ "$a" = "$b" ] || { echo "spans $o: exit $a vs $b"; exit 1; }
		cmp "$t/one" "$t/merged" || { echo "spans $o: differs"; exit 1; }
		# a coarse record is named where it is read: only that differs
		sed 's/^crimerate: [^ ]*:[0-9]*: //' "$t/one.err" >"$t/e1"
		sed 's/^crimerate: [^ ]*:[0-9]*: //' "$t/merged.err" >"$t/e2"
		cmp "$t/e1" "$t/e2" || { echo "spans $o: stderr"; exit 1; }
		[ "$a" != 0 ] || crimerate $o $opts $whole 2>/dev/null |
		    cmp -s - "$t/one" || { echo "spans $o: whole differs"; exit 1; }
	done
done

data=${TOP:-../..}/tests/data/police-outcomes-by-force-2012-16.csv
[ -f "$data" ] || { echo "no $data"; exit 1; }
command -v csvclean >/dev/null || { echo "csvclean is not built"; exit 77; }
csvclean --rename 'Year=date,f0_=count,crime_type=category,reported_by=area' \
    --date date=%Y "$data" >"$t/rec.csv" || exit 1
for y in 2012 2013 2014 2015 2016; do
	awk -F, -v y=$y 'NR == 1 || $1 == y' "$t/rec.csv" >"$t/y$y"
done
opts=""
# year data: only whole-year periods apply
for p in "$t"/y*; do crimerate --partial "$p" >"$p.part" || exit 1; done
for o in "--period 2016" "--by year" "--period 2013"; do
	crimerate $o "$t/rec.csv" >"$t/one" || exit 1
	cat "$t"/y*.part | crimerate --merge $o >"$t/merged" || exit 1
	cmp "$t/one" "$t/merged" || { echo "real $o: differs"; exit 1; }
done
