# A row rejected before it was loaded, in a file of another column order,
# with a column added (--set): the rejects file has its values in the
# first file's order and the added one, and nothing is read past the
# column order's end (ASan under make check-san).
set -e
d=$TMPDIR/rej-perm-set.$$
mkdir "$d"
printf 'a,b\n1,2\n' >"$d/h.csv"
printf 'b,a\n1,"2\n3,4\n' >"$d/r.csv"
if csvclean --set src=x --rejects "$d/rej.csv" "$d/h.csv" "$d/r.csv" \
    >"$d/out" 2>"$d/err"; then
	echo "no reject"; exit 1
fi
printf 'a,b,src\n1,2,x\n4,3,x\n' | cmp - "$d/out"
# the unclosed quote's row: unreadable, so its values are empty but --set's
printf 'file,line,reason,a,b,src\n%s,2,quoted field not closed before the end of input,,,x\n' \
    "$d/r.csv" | cmp - "$d/rej.csv"
rm -r "$d"
