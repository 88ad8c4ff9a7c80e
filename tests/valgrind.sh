#!/bin/sh
# One pass of the golden cases (tests/TOOL/NAME.args) under valgrind's
# memcheck: zero errors on every run, and zero leaks (definite, indirect
# or possible) on every run that succeeds; a failing run may leave its
# memory to exit(3), as under LeakSanitizer. The exit status and stdout
# must still be the expected ones. Ends "N passed, N failed".
#   sh tests/valgrind.sh [BUILD]   (BIN="tool ..." to choose the tools)
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$top/${1:-build}" && pwd) || exit 2
command -v valgrind >/dev/null || { echo "valgrind not installed"; echo "0 passed, 0 failed"; exit 0; }
PATH="$build:$PATH"
SAPIPE_PROFILES="$top/lib/profiles"
export PATH SAPIPE_PROFILES
unset LC_ALL LANG
LC_CTYPE=C.UTF-8
export LC_CTYPE
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0
for t in ${BIN:-$(cd "$build" && ls | grep -v '\.\|^lib$\|^unit$\|^fuzz')}; do
	d=$top/tests/$t
	[ -d "$d" ] && [ -x "$build/$t" ] || continue
	for a in "$d"/*.args; do
		[ -f "$a" ] || continue
		c=${a%.args}
		in=/dev/null
		[ -f "$c.in" ] && in=$c.in
		want=0
		[ -f "$c.rc" ] && want=$(cat "$c.rc")
		leak=full
		[ "$want" = 0 ] || leak=no
		vg="valgrind -q --error-exitcode=99 --leak-check=$leak \
		    --errors-for-leak-kinds=definite,indirect,possible \
		    --show-leak-kinds=definite,indirect,possible \
		    --log-file=$tmp/vg"
		(cd "$d" && eval "exec $vg $build/$t $(cat "$a")") <"$in" \
		    >"$tmp/out" 2>/dev/null
		rc=$?
		why=""
		[ "$rc" = "$want" ] || why="exit $rc, want $want"
		[ ! -s "$tmp/vg" ] || why="$why${why:+; }memcheck: $(grep -m1 -E 'Invalid|uninitialised|lost|Mismatched|overlap' "$tmp/vg")"
		if [ -f "$c.out" ] && ! cmp -s "$c.out" "$tmp/out"; then
			why="$why${why:+; }stdout differs"
		fi
		if [ -z "$why" ]; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL valgrind $t/${c##*/}: $why"
			head -20 "$tmp/vg" | sed 's/^/    /'
		fi
	done
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
