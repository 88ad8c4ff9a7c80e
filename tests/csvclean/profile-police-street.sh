# The police-street profile turns a police.uk street file into records.
set -e
d=$TMPDIR/ps.$$
mkdir "$d"
csvclean -p police-street --max-rejects 20% --stats --rejects "$d/rej" street.csv >"$d/out" 2>"$d/err"
cmp street.want "$d/out"
grep -q 'read 7, written 5, rejected 1, duplicates 1, blank 0, headers 0' "$d/err"
grep -q "column 'area' is empty" "$d/rej"
