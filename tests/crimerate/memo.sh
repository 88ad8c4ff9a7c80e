# The records' key memo (read.c): a key met again after the memo forgot
# it (its slots full, or its text), keys too long to remember, counts of
# every size, two buckets a record, the same key bytes in two files or of
# two sources, and a bad row after good rows of the same key: every
# figure recounted here with awk, every message as before the memo.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
fail() { echo "$*"; exit 1; }

# 21,000 keys (3 months x 100 areas x 70 categories), more than the memo
# holds (16,384): in order with counts 0..5, backwards, then each twice in
# a row, a count past 32 bits among them
awk -v K=21000 'function row(i, n) {
	printf "2016-%02d,A%d,c%d,%s\n", i % 3 + 1, int(i / 3) % 100,
	    int(i / 300), n
}
BEGIN {
	print "date,area,category,count"
	for (i = 0; i < K; i++) row(i, i % 6)
	for (i = K - 1; i >= 0; i--) row(i, (i * 7 + 2) % 5 + 1)
	for (i = 0; i < K; i += 2) { row(i, 3); row(i, i == 42 ? "4294967296" : 1) }
}' >"$t/many.csv"
# 12,000 keys of 241-byte areas fill the memo's text (2 MiB) first; 5
# areas of 300 bytes make keys too long to be remembered
awk 'BEGIN {
	p = sprintf("%0230d", 0)
	q = sprintf("%0295d", 0)
	print "date,area,category,count"
	for (r = 0; r < 3; r++)
		for (i = 0; i < 12000; i++)
			printf "2016-%02d,L%s%010d,c%d,%d\n", i % 3 + 1, p,
			    int(i / 3) % 4000, int(i / 12000), r + 1
	for (r = 0; r < 4; r++)
		for (i = 0; i < 5; i++)
			printf "2016-01,X%s%04d,c0,%d\n", q, i, r
}' >"$t/long.csv"

# a record of two buckets whose second new group grows the table of
# groups (at 512 and 1,024 groups): one group of one bucket, then 2016-02
# in both the period and the comparison below, each key twice
awk 'BEGIN {
	print "date,area,category,count"
	print "2016-01,B0,c0,1"
	for (r = 0; r < 2; r++)
		for (i = 0; i < 2000; i++)
			printf "2016-02,B%d,d%d,%d\n", i % 100, int(i / 100), i % 4 + r
}' >"$t/grow.csv"

# the exact sums by key: --partial against awk
sums() { # file: date,area,category,sum,<stdin> sorted
	awk -F, 'NR > 1 { s[$1 "," $2 "," $3] += $4 }
	END { for (k in s) printf "%s,%.0f,<stdin>\n", k, s[k] }' "$1" |
	    LC_ALL=C sort
}
for f in many long; do
	sums "$t/$f.csv" >"$t/$f.want"
	crimerate --partial <"$t/$f.csv" >"$t/$f.part" || fail "$f: --partial failed"
	tail -n +2 "$t/$f.part" | LC_ALL=C sort >"$t/$f.got"
	cmp "$t/$f.want" "$t/$f.got" ||
	    { diff "$t/$f.want" "$t/$f.got" | head; fail "$f: partial sums"; }
done
[ "$(wc -l <"$t/many.want")" -eq 21000 ] || fail "not 21,000 keys"
[ "$(wc -l <"$t/long.want")" -eq 12005 ] || fail "not 12,005 keys"

# two buckets a record: a period and a comparison that overlap in
# 2016-02, each (area, category)'s count and prev_count recounted
for f in many grow; do
	awk -F, 'NR > 1 { k = $2 "," $3
		if ($1 <= "2016-02") c[k] += $4
		if ($1 >= "2016-02") p[k] += $4 }
	END { for (k in c) printf "%s,%.0f,%.0f\n", k, c[k], p[k] }' \
	    "$t/$f.csv" | LC_ALL=C sort >"$t/per.want"
	crimerate --period 2016-01..2016-02 --compare 2016-02..2016-03 \
	    --allow-partial "$t/$f.csv" >"$t/per.out" ||
	    fail "$f: the period run failed"
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) f[$i] = i; next }
	{ print $f["area"] "," $f["category"] "," $f["count"] "," \
	    $f["prev_count"] }' "$t/per.out" | LC_ALL=C sort >"$t/per.got"
	cmp "$t/per.want" "$t/per.got" || { diff "$t/per.want" "$t/per.got" |
	    head; fail "$f: period and comparison"; }
	wc -l <"$t/per.want" >>"$t/groups"
done
[ "$(cat "$t/groups")" = "$(printf '7000\n2001')" ] || fail "groups: $(cat "$t/groups")"
# and as a series of months, every month's count
awk -F, 'NR > 1 { s[$2 "," $3 "," $1] += $4 }
END { for (k in s) printf "%s,%.0f\n", k, s[k] }' "$t/many.csv" |
    LC_ALL=C sort >"$t/ser.want"
crimerate --by month "$t/many.csv" >"$t/ser.out" || fail "the series failed"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) f[$i] = i; next }
{ print $f["area"] "," $f["category"] "," $f["period"] "," $f["count"] }' \
    "$t/ser.out" | LC_ALL=C sort >"$t/ser.got"
cmp "$t/ser.want" "$t/ser.got" ||
    { diff "$t/ser.want" "$t/ser.got" | head; fail "series"; }

# the same key bytes in two files, each file its own source unit, and
# in one file under two values of a source column; keys whose fields
# differ with the same bytes end to end (Ab,c and A,bc)
printf 'date,area,category\n2016-01,A,x\n2016-01,A,x\n' >"$t/f1.csv"
printf '%s\n' date,area,category 2016-01,A,x 2016-01,A,y 2016-01,A,x \
    2016-01,A,x 2016-01,Ab,c 2016-01,A,bc 2016-01,Ab,c >"$t/f2.csv"
printf 'date,area,category,source\n2016-01,A,x,p\n2016-01,A,x,q\n2016-01,A,x,p\n' \
    >"$t/src.csv"
(cd "$t" && crimerate --partial f1.csv f2.csv src.csv) >"$t/two" ||
    fail "two files failed"
printf '%s\n' 'date,area,category,count,source' '2016-01,A,bc,1,f2.csv' \
    '2016-01,A,x,2,f1.csv' '2016-01,A,x,3,f2.csv' '2016-01,A,x,2,p' \
    '2016-01,A,x,1,q' '2016-01,A,y,1,f2.csv' '2016-01,Ab,c,2,f2.csv' \
    >"$t/two.want"
cmp "$t/two.want" "$t/two" || { diff "$t/two.want" "$t/two"; fail "two files"; }

# the key read from the row's bytes where its columns are neighbours
# and no field is quoted, copied where they are apart or a field is
# quoted: the same key either way, in any order of the columns
printf '%s\n' area,date,category A,2016-01,x '"A","2016-01","x"' \
    'A,"2016-01",x' A,2016-01,x A,2016-01,y '"A","2016-01","y"' >"$t/q1.csv"
printf '%s\n' category,count,date,area x,1,2016-01,A '"x",2,"2016-01","A"' \
    x,3,2016-01,A y,4,2016-01,A '"y","5","2016-01","A"' y,6,2016-01,Ab \
    >"$t/q2.csv"
(cd "$t" && crimerate --partial q1.csv q2.csv) >"$t/q" || fail "q failed"
printf '%s\n' 'date,area,category,count,source' '2016-01,A,x,4,q1.csv' \
    '2016-01,A,x,6,q2.csv' '2016-01,A,y,2,q1.csv' '2016-01,A,y,9,q2.csv' \
    '2016-01,Ab,y,6,q2.csv' >"$t/q.want"
cmp "$t/q.want" "$t/q" || { diff "$t/q.want" "$t/q"; fail "quoted keys"; }

# a bad row after good rows of the same key (the second of them found in
# the memo): the same message, line and column, exit 1
bad() { # args, stdin, the message wanted
	printf "$2" | crimerate $1 >/dev/null 2>"$t/err"
	rc=$?
	[ "$rc" = 1 ] || fail "$1 '$2': exit $rc"
	[ "$(cat "$t/err")" = "$3" ] ||
	    fail "$1 '$2': '$(cat "$t/err")', want '$3'"
}
H='date,area,category\n2016-01,Ashford,Burglary\n2016-01,Ashford,Burglary\n'
C='date,area,category,count\n2016-01,Ashford,Burglary,1\n2016-01,Ashford,Burglary,2\n'
for o in --partial "--by month" "--period 2016"; do
	bad "$o" "${H}2016-1x,Ashford,Burglary\n" "crimerate: <stdin>:4: column 'date': '2016-1x' is not a date (YYYY, YYYY-MM or YYYY-MM-DD) or a span of two (2015-10..2015-12)"
	bad "$o" "${H}2016-01,,Burglary\n" "crimerate: <stdin>:4: column 'area': empty area"
	bad "$o" "${H}2016-01,Ashford,\n" "crimerate: <stdin>:4: column 'category': empty category"
	bad "$o" "${H}2016-01,,\n" "crimerate: <stdin>:4: column 'area': empty area"
	bad "$o" "${H}\"2016-01\",\"Ashford\\0\",\"Burglary\"\n" "crimerate: <stdin>:4: column 'area': NUL byte"
	bad "$o" "${H},Ashford,Burglary\n" "crimerate: <stdin>:4: column 'date': '' is not a date (YYYY, YYYY-MM or YYYY-MM-DD) or a span of two (2015-10..2015-12)"
	bad "$o" "${C}2016-01,Ashford,Burglary,x\n" "crimerate: <stdin>:4: column 'count': 'x' is not a count"
	bad "$o" "${C}2016-01,Ashford,Burglary,9223372036854775805\n" "crimerate: <stdin>:4: column 'count': the sum of counts passes 2^63-1 (64 bits): area 'Ashford', category 'Burglary', $(
	    case $o in --partial) echo 2016-01 ;; --by*) echo 2016-01 ;; *) echo 2016 ;; esac)"
	bad "$o" 'date,area,category,source\n2016-01,Ashford,Burglary,p\n2016-01,Ashford,Burglary,p\n2016-01,Ashford,Burglary,\n' "crimerate: <stdin>:4: column 'source': empty source"
done
bad "--by month" "${H}2016,Ashford,Burglary\n" "crimerate: <stdin>:4: column 'date': '2016' is a year, coarser than the month buckets asked for"
exit 0
