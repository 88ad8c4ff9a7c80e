# One reader (lib/table.h), one message: each fault of a data or lookup
# file says the same in every tool that reads it.
. ./common.inc
need crimerate msgrank sarender satrend
# every column any of them needs, in data or lookup, and a row of 13
h='date,area,category,period,count,population,rate,indicator,parent,target,group,accuracy_pct,polarity'
r='2016,A,x,2016,1,100,10,x,,5,G,90,low'
: >"$t/empty.csv"
printf '%s\n2016,A,x,2016,"1,5,100,1\n' "$h" >"$t/quote.csv"
printf '%s\n%s\n' "$h" "${r%,low}" >"$t/short.csv"
printf '%s\n%s,9\n' "$h" "$r" >"$t/long.csv"
printf '%s,Area\n%s,B\n' "$h" "$r" >"$t/dup.csv"
printf 'x,y\n1,2\n' >"$t/nocol.csv"
printf 'x,y\r\n1,2\r\n' >"$t/nocol-crlf.csv"
mkdir "$t/dir"

# FILE FAULT MESSAGE: the fault's message from each tool reading FILE as
# its data, and each as a lookup file.
fault() {
	f=$1 msg=$2
	for cmd in "crimerate --period 2016" msgrank sarender satrend \
	    "crimerate --period 2016 --population" \
	    "crimerate --period 2016 --categories" \
	    "crimerate --period 2016 --rollup" "msgrank --group" \
	    "msgrank --accuracy" "msgrank --indicators" "sarender --targets"; do
		case $cmd in
		*--*[a-z]) expect 1 "$msg" $cmd "$f" "$t/good.csv" ;;
		*) expect 1 "$msg" $cmd "$f" ;;
		esac
		check "$cmd $f: no stdout" ! -s "$t/out"
	done
}
printf '%s\n%s\n' "$h" "$r" >"$t/good.csv"

fault "$t/empty.csv" "empty.csv: empty (no header row)"
fault "$t/dir" "dir: Is a directory"
fault "$t/quote.csv" "quote.csv:2: quoted field not closed before the end of input"
fault "$t/short.csv" "short.csv:2: 12 fields where the header has 13"
fault "$t/long.csv" "long.csv:2: 14 fields where the header has 13"
fault "$t/dup.csv" "dup.csv:1: columns 2 'area' and 14 'Area' have the same name"
fault "$t/missing.csv" "missing.csv: No such file or directory"

# A missing column: the columns found, and -c for a data file.
found="; the columns are 'x', 'y'"
for cmd in "crimerate --period 2016" msgrank satrend "sarender -c rate=z"; do
	expect 1 "nocol.csv:1: no column '" $cmd "$t/nocol.csv"
	expect 1 "$found; to read " $cmd "$t/nocol.csv"
	expect 1 "=COLUMN" $cmd "$t/nocol.csv"
	expect 1 "$found; to read " $cmd "$t/nocol-crlf.csv"
done
expect 1 "nocol.csv:1: no column 'area'$found" crimerate --period 2016 \
    --population "$t/nocol.csv" "$t/good.csv"
check "lookup: no -c" -z "$(grep -e '-c ' "$t/err")"
expect 1 "nocol.csv:1: no column 'category'$found" sarender \
    --targets "$t/nocol.csv" "$t/good.csv"
expect 1 "nocol.csv:1: no column 'group'$found" msgrank \
    --group "$t/nocol.csv" "$t/good.csv"
expect 1 "nocol.csv:1: no column 'indicator'$found" msgrank \
    --indicators "$t/nocol.csv" "$t/good.csv"
# one message for every column missing
expect 1 "nocol.csv:1: no column 'area', 'category', 'period', 'count'$found; to read others: -c area=COLUMN, -c category=COLUMN, -c period=COLUMN, -c count=COLUMN" satrend "$t/nocol.csv"
# a long header is cut short in the message
awk 'BEGIN { for (i = 1; i <= 40; i++) printf "c%d%s", i, i < 40 ? "," : "\n" }' >"$t/wide.csv"
expect 1 "'c11', 'c12' and 28 more; to read another as date: -c date=COLUMN" crimerate --period 2016 "$t/wide.csv"
done_
