# A write error is exit status 1 with a message, not silence; | head
# ends quietly.
[ -w /dev/full ] || { echo "no /dev/full"; exit 77; }
sapriority -m hand.model -s sheet.csv --area North ranked.csv >/dev/full 2>"$TMPDIR/err"
rc=$?
[ "$rc" = 1 ] || { echo "exit $rc, want 1"; exit 1; }
grep -q 'sapriority: .*No space left on device' "$TMPDIR/err" || { echo "no message"; cat "$TMPDIR/err"; exit 1; }
# a sheet long enough to fill a pipe
awk 'BEGIN { print "issue,harm,likelihood,position,conf"
	for (i = 0; i < 20000; i++) printf "Issue %d,%d,%d,%d,%d\n", i, 1 + i % 5, 1 + i % 4, 1 + i % 3, 1 + i % 2 }' \
    >"$TMPDIR/long.csv"
sh -c "sapriority -m hand.model -s '$TMPDIR/long.csv' ranked.csv 2>'$TMPDIR/err'; echo \$? >'$TMPDIR/rc'" | head -1 >/dev/null
case $(cat "$TMPDIR/rc") in 0|141) ;; *) echo "| head: exit $(cat "$TMPDIR/rc")"; exit 1 ;; esac
[ ! -s "$TMPDIR/err" ] || { echo "| head: said $(cat "$TMPDIR/err")"; exit 1; }
exit 0
