# The police-street profile turns a police.uk street file into records.
set -e
d=$TMPDIR/ps.$$
mkdir "$d"
csvclean -p police-street --max-rejects 20% --stats --rejects "$d/rej" street.csv >"$d/out" 2>"$d/err"
cmp street.want "$d/out"
grep -q 'read 7, written 5, rejected 1, duplicates 1, blank 0, headers 0' "$d/err"
grep -q "column 'area' is empty" "$d/rej"
# The Crime ID is dropped once it has served the dedup; --select after
# -p keeps it, and the dedup is the same.
csvclean -p police-street --max-rejects 20% --select date,area,category,id \
    street.csv >"$d/out" 2>/dev/null
cmp street-id.want "$d/out"
