# A quoted record whose first lines are long and whose last line takes it
# past 131072 fields: its --rejects-raw record is a prefix of 1024 bytes,
# as for any row too wide, not every line read before it was found wide.
set -e
d=$TMPDIR/wide-raw.$$
mkdir "$d"
awk 'BEGIN { print "a,b"; s = "\"";
    for (i = 0; i < 5000; i++) s = s "x"; print s
    s = "y\"";
    for (i = 0; i < 131072; i++) s = s ","; print s
    print "1,2" }' >"$d/in.csv"
csvclean --rejects "$d/rej.csv" --rejects-raw --max-rejects 1 --stats \
    "$d/in.csv" >"$d/out" 2>"$d/err"
grep -q ':2: more than 131072 fields' "$d/err"
grep -q 'read 2, written 1, rejected 1,' "$d/err"
# the record field: at most 1024 bytes, quoted (its quote doubled)
n=$(awk 'NR == 2 { sub(/^[^,]*,[^,]*,[^,]*,/, ""); print length($0) }' \
    "$d/rej.csv")
[ "$n" -le 1030 ] || { echo "raw record of $n bytes"; exit 1; }
rm -r "$d"
