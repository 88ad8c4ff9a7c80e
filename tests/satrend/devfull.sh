# A write error is exit status 1 with a message, not silence; | head
# ends quietly.
[ -w /dev/full ] || { echo "no /dev/full"; exit 77; }
satrend series.csv >/dev/full 2>"$TMPDIR/err"
rc=$?
[ "$rc" = 1 ] || { echo "exit $rc, want 1"; exit 1; }
[ -s "$TMPDIR/err" ] || { echo "no message"; exit 1; }
# a series long enough to fill a pipe
awk 'BEGIN { print "area,category,period,count"
	for (a = 0; a < 400; a++) for (m = 0; m < 120; m++)
		printf "Area %d,Burglary,%d-%02d,%d\n", a, 2006 + int(m / 12), m % 12 + 1, 20 + (a + 3 * m) % 7 }' \
    >"$TMPDIR/long.csv"
sh -c "satrend '$TMPDIR/long.csv' 2>'$TMPDIR/err'; echo \$? >'$TMPDIR/rc'" | head -1 >/dev/null
case $(cat "$TMPDIR/rc") in 0|141) ;; *) echo "| head: exit $(cat "$TMPDIR/rc")"; exit 1 ;; esac
[ ! -s "$TMPDIR/err" ] || { echo "| head: said $(cat "$TMPDIR/err")"; exit 1; }
exit 0
