# -o FILE appears only when the run succeeds; a failing run leaves the old
# file as it was and no temporary file behind.
set -e
d=$TMPDIR/atomic.$$
mkdir "$d"
printf 'a,b\n1,2\n' | csvclean -o "$d/out.csv"
printf 'a,b\n1,2\n' | cmp - "$d/out.csv"
if printf 'a,b\n3,4\n5\n' | csvclean -o "$d/out.csv" 2>/dev/null; then
	echo "a reject should fail the run"; exit 1
fi
printf 'a,b\n1,2\n' | cmp - "$d/out.csv"
[ "$(ls -A "$d")" = out.csv ] || { ls -A "$d"; exit 1; }
# nor when the run ends early, on an error met deep in the reading
if printf '"a,b\n1,2\n' | csvclean -o "$d/out.csv" 2>/dev/null; then
	echo "an unreadable header should fail the run"; exit 1
fi
printf 'a,b\n1,2\n' | cmp - "$d/out.csv"
[ "$(ls -A "$d")" = out.csv ] || { ls -A "$d"; exit 1; }
