# A field over --max-field (default 1 MiB) is a reject, not a crash; the
# next line is read normally; a smaller limit applies to quoted fields too.
set -e
d=$TMPDIR/mf.$$
mkdir "$d"
{ echo a,b; printf '1,'; head -c 2097152 /dev/zero | tr '\0' x; printf '\n2,3\n'; } >"$d/in"
csvclean --rejects "$d/rej" --max-rejects 1 --stats <"$d/in" >"$d/out" 2>"$d/err"
printf 'a,b\n2,3\n' | cmp - "$d/out"
grep -q ':2: field longer than --max-field (1048576 bytes)' "$d/err"
grep -q 'read 2, written 1, rejected 1' "$d/err"
[ "$(wc -c <"$d/rej")" -lt 2000 ]
printf 'a,b\n"%s",1\nx,y\n' "$(head -c 100 /dev/zero | tr '\0' q)" |
    csvclean --max-field 50 --max-rejects 1 >"$d/out" 2>"$d/err"
printf 'a,b\nx,y\n' | cmp - "$d/out"
# exactly at the limit is fine
printf 'a,b\n%s,1\n' "$(head -c 50 /dev/zero | tr '\0' q)" | csvclean --max-field 50 >/dev/null
