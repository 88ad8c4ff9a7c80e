# | head -1: the writer ends quietly (no message; SIGPIPE's status or 0).
. ./common.inc
need csvclean crimerate
{ echo date,area,category; seq 1 300000 | sed 's/.*/2016,A&,x/'; } >"$t/r.csv"
for cmd in "csvclean $t/r.csv" "crimerate $t/r.csv"; do
	sh -c "$cmd 2>'$t/err'; echo \$? >'$t/rc'" | head -1 >/dev/null
	rc=$(cat "$t/rc")
	case $rc in 0|141) ;; *) echo "FAIL: $cmd | head -1: exit $rc"; fails=$((fails + 1)) ;; esac
	check "$cmd | head -1: quiet, said: $(head -c 200 "$t/err")" ! -s "$t/err"
done
done_
