# A NUL byte in a name (data, rollup, population, categories) is an error
# naming the file, the line and the column, as csvclean rejects it; never
# 'A\0B' printed as a second 'A'.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
fail() { echo "$*"; exit 1; }
want() { # want MESSAGE crimerate ARGS...
	m=$1; shift
	"$@" >"$t/out" 2>"$t/err"; rc=$?
	[ $rc = 1 ] || fail "$*: exit $rc, want 1"
	grep -qF "$m" "$t/err" || fail "$*: stderr lacks '$m': $(cat "$t/err")"
	[ ! -s "$t/out" ] || fail "$*: output on error"
}
printf 'date,area,category\n2016-01,A,x\n2016-01,A\000B,x\n' >"$t/area.csv"
want "area.csv:3: column 'area': NUL byte" crimerate "$t/area.csv"
printf 'date,area,category\n2016-01,A,x\n2016-02,A,x\000y\n' >"$t/cat.csv"
want "cat.csv:3: column 'category': NUL byte" crimerate "$t/cat.csv"
want "cat.csv:3: column 'category': NUL byte" crimerate --partial "$t/cat.csv"
printf 'date,area,category\n2016-01,A,x\n' >"$t/ok.csv"
printf 'area,parent\nA,B\000C\n' >"$t/roll.csv"
want "roll.csv:2: column 'parent': NUL byte" crimerate --rollup "$t/roll.csv" "$t/ok.csv"
printf 'area,population\nA\000,10\n' >"$t/pop.csv"
want "pop.csv:2: column 'area': NUL byte" crimerate --population "$t/pop.csv" "$t/ok.csv"
printf 'category,indicator\nx,T\000otal\n' >"$t/cats.csv"
want "cats.csv:2: column 'indicator': NUL byte" crimerate --categories "$t/cats.csv" "$t/ok.csv"
exit 0
