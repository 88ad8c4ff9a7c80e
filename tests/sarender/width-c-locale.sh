# Alignment of CJK, full-width, combining and zero-width characters does
# not depend on the locale: under cron there is no LANG (the C locale,
# where wcwidth knows nothing past ASCII). Text and Markdown the same in
# C, POSIX and C.UTF-8.
. ../hostile/common.inc
need sarender
for loc in C POSIX C.UTF-8; do
	LC_ALL=$loc sarender width.csv >"$t/out" 2>"$t/err"
	cmp -s "$t/out" width.out || { echo "FAIL: LC_ALL=$loc text differs"; diff width.out "$t/out" | head; fails=$((fails + 1)); }
	LC_ALL=$loc sarender -f md width.csv >"$t/md.$loc" 2>>"$t/err"
	[ -s "$t/err" ] && { echo "FAIL: LC_ALL=$loc stderr"; cat "$t/err"; fails=$((fails + 1)); }
done
cmp -s "$t/md.C" "$t/md.C.UTF-8" || { echo "FAIL: md differs between C and C.UTF-8"; diff "$t/md.C.UTF-8" "$t/md.C"; fails=$((fails + 1)); }
done_
