# The first file named is missing, empty, blank lines only or a
# directory: the next file's header becomes the one to match, and the
# run is exit 1 with a message naming the file, no crash, and with -o
# nothing left behind.
. ./common.inc
need csvclean
printf 'a,b\n1,2\n' >"$t/good.csv"
: >"$t/empty.csv"
printf '\n \n\n' >"$t/blank.csv"
mkdir "$t/dir" "$t/o"
for first in missing.csv empty.csv blank.csv dir; do
	expect 1 "$first" csvclean -o "$t/o/out.csv" "$t/$first" "$t/good.csv" "$t/good.csv"
	check "$first first: nothing left in the output folder" -z "$(ls -A "$t/o")"
	expect 1 "$first" csvclean "$t/$first" "$t/good.csv"
	same "$t/out" 'a,b\n1,2\n'
done
# in the middle and at the end too
expect 1 "missing.csv" csvclean "$t/good.csv" "$t/missing.csv" "$t/empty.csv" "$t/good.csv"
same "$t/out" 'a,b\n1,2\n1,2\n'
done_
