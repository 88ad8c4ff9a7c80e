# csvclean --report on real police.uk street rows (tests/data/policeuk:
# two forces, three months, Cumbria's 2016-12 file left out): every figure
# of the report against an independent recount (report-recount.py), and
# the edges: duplicates across files, CRLF with a BOM, a force whose files
# stop early, no rows, one row, all rows without a location, a column
# missing, the report path clashing or not writable.
set -e
command -v python3 >/dev/null || exit 77
d=$TMPDIR/report.$$
mkdir "$d"
rc=$PWD/report-recount.py
cd "$TOP/tests/data/policeuk"
all="2016-11-cumbria-street.csv 2016-11-durham-street.csv
2016-12-durham-street.csv 2017-01-cumbria-street.csv 2017-01-durham-street.csv"
run() { # REPORT FILE... : csvclean -p police-street with a report
	r=$1
	shift
	csvclean -p police-street --max-rejects 100% --stats --report "$r" \
	    -o "$d/out.csv" "$@"
}

# 1. The five files: the report is the recount, line for line. Figures
# checked by hand too: Cumbria 2016-11 has 19 rows, 3 of them "No
# Location" (15.8 %); Durham 2016-12 19 rows, 4 (21.1 %); Cumbria has no
# 2016-12 file, so that month is missing.
run "$d/r1.csv" $all 2>"$d/e1"
python3 "$rc" $all >"$d/x1.csv"
diff -u "$d/x1.csv" "$d/r1.csv"
grep -qx 'month,2016-11-cumbria-street.csv,Cumbria Constabulary,Cumbria Constabulary,2016-11,19,16,3,0,0,0,3,15.8,3,15.8,0' "$d/r1.csv"
grep -qx 'missing,,Cumbria Constabulary,Cumbria Constabulary,2016-12,0,0,0,0,0,0,0,,0,,1' "$d/r1.csv"
grep -qx 'month,2016-12-durham-street.csv,Durham Constabulary,Durham Constabulary,2016-12,19,15,4,0,0,0,4,21.1,4,21.1,0' "$d/r1.csv"
grep -qx 'total,,,,2016-11..2017-01,86,75,11,0,0,0,11,12.8,11,12.8,1' "$d/r1.csv"
grep -q 'read 86, written 75, rejected 11, duplicates 0, blank 0, headers 0' "$d/e1"
grep -q -- '--report: Cumbria Constabulary has no rows in 1 of the months 2016-11..2017-01: 2016-12' "$d/e1"
# the rows written are those of a run without --report
csvclean -p police-street --max-rejects 100% $all >"$d/plain.csv" 2>/dev/null
cmp "$d/plain.csv" "$d/out.csv"

# 2. One file twice: its crime IDs are duplicates the second time, its
# anti-social behaviour rows (no ID) are not; the month's rows come from
# two files, so its file cell is empty.
mkdir "$d/again"
cp 2016-11-durham-street.csv "$d/again/"
run "$d/r2.csv" 2016-11-durham-street.csv "$d/again/2016-11-durham-street.csv" 2>"$d/e2"
python3 "$rc" 2016-11-durham-street.csv "$d/again/2016-11-durham-street.csv" >"$d/x2.csv"
diff -u "$d/x2.csv" "$d/r2.csv"
grep -qx 'month,,Durham Constabulary,Durham Constabulary,2016-11,34,19,4,11,0,0,4,11.8,4,11.8,0' "$d/r2.csv"
grep -q 'read 34, written 19, rejected 4, duplicates 11' "$d/e2"

# 3. CRLF line ends and a byte order mark: the same report.
mkdir "$d/crlf"
for f in $all; do
	printf '\357\273\277' >"$d/crlf/$f"
	sed 's/$/\r/' "$f" >>"$d/crlf/$f"
done
(cd "$d/crlf" && run "$d/r3.csv" $all 2>/dev/null)
cmp "$d/r1.csv" "$d/r3.csv"

# 4. A force whose files stop early: Cumbria's 2017-01 is missing too.
run "$d/r4.csv" 2016-11-cumbria-street.csv 2016-11-durham-street.csv \
    2016-12-durham-street.csv 2017-01-durham-street.csv 2>"$d/e4"
python3 "$rc" 2016-11-cumbria-street.csv 2016-11-durham-street.csv \
    2016-12-durham-street.csv 2017-01-durham-street.csv >"$d/x4.csv"
diff -u "$d/x4.csv" "$d/r4.csv"
grep -qx 'force,,Cumbria Constabulary,Cumbria Constabulary,2016-11,19,16,3,0,0,0,3,15.8,3,15.8,2' "$d/r4.csv"
grep -qx 'missing,,Cumbria Constabulary,Cumbria Constabulary,2016-12..2017-01,0,0,0,0,0,0,0,,0,,2' "$d/r4.csv"
grep -q 'Cumbria Constabulary has no rows in 2 of the months 2016-11..2017-01: 2016-12..2017-01' "$d/e4"

# A force that starts late and one that stops early: each gap one line.
run "$d/r4b.csv" 2017-01-cumbria-street.csv 2016-11-durham-street.csv 2>"$d/e4b"
python3 "$rc" 2017-01-cumbria-street.csv 2016-11-durham-street.csv >"$d/x4b.csv"
diff -u "$d/x4b.csv" "$d/r4b.csv"
grep -qx 'missing,,Cumbria Constabulary,Cumbria Constabulary,2016-11..2016-12,0,0,0,0,0,0,0,,0,,2' "$d/r4b.csv"
grep -qx 'missing,,Durham Constabulary,Durham Constabulary,2016-12..2017-01,0,0,0,0,0,0,0,,0,,2' "$d/r4b.csv"
grep -qx 'total,,,,2016-11..2017-01,33,29,4,0,0,0,4,12.1,4,12.1,4' "$d/r4b.csv"

# A month that is no month (2016-13): the row is rejected by the date and
# counted in its force's line with the month empty, after its months.
sed '2s/,2016-11,/,2016-13,/' 2016-11-durham-street.csv >"$d/badmonth.csv"
run "$d/r4c.csv" "$d/badmonth.csv" 2>/dev/null
sed -n '2,4p' "$d/r4c.csv" >"$d/got4c"
cat >"$d/x4c" <<EOT
month,$d/badmonth.csv,Durham Constabulary,Durham Constabulary,2016-11,16,14,2,0,0,0,2,12.5,2,12.5,0
month,$d/badmonth.csv,Durham Constabulary,Durham Constabulary,,1,0,1,0,0,0,0,0.0,0,0.0,0
force,,Durham Constabulary,Durham Constabulary,2016-11,17,14,3,0,0,0,2,11.8,2,11.8,0
EOT
diff -u "$d/x4c" "$d/got4c"

# 5. No rows (a header alone), and one row; the standard input is named.
head -1 2016-11-durham-street.csv >"$d/none.csv"
run "$d/r5.csv" "$d/none.csv" 2>/dev/null
cat >"$d/x5.csv" <<EOT
level,file,force,falls_within,month,read,written,rejected,duplicates,blank,headers,no_location,no_location_pct,no_lsoa,no_lsoa_pct,months_missing
file,$d/none.csv,,,,0,0,0,0,0,0,0,,0,,
total,,,,,0,0,0,0,0,0,0,,0,,0
EOT
diff -u "$d/x5.csv" "$d/r5.csv"
head -2 2016-12-durham-street.csv | run "$d/r6.csv" 2>/dev/null
cat >"$d/x6.csv" <<'EOT'
level,file,force,falls_within,month,read,written,rejected,duplicates,blank,headers,no_location,no_location_pct,no_lsoa,no_lsoa_pct,months_missing
month,<stdin>,Durham Constabulary,Durham Constabulary,2016-12,1,1,0,0,0,0,0,0.0,0,0.0,0
force,,Durham Constabulary,Durham Constabulary,2016-12,1,1,0,0,0,0,0,0.0,0,0.0,0
file,<stdin>,,,2016-12,1,1,0,0,0,0,0,0.0,0,0.0,
total,,,,2016-12,1,1,0,0,0,0,0,0.0,0,0.0,0
EOT
diff -u "$d/x6.csv" "$d/r6.csv"

# Monthly files joined into one stream, a blank line between: the
# repeated header and the blank line are the file's and the run's, not a
# force's; every level still adds up, and the shares are of the 36 rows
# of data (6 without a location: 16.7 %), not of the 38 lines read.
{ cat 2016-11-durham-street.csv; echo; cat 2016-12-durham-street.csv; } |
    run "$d/r5b.csv" - 2>/dev/null
grep -qx 'force,,Durham Constabulary,Durham Constabulary,2016-11..2016-12,36,30,6,0,0,0,6,16.7,6,16.7,0' "$d/r5b.csv"
grep -qx 'file,<stdin>,,,2016-11..2016-12,38,30,6,0,1,1,6,16.7,6,16.7,' "$d/r5b.csv"
grep -qx 'total,,,,2016-11..2016-12,38,30,6,0,1,1,6,16.7,6,16.7,0' "$d/r5b.csv"

# --safe-cells: a force named like a formula is written as text.
sed '2s/,Durham Constabulary,Durham/,=1+1,Durham/' 2016-12-durham-street.csv |
    run "$d/r5c.csv" --safe-cells - 2>/dev/null
grep -q "^month,<stdin>,'=1+1,Durham Constabulary,2016-12,1,1,0," "$d/r5c.csv"

# 6. Every row without a location: all rejected, shares 100.0.
{ head -1 2016-12-durham-street.csv; grep ',No Location,' $all | cut -d: -f2-; } \
    >"$d/noloc.csv"
run "$d/r7.csv" "$d/noloc.csv" 2>/dev/null
python3 "$rc" "$d/noloc.csv" >"$d/x7.csv"
diff -u "$d/x7.csv" "$d/r7.csv"
grep -qx "file,$d/noloc.csv,,,2016-11..2017-01,11,0,11,0,0,0,11,100.0,11,100.0," "$d/r7.csv"

# 7. A file without the force's column: an error naming the file and the
# column, exit 1, and neither the report nor the output written.
rm -f "$d/out.csv"
cut -d, -f1-2,4- 2016-11-durham-street.csv >"$d/noforce.csv"
set +e
run "$d/r8.csv" "$d/noforce.csv" 2>"$d/e8"
s=$?
set -e
[ "$s" = 1 ]
grep -q "noforce.csv: --report-columns force: no column 'Reported by' in the header" "$d/e8"
[ ! -e "$d/r8.csv" ] && [ ! -e "$d/out.csv" ]

# 8. The report's path: the output's, an input's or the rejects file's is a
# usage error (2); a folder that is missing, or a directory, fails (1)
# before any input is read; nothing is written, nothing left behind.
x() { # STATUS MESSAGE csvclean-arguments...
	want=$1 msg=$2
	shift 2
	set +e
	csvclean "$@" 2>"$d/err" >/dev/null
	s=$?
	set -e
	[ "$s" = "$want" ] || { echo "exit $s, not $want: $*"; cat "$d/err"; exit 1; }
	grep -q -- "$msg" "$d/err" || { echo "no '$msg': $*"; cat "$d/err"; exit 1; }
}
f=2016-11-durham-street.csv
x 2 'is the output file' -p police-street --report "$d/o.csv" -o "$d/o.csv" $f
x 2 'is the input file' -p police-street --report $f -o "$d/o.csv" $f
x 2 'is the rejects file' -p police-street --report "$d/j" --rejects "$d/j" $f
x 1 "--report $d/nowhere/r.csv" -p police-street --report "$d/nowhere/r.csv" -o "$d/o.csv" $f
x 1 'is a directory' -p police-street --report "$d" -o "$d/o.csv" $f
x 2 'the standard output carries the rows' -p police-street --report - $f
x 2 '--report needs the columns' --report "$d/r.csv" $f
x 2 "'lsoa' is not ROLE=COLUMN" --report-columns lsoa $f
x 2 "'place=X' is not ROLE=COLUMN" --report-columns place=X $f
[ ! -e "$d/o.csv" ] && [ ! -e "$d/r.csv" ]
[ -z "$(ls -A "$d/nowhere" 2>/dev/null)" ]
[ -z "$(ls -a "$d" | grep '^\.r.*\.csv\.')" ]

# 9. The report to the standard output, the rows to -o.
csvclean -p police-street --max-rejects 100% -o "$d/o.csv" --report - \
    $all 2>/dev/null >"$d/r9.csv"
cmp "$d/r1.csv" "$d/r9.csv"
