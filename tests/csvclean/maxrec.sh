# A record longer than 64 times --max-field is rejected wherever it lies,
# though none of its fields is too long: before, only one that crossed a
# refill of the reader's buffer was (then at 512 KiB), and a record of a
# small file was written; nor was a quoted record of two lines, each
# under the limit, whose last line took it over. With threads too. The
# message says that it is the record; a field over --max-field says so.
set -e
d=$TMPDIR/maxrec.$$
mkdir "$d"
# --max-field 4: records up to 256 bytes. 70 fields of 3 bytes and 69
# commas: 279 bytes; 60 of them and 10 empty: 249.
awk 'BEGIN { s = "h"; for (i = 1; i < 70; i++) s = s "," i; print s
    s = "abc"; for (i = 1; i < 70; i++) s = s ",abc"; print s
    s = "abc"; for (i = 1; i < 60; i++) s = s ",abc"; for (; i < 70; i++) s = s ","; print s
    # a quoted record of two lines of 163 and 118 bytes, 282 in all
    s = "abc"; for (i = 1; i < 40; i++) s = s ",abc"; print s ",\"a"
    s = "b\""; for (i = 41; i < 70; i++) s = s ",abc"; print s
    s = "ok"; for (i = 1; i < 70; i++) s = s ",1"; print s }' >"$d/in.csv"
for t in "--threads 1" "--threads 2 --chunk 1"; do
	if csvclean $t --max-field 4 --stats "$d/in.csv" >"$d/out" 2>"$d/err"
	then
		echo "$t: no reject"; exit 1
	fi
	grep -q ':2: record longer than 64 times --max-field (256 bytes)' \
	    "$d/err"
	grep -q ':4: record longer than 64 times --max-field (256 bytes)' \
	    "$d/err"
	grep -q 'read 4, written 2, rejected 2,' "$d/err"
	[ "$(wc -l <"$d/out")" -eq 3 ]
done
printf 'a,b\nabcde,1\n"ab\ncde",2\nabcd,3\n' >"$d/f.csv"
if csvclean --max-field 4 --stats "$d/f.csv" >"$d/out" 2>"$d/err"; then
	echo "a field of 5 bytes passed --max-field 4"; exit 1
fi
grep -q ':2: field longer than --max-field (4 bytes)' "$d/err"
grep -q ':3: field longer than --max-field (4 bytes)' "$d/err"
grep -q 'read 3, written 1, rejected 2,' "$d/err"
rm -r "$d"
