# A write error is an exit status; a closed pipe downstream ends quietly.
d=$TMPDIR/we.$$
mkdir "$d"
printf 'a,b\n1,2\n' | csvclean >/dev/full 2>"$d/err"
[ $? = 1 ] || { echo "want exit 1 on /dev/full"; exit 1; }
grep -q 'write error' "$d/err" || exit 1
seq 1 200000 | sed 's/.*/&,x/' | (echo a,b; cat) >"$d/big"
out=$(csvclean "$d/big" 2>"$d/err" | head -1)
[ "$out" = a,b ] || exit 1
[ ! -s "$d/err" ] || { cat "$d/err"; exit 1; }
