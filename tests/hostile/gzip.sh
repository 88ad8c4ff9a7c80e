# A truncated gzip stream is an error (not a short file read as whole);
# a gzip bomb (1 GiB of zeros in ~1 MiB) is read in bounded memory and
# gives bounded output: the one giant line is a reject.
. ./common.inc
need csvclean
[ -x /usr/bin/time ] || { echo "no /usr/bin/time"; exit 77; }
{ echo a,b; seq 1 200000 | sed 's/$/,x/'; } | gzip -c >"$t/full.gz"
n=$(wc -c <"$t/full.gz")
head -c $((n / 2)) "$t/full.gz" >"$t/cut.gz"
expect 1 "gzip stream truncated" csvclean "$t/cut.gz"
{ echo a,b; head -c 1073741824 /dev/zero; echo; echo 1,2; } | gzip -1 -c >"$t/bomb.gz"
echo "bomb: $(wc -c <"$t/bomb.gz") bytes"
/usr/bin/time -f '%M' -o "$t/rss" timeout 120 csvclean --stats --max-rejects 1 "$t/bomb.gz" >"$t/out" 2>"$t/err"
rc=$?
check "bomb: exit 0 with one reject allowed, got $rc" "$rc" = 0
grep -qF "read 2, written 1, rejected 1" "$t/err" || { echo "FAIL: bomb stats"; cat "$t/err"; fails=$((fails + 1)); }
same "$t/out" 'a,b\n1,2\n'
rss=$(tail -1 "$t/rss")
echo "bomb: peak RSS $rss KiB"
check "bomb: peak RSS $rss KiB under 256 MiB" "$rss" -lt 262144
done_
