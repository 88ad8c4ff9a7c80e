# Several files: each header is checked against the first; a header in
# another order is mapped by name; a different header skips the file and
# fails the run; a header line repeated mid-stream is dropped and counted;
# one in another order mid-stream is an error, never a silent reorder.
set -e
d=$TMPDIR/files.$$
mkdir "$d"
printf 'a,b\n1,2\n' >"$d/1.csv"
printf 'B,A\n4,3\nb,a\n6,5\n' >"$d/2.csv"
printf 'a,c\n7,8\n' >"$d/3.csv"
csvclean --stats "$d/1.csv" "$d/2.csv" >"$d/out" 2>"$d/err"
printf 'a,b\n1,2\n3,4\n5,6\n' | cmp - "$d/out"
grep -q 'read 4, written 3, rejected 0, duplicates 0, blank 0, headers 1' "$d/err"
if csvclean "$d/1.csv" "$d/3.csv" >"$d/out" 2>"$d/err"; then exit 1; fi
grep -q "3.csv:1: header differs from the first file's" "$d/err"
printf 'a,b\n1,2\n' | cmp - "$d/out"
# concatenated monthly files on one stream
cat "$d/1.csv" "$d/1.csv" "$d/1.csv" | csvclean --stats >"$d/out" 2>"$d/err"
grep -q 'read 5, written 3, rejected 0, duplicates 0, blank 0, headers 2' "$d/err"
printf 'B,A\n4,3\na,b\n6,5\n' >"$d/4.csv"
if csvclean "$d/1.csv" "$d/4.csv" >"$d/out" 2>"$d/err"; then exit 1; fi
grep -q "4.csv:3: a row of the header's names in another order" "$d/err"
