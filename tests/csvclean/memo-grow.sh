# csvclean remembers each --map, --derive and --date result by its input
# value: a table that starts small and doubles as values come, and is
# forgotten all at once when it holds 49,152 values or 4 MB of text.
# 150,000 values of each kind, each seen three times in a shuffled
# order, take it through every doubling and several of each forgetting;
# every output value must be the one awk computes, with one thread and
# with two on small parts.
set -e
d=$TMPDIR/memo-grow.$$
mkdir "$d"
# short: s<n> -> S<n>-x; long: 80 bytes of padding and <n> -> <n>; day:
# a date in one of 1,000 days as dd/mm/yyyy -> yyyy-mm-dd
awk 'BEGIN { srand(7); n = 0
    for (r = 0; r < 3; r++) for (i = 0; i < 150000; i++) key[n++] = i
    for (i = n - 1; i > 0; i--) { j = int(rand() * (i + 1)); t = key[i]
        key[i] = key[j]; key[j] = t }
    pad = sprintf("%80s", ""); gsub(/ /, "p", pad)
    print "short,long,day"
    for (i = 0; i < n; i++) { k = key[i]
        printf "s%d,%s%d,%02d/%02d/%d\n", k, pad, k, k % 28 + 1,
            int(k / 28) % 12 + 1, 2000 + int(k / 336) % 3 }
}' >"$d/in.csv"
awk -F, 'NR == 1 { print "short,long,day,copy"; next }
    { l = $2; sub(/^p+/, "", l); split($3, t, "/")
      printf "S%s-x,%s,%s-%s-%s,S%s-x\n", substr($1, 2), l, t[3], t[2],
          t[1], substr($1, 2) }' "$d/in.csv" >"$d/want"
for t in "--threads 1" "--threads 2 --chunk 64K"; do
	csvclean $t --map 'short/^s([0-9]+)$/S$1-x/' \
	    --map 'long/^p+([0-9]+)$/$1/' --date 'day=%d/%m/%Y' \
	    --derive 'copy=short' "$d/in.csv" >"$d/out"
	cmp "$d/out" "$d/want" || { echo "$t: output differs"; exit 1; }
done
rm -r "$d"
