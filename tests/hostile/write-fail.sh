# Write failures are exit statuses: stdout on /dev/full is exit 1 with a
# message for every tool; -o FILE that cannot be written whole (file size
# limit, EFBIG) is exit 1 and leaves neither FILE nor a temporary file.
. ./common.inc
need csvclean crimerate
printf 'date,area,category,count\n2016,A,x,1\n' >"$t/r.csv"
for tool in csvclean crimerate msgrank sarender; do
	command -v $tool >/dev/null || continue
	case $tool in
	msgrank|sarender) printf 'area,category,period,count,population,rate\nA,x,2016,1,100,10.00\n' >"$t/in.csv" ;;
	*) cp "$t/r.csv" "$t/in.csv" ;;
	esac
	$tool "$t/in.csv" >/dev/full 2>"$t/err"
	rc=$?
	check "$tool >/dev/full: exit 1, got $rc" "$rc" = 1
	grep -q 'write error\|No space' "$t/err" || { echo "FAIL: $tool >/dev/full: no message"; fails=$((fails + 1)); }
done
{ echo a,b; seq 1 100000 | sed 's/$/,xxxxxxxxxx/'; } >"$t/big.csv"
mkdir "$t/o"
(ulimit -f 64; trap '' XFSZ; exec csvclean -o "$t/o/out.csv" "$t/big.csv") 2>"$t/err"
rc=$?
check "-o over the size limit: exit 1, got $rc" "$rc" = 1
check "-o over the size limit: nothing left: $(ls -A "$t/o")" -z "$(ls -A "$t/o")"
done_
