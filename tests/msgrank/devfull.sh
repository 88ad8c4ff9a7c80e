# A write error is exit status 1 with a message, not silence.
[ -w /dev/full ] || { echo "no /dev/full"; exit 77; }
msgrank north.csv >/dev/full 2>"$TMPDIR/err"
rc=$?
[ "$rc" = 1 ] || { echo "exit $rc, want 1"; exit 1; }
[ -s "$TMPDIR/err" ] || { echo "no message"; exit 1; }
exit 0
