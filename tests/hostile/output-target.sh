# -o in every tool: a closed stderr (2>&-) never lets the output take
# descriptor 2 (warnings would become its first lines); a closed stdout
# is an error unless -o is given; an existing
# file keeps its mode; a symbolic link stays a link and the file it
# names is replaced; a FIFO or character device is written directly,
# never renamed over; a directory or a dangling link is an error.
. ./common.inc
need csvclean crimerate
printf 'date,area,category,count\n2016-01,A,x,1\n2016-01,A,x\n' >"$t/r.csv"
printf 'date,area,category,count\n2016,A,x,1\n' >"$t/r2.csv"
printf 'area,category,period,count,population,rate\nA,x,2016,1,100,10.00\nB,x,2016,2,100,20.00\n' >"$t/i.csv"
printf 'group,area\nG,A\nG,B\n' >"$t/g.csv"
args() { # TOOL: arguments that make an output (and for csvclean and
	# crimerate, lines on stderr)
	case $1 in
	csvclean) echo "--stats --max-rejects 1 $t/r.csv" ;;
	crimerate) echo "-v $t/r2.csv" ;;
	msgrank) echo "--group $t/g.csv --focus A $t/i.csv" ;;
	sarender) echo "$t/i.csv" ;;
	esac
}
for tool in csvclean crimerate msgrank sarender; do
	command -v $tool >/dev/null || continue
	$tool $(args $tool) >"$t/$tool.want" 2>/dev/null
	# stderr closed: the output is the same as with stderr open
	$tool -o "$t/$tool.o" $(args $tool) 2>&-
	cmp -s "$t/$tool.want" "$t/$tool.o" ||
	    { echo "FAIL: $tool 2>&-: output differs"; head -3 "$t/$tool.o"; fails=$((fails + 1)); }
	# and with stdin closed too
	$tool -o "$t/$tool.o2" $(args $tool) <&- 2>&-
	cmp -s "$t/$tool.want" "$t/$tool.o2" ||
	    { echo "FAIL: $tool <&- 2>&-: output differs"; fails=$((fails + 1)); }
	# stdout closed: an error, as a failed write was; with -o, fine
	expect 1 "<stdout>: closed" sh -c "exec $tool $(args $tool) >&-"
	$tool -o "$t/$tool.o3" $(args $tool) >&- 2>/dev/null
	cmp -s "$t/$tool.want" "$t/$tool.o3" ||
	    { echo "FAIL: $tool -o >&-: output differs"; fails=$((fails + 1)); }
	# mode kept
	echo old >"$t/$tool.m"
	chmod 600 "$t/$tool.m"
	$tool -o "$t/$tool.m" $(args $tool) 2>/dev/null
	check "$tool -o 0600 file: mode $(stat -c %a "$t/$tool.m")" "$(stat -c %a "$t/$tool.m")" = 600
	# a link stays a link, its file replaced
	echo old >"$t/$tool.target"
	ln -s "$tool.target" "$t/$tool.link"
	$tool -o "$t/$tool.link" $(args $tool) 2>/dev/null
	check "$tool -o link: still a link" -L "$t/$tool.link"
	cmp -s "$t/$tool.want" "$t/$tool.target" ||
	    { echo "FAIL: $tool -o link: target not written"; fails=$((fails + 1)); }
	# a FIFO is written into, not replaced
	mkfifo "$t/$tool.fifo"
	timeout 20 cat "$t/$tool.fifo" >"$t/$tool.fromfifo" &
	timeout 20 $tool -o "$t/$tool.fifo" $(args $tool) 2>/dev/null
	wait $!
	check "$tool -o fifo: still a FIFO" -p "$t/$tool.fifo"
	cmp -s "$t/$tool.want" "$t/$tool.fromfifo" ||
	    { echo "FAIL: $tool -o fifo: output not read through it"; fails=$((fails + 1)); }
	# a directory, a link to nothing: errors, nothing made
	mkdir "$t/$tool.d"
	expect 1 "is a directory" $tool -o "$t/$tool.d" $(args $tool)
	ln -s nothing "$t/$tool.dangle"
	expect 1 "symbolic link to nothing" $tool -o "$t/$tool.dangle" $(args $tool)
	check "$tool: nothing left in the directory" -z "$(ls -A "$t/$tool.d")"
done
# a character device: /dev/null stays a device (the test cannot use the
# real one when not root; it checks its own path through a link)
csvclean -o /dev/null "$t/r.csv" 2>/dev/null
check "/dev/null still a character device" -c /dev/null
left=$(ls -A "$t" | grep '^\.' || true)
check "no temporary files left: $left" -z "$left"
done_
