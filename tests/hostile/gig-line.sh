# A single 1 GiB line streamed from a generator: rejected by --max-field
# with memory bounded (peak RSS under 256 MiB), the rows after it kept.
. ./common.inc
need csvclean
[ -x /usr/bin/time ] || { echo "no /usr/bin/time"; exit 77; }
{ echo a,b; head -c 1073741824 /dev/zero | tr '\0' x; printf '\n1,2\n'; } |
    /usr/bin/time -f '%M' -o "$t/rss" csvclean --stats --max-rejects 1 >"$t/out" 2>"$t/err"
rc=$?
check "1 GiB line: exit 0 (one reject allowed), got $rc" "$rc" = 0
grep -qF "<stdin>:2: field longer than --max-field (1048576 bytes)" "$t/err" || { echo "FAIL: no reject message"; cat "$t/err"; fails=$((fails + 1)); }
grep -qF "read 2, written 1, rejected 1" "$t/err" || { echo "FAIL: stats"; fails=$((fails + 1)); }
same "$t/out" 'a,b\n1,2\n'
rss=$(tail -1 "$t/rss")
echo "1 GiB line: peak RSS $rss KiB"
check "peak RSS $rss KiB under 256 MiB" "$rss" -lt 262144
# the same line as the header: unreadable, exit 1
head -c 1073741824 /dev/zero | tr '\0' x | /usr/bin/time -f '%M' -o "$t/rss" csvclean >"$t/out" 2>"$t/err"
rc=$?
check "1 GiB header: exit 1, got $rc" "$rc" = 1
grep -qF "header unreadable: field longer than --max-field" "$t/err" || { echo "FAIL: header message"; cat "$t/err"; fails=$((fails + 1)); }
rss=$(tail -1 "$t/rss")
check "peak RSS $rss KiB under 256 MiB" "$rss" -lt 262144
done_
