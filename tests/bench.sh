#!/bin/sh
# make bench: time sapipe's reference job against every peer that is
# installed (DuckDB, Miller, SQLite, csvkit) on a synthetic police.uk
# street file, check that they counted the same, and print one table of
# wall time, CPU time (user + system, the children's) and peak memory.
# DuckDB runs twice: with its default sniffing and with the columns
# declared (auto_detect=false), its experts' way; sapipe's bar is held
# against the faster.
# sapipe also runs the job on a tenth of the rows and on twice them (a
# second file, other ids), to show whether each stage's memory is flat.
# The national year: police.uk's layout of a year, a folder per month
# and a file per force (43 x 12 files), counted by sapipe mapped over the
# files (xargs -P 2, csvclean | crimerate --partial a file, or a batch of
# files, then crimerate --merge), by sapipe as one stream, and by DuckDB
# reading the glob both ways; all must count the same. msgrank + sarender on a 15-area group
# and at national size (300 areas x 20 indicators, in one group and in
# 300 Most Similar Groups of 15). Last, the instructions each stage spends
# per input byte (callgrind, on the 200,000-row cut) and where they go.
# Not part of make check: a full run takes several minutes.
#
#   sh tests/bench.sh [BUILD]            (make bench [O=BUILD])
#
# Environment:
#   ROWS=2000000    rows in the generated file (ROWS=200000: a quick run)
#   RUNS=5          timed runs of each command; the table gives the median
#   SEED=2016       the generator's seed
#   PEERS="duckdb miller sqlite csvkit"   the peers to run (sapipe always)
#   DUCKDB_THREADS=2  CSVKIT_RUNS=3 (at most RUNS; csvkit is slow)
#   NATIONAL=1      the national-year job (NATIONAL=0: left out)
#   NATIONAL_ROWS   its rows, all forces and months; default 3 x ROWS
#                   (6,000,000, about 1.2 GB, as police.uk's year)
#   NATIONAL_RUNS   its timed runs, at most RUNS; default RUNS
#   IPB=1           instructions per input byte (IPB=0: left out); needs
#                   valgrind (callgrind), else perf where it counts them
#   TMPDIR          the generated files are kept in $TMPDIR/sapipe-bench
#                   (keyed by rows, seed and generator), DuckDB's npm
#                   package too; remove the folder to reclaim the space.
# Peers that are absent are skipped with a note saying how to install
# them; nothing is installed system-wide. The runs of the commands are
# interleaved, so that a noisy spell on a shared machine spreads over all
# of them rather than falling on one. Exit 1 when a sapipe run fails or a
# peer's counts differ from sapipe's.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
here=$top/tests/bench
O=${1:-build}
case $O in
/*) bin=$O ;;
*) bin=$top/$O ;;
esac
ROWS=${ROWS:-2000000}
RUNS=${RUNS:-5}
SEED=${SEED:-2016}
PEERS=$(printf '%s\n' "${PEERS:-duckdb miller sqlite csvkit}" | tr ',' ' ')
THREADS=${DUCKDB_THREADS:-2}
DUCKDB_VER=1.5.6-r.1
cache=${TMPDIR:-/tmp}/sapipe-bench
ddir=$cache/duckdb-$DUCKDB_VER

unset LC_ALL
LC_NUMERIC=C
LC_CTYPE=C.UTF-8
SAPIPE_PROFILES=$top/lib/profiles
export LC_NUMERIC LC_CTYPE SAPIPE_PROFILES

note() { printf 'bench: %s\n' "$*" >&2; }
die() { note "$*"; exit 1; }
isnum() {
	case $1 in '' | *[!0-9]*) return 1 ;; esac
	[ "$1" -gt 0 ]
}
want() {
	case " $PEERS " in *" $1 "*) return 0 ;; esac
	return 1
}
commas() {
	printf '%s\n' "$1" | awk '{ s = $1; r = ""
	    while (length(s) > 3) { r = "," substr(s, length(s) - 2) r
	        s = substr(s, 1, length(s) - 3) }
	    print s r }'
}

isnum "$ROWS" || die "ROWS must be a positive whole number, not '$ROWS'"
isnum "$RUNS" || die "RUNS must be a positive whole number, not '$RUNS'"
isnum "$SEED" || die "SEED must be a positive whole number, not '$SEED'"
isnum "$THREADS" || die "DUCKDB_THREADS must be a positive whole number"
CSVKIT_RUNS=${CSVKIT_RUNS:-3}
isnum "$CSVKIT_RUNS" || die "CSVKIT_RUNS must be a positive whole number"
[ "$CSVKIT_RUNS" -le "$RUNS" ] || CSVKIT_RUNS=$RUNS
NATIONAL=${NATIONAL:-1}
case $NATIONAL in 0 | 1) ;; *) die "NATIONAL must be 0 or 1, not '$NATIONAL'" ;; esac
NATIONAL_ROWS=${NATIONAL_ROWS:-$((ROWS * 3))}
isnum "$NATIONAL_ROWS" || die "NATIONAL_ROWS must be a positive whole number"
NATIONAL_RUNS=${NATIONAL_RUNS:-$RUNS}
isnum "$NATIONAL_RUNS" || die "NATIONAL_RUNS must be a positive whole number"
[ "$NATIONAL_RUNS" -le "$RUNS" ] || NATIONAL_RUNS=$RUNS
IPB=${IPB:-1}
case $IPB in 0 | 1) ;; *) die "IPB must be 0 or 1, not '$IPB'" ;; esac
command -v python3 >/dev/null ||
    die "python3 generates the data and is missing (apt-get install python3)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sapipe-bench-run.XXXXXX") ||
    die "cannot make a temporary folder"
trap 'rm -rf "$tmp"; rm -f "$cache"/*.$$.tmp' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE
mkdir "$tmp/res" "$tmp/out"
: >"$tmp/notes"
: >"$tmp/cases"
case $tmp$cache in *"'"* | *" "*)
	die "the temporary folder's path has a quote or a space in it" ;;
esac

load0=$(cut -d' ' -f 1 /proc/loadavg 2>/dev/null)

# The two stages, built if the tree has not built them yet, and copied:
# a rebuild during the runs must not change what is timed.
ver=$(git -C "$top" describe --always --dirty 2>/dev/null || echo unknown)
mkdir "$tmp/bin"
for t in csvclean crimerate msgrank sarender; do
	if [ ! -x "$bin/$t" ]; then
		note "building $O/$t"
		(cd "$top" && ${MAKE:-make} -s O="$O" "$O/$t") >&2 ||
		    die "cannot build $O/$t"
	fi
	cp "$bin/$t" "$tmp/bin/" || die "cannot copy $bin/$t"
done
bin=$tmp/bin

# Measuring. tm OUT CMD...: run CMD, write its peak RSS (kB) to OUT.
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null
then
	timer="GNU time"
	TIMER="/usr/bin/time -f %M -o"
	tm() { _o=$1; shift; /usr/bin/time -f %M -o "$_o" "$@"; }
elif ${CC:-cc} -O2 -o "$tmp/maxrss" "$here/maxrss.c" 2>/dev/null; then
	timer="tests/bench/maxrss.c"
	echo "- /usr/bin/time (GNU time) is absent: peak memory measured by" \
	    "tests/bench/maxrss.c, its equal (apt-get install time)" \
	    >>"$tmp/notes"
	TIMER=$tmp/maxrss
	tm() { _o=$1; shift; "$tmp/maxrss" "$_o" "$@"; }
else
	# A child's peak counts the pages it was forked with: python3's own.
	timer="python3 getrusage"
	python3 "$here/maxrss.py" "$tmp/floor" true
	echo "- /usr/bin/time (GNU time) and a C compiler are absent: peak" \
	    "memory measured by python3's getrusage, which counts python3's" \
	    "own $(awk '{ printf "%.1f", $1 / 1024 }' "$tmp/floor") MB in every" \
	    "figure and its start-up in every wall time; read them as upper" \
	    "bounds (apt-get install time)" \
	    >>"$tmp/notes"
	TIMER="python3 $here/maxrss.py"
	tm() { _o=$1; shift; python3 "$here/maxrss.py" "$_o" "$@"; }
fi
export TIMER
case $(date +%N 2>/dev/null) in
[0-9]*) now() { date +%s.%N; } ;;
*) now() { python3 -c 'import time; print("%.6f" % time.time())'; } ;;
esac

# The data, generated once per rows, seed and generator and kept.
mkdir -p "$cache" || die "cannot make $cache"
gkey=$(cksum <"$here/gen-street.py" | cut -d' ' -f1)
stem=$cache/street-$ROWS-s$SEED-g$gkey
clean=$stem.csv
messy=$stem-messy.csv
gz=$stem.csv.gz
# a second file of as many rows with other ids, for the memory at twice
# the size: the next month's download, say
clean2=$cache/street-$ROWS-s$((SEED + 1))-g$gkey.csv
if [ ! -s "$clean" ] || [ ! -s "$messy" ] || [ ! -s "$gz" ] ||
    [ ! -s "$clean2" ]; then
	need=$((ROWS * 640 / 1024))
	avail=$(df -Pk "$cache" | awk 'NR == 2 { print $4 }')
	[ "${avail:-0}" -gt "$need" ] ||
	    die "$cache needs about $((need / 1024)) MB free for the data" \
	    "(set TMPDIR to a roomier place)"
fi
gen() {
	_out=$1 _seed=$2
	shift 2
	[ -s "$_out" ] && return 0
	note "generating $_out (cached for the next run; takes a while)"
	python3 "$here/gen-street.py" "$ROWS" --seed "$_seed" "$@" \
	    >"$_out.$$.tmp" && mv "$_out.$$.tmp" "$_out" ||
	    die "cannot generate $_out"
}
gen "$clean" "$SEED"
gen "$messy" "$SEED" --messy
gen "$clean2" $((SEED + 1))
if [ ! -s "$gz" ]; then
	command -v gzip >/dev/null || die "gzip is missing (apt-get install gzip)"
	note "compressing $gz"
	gzip -c "$clean" >"$gz.$$.tmp" && mv "$gz.$$.tmp" "$gz" ||
	    die "cannot write $gz"
fi
# The national year, a folder per month and a file per force, generated
# once per rows, seed and generator into a folder renamed when complete.
nat=$cache/national-$NATIONAL_ROWS-s$SEED-g$gkey
if [ "$NATIONAL" = 1 ] && [ ! -d "$nat" ]; then
	need=$((NATIONAL_ROWS * 210 / 1024))
	avail=$(df -Pk "$cache" | awk 'NR == 2 { print $4 }')
	[ "${avail:-0}" -gt "$need" ] ||
	    die "$cache needs about $((need / 1024)) MB free for the national" \
	    "year (set TMPDIR to a roomier place, or NATIONAL=0)"
	note "generating $nat (43 forces x 12 months; cached; takes a while)"
	rm -rf "$nat.$$.tmp"
	python3 "$here/gen-street.py" "$NATIONAL_ROWS" --seed "$SEED" \
	    --national "$nat.$$.tmp" && mv "$nat.$$.tmp" "$nat" ||
	    die "cannot generate $nat"
fi
if [ "$NATIONAL" = 1 ]; then
	ls "$nat"/*/*.csv >"$tmp/natfiles"
	NATFILES=$(wc -l <"$tmp/natfiles")
	NATMB=$(cat "$nat"/*/*.csv | wc -c | awk '{ printf "%d", $1 / 1e6 }')
fi

# A cut of the same file: csvkit's job, and the smaller size that the
# memory-flatness check compares against.
CUT=200000
[ "$ROWS" -gt "$CUT" ] || CUT=$(((ROWS + 9) / 10))
head -n $((CUT + 1)) "$clean" >"$tmp/cut.csv"
cat "$clean" "$clean2" "$messy" "$gz" >/dev/null    # into the page cache

# The cases: id|peer|job|the sapipe case it is a ratio to|stages.
addcase() { printf '%s|%s|%s|%s|%s\n' "$@" >>"$tmp/cases"; }
skip() {
	_who=$1
	shift
	echo "- $_who skipped: $*" >>"$tmp/notes"
	note "$_who skipped: $*"
}
J_REF="reference, $(commas "$ROWS") rows"
J_DBL="reference, $(commas $((ROWS * 2))) rows (two files)"
J_CUT="reference, $(commas "$CUT") rows"
J_MESSY="clean the --messy file"
J_GZ="clean the gzip file"
J_CLEAN="clean the clean file"

c_sap_ref() {
	tm "$R/csvclean" "$bin/csvclean" -p police-street "$clean" 2>"$R/err" |
	    tm "$R/crimerate" "$bin/crimerate" --by month \
	    >"$tmp/out/sap_ref.csv" 2>"$R/err2"
}
c_sap_cut() {
	tm "$R/csvclean" "$bin/csvclean" -p police-street "$tmp/cut.csv" \
	    2>"$R/err" |
	    tm "$R/crimerate" "$bin/crimerate" --by month \
	    >"$tmp/out/sap_cut.csv" 2>"$R/err2"
}
c_sap_dbl() {
	tm "$R/csvclean" "$bin/csvclean" -p police-street "$clean" "$clean2" \
	    2>"$R/err" |
	    tm "$R/crimerate" "$bin/crimerate" --by month \
	    >"$tmp/out/sap_dbl.csv" 2>"$R/err2"
}
# The small-data end: a Most Similar Group of 15 areas, 20 indicators
# each, ranked and rendered as HTML (the bar: milliseconds).
awk 'BEGIN {
	print "area,category,period,count,population,rate,prev_count," \
	    "prev_rate,change,change_pct"
	for (a = 1; a <= 15; a++) for (c = 1; c <= 20; c++) {
		pop = 90000 + a * 7919; n = 40 + (a * 37 + c * 101) % 900
		p = int(n * (0.85 + ((a + c) % 7) / 20))
		printf "Area %02d,Indicator %02d,sa2016,%d,%d,%.2f,%d,%.2f,%d,%.1f\n",
		    a, c, n, pop, n * 1000 / pop, p, p * 1000 / pop, n - p,
		    (n - p) * 100 / p } }' >"$tmp/ind15.csv"
awk 'BEGIN { print "group,area"
	for (a = 1; a <= 15; a++) printf "MSG,Area %02d\n", a }' >"$tmp/msg15.csv"
J_SMALL="rank and render 15 areas x 20 indicators"
c_sap_small() {
	tm "$R/msgrank" "$bin/msgrank" --group "$tmp/msg15.csv" \
	    --focus 'Area 01' "$tmp/ind15.csv" 2>"$R/err" |
	    tm "$R/sarender" "$bin/sarender" -f html \
	    >"$tmp/out/sap_small.html" 2>"$R/err2"
}
# National size: every CSP of England and Wales (about 300) x 20
# indicators; ranked in one national group, and each in its own Most
# Similar Group of 15 (itself and 14 others: 300 groups, 90,000 rows).
awk 'BEGIN {
	print "area,category,period,count,population,rate,prev_count," \
	    "prev_rate,change,change_pct"
	for (a = 1; a <= 300; a++) for (c = 1; c <= 20; c++) {
		pop = 50000 + (a * 7919) % 400000
		n = 20 + (a * 37 + c * 101 + a * c) % 3000
		p = int(n * (0.8 + ((a * 3 + c) % 9) / 20))
		printf "CSP %03d,Indicator %02d,sa2016,%d,%d,%.2f,%d,%.2f,%d,%.1f\n",
		    a, c, n, pop, n * 1000 / pop, p, p * 1000 / pop, n - p,
		    (n - p) * 100 / p } }' >"$tmp/ind300.csv"
awk 'BEGIN { print "group,area"
	for (a = 1; a <= 300; a++) for (k = 0; k < 15; k++)
		printf "MSG %03d,CSP %03d\n", a, (a + 7 * k - 1) % 300 + 1 }' \
    >"$tmp/msg300.csv"
J_RANK300="rank and render 300 areas x 20 indicators, one group"
J_MSG300="rank and render 300 areas x 20 indicators in 300 MSGs of 15"
c_sap_rank300() {
	tm "$R/msgrank" "$bin/msgrank" "$tmp/ind300.csv" 2>"$R/err" |
	    tm "$R/sarender" "$bin/sarender" -f html \
	    >"$tmp/out/sap_rank300.html" 2>"$R/err2"
}
c_sap_msg300() {
	tm "$R/msgrank" "$bin/msgrank" --group "$tmp/msg300.csv" \
	    "$tmp/ind300.csv" 2>"$R/err" |
	    tm "$R/sarender" "$bin/sarender" -f html \
	    >"$tmp/out/sap_msg300.html" 2>"$R/err2"
}
# The national year: the files mapped two at a time, then merged; and
# the same files as one stream. The mappers' peak memory is measured in
# one run of its own (natmem), not in the timed runs: GNU time around
# each of a thousand short processes would add its own start-up.
J_NAT="national year, $(commas "$NATIONAL_ROWS") rows in ${NATFILES:-0} files"
natmem() {
	R=$tmp/natmem
	mkdir -p "$R/map" "$R/parts"
	xargs -P 2 -n 16 sh "$here/map.sh" "$bin" "$R" "$R/parts" \
	    <"$tmp/natfiles"
	for _s in csvclean crimerate; do    # the peak of all, or a failure
		cat "$R/map/$_s".* 2>/dev/null | grep -v '^[0-9][0-9]*$' |
		    head -n 1 >"$R/$_s"
		[ -s "$R/$_s" ] || cat "$R/map/$_s".* | sort -n | tail -n 1 \
		    >"$R/$_s"
	done
	rm -rf "$R/parts"
}
c_sap_natmap() {
	mkdir "$R/map" "$R/parts"
	if TIMER="" xargs -P 2 -n 16 sh "$here/map.sh" "$bin" "$R" \
	    "$R/parts" <"$tmp/natfiles"; then
		cp "$tmp/natmem/csvclean" "$tmp/natmem/crimerate" "$R/"
	else
		echo "Command exited with non-zero status: a mapper" \
		    >"$R/csvclean"
	fi
	cat "$R/map"/err* >"$R/err" 2>/dev/null
	tm "$R/merge" "$bin/crimerate" --merge --by month "$R/parts"/*.part \
	    >"$tmp/out/sap_natmap.csv" 2>"$R/err2"
}
# The same, mapped over 8 batches of files, each one csvclean | crimerate
# --partial: two processes a batch instead of two a file.
NATB=$(( (${NATFILES:-0} + 7) / 8 ))
c_sap_natbatch() {
	mkdir "$R/map" "$R/parts"
	if ! BATCH=1 xargs -P 2 -n "$NATB" sh "$here/map.sh" "$bin" "$R" \
	    "$R/parts" <"$tmp/natfiles"; then
		echo "Command exited with non-zero status: a mapper" \
		    >"$R/csvclean"
	fi
	for _s in csvclean crimerate; do    # the peak of all, or a failure
		[ -s "$R/$_s" ] && continue
		cat "$R/map/$_s".* 2>/dev/null | grep -v '^[0-9][0-9]*$' |
		    head -n 1 >"$R/$_s"
		[ -s "$R/$_s" ] || cat "$R/map/$_s".* | sort -n | tail -n 1 \
		    >"$R/$_s"
	done
	cat "$R/map"/err* >"$R/err" 2>/dev/null
	tm "$R/merge" "$bin/crimerate" --merge --by month "$R/parts"/*.part \
	    >"$tmp/out/sap_natbatch.csv" 2>"$R/err2"
}
c_sap_nat() {
	tm "$R/csvclean" "$bin/csvclean" -p police-street $(cat "$tmp/natfiles") \
	    2>"$R/err" |
	    tm "$R/crimerate" "$bin/crimerate" --by month \
	    >"$tmp/out/sap_nat.csv" 2>"$R/err2"
}
if [ "$NATIONAL" = 1 ]; then
	addcase sap_natmap "sapipe, xargs -P 2, merge" "$J_NAT" sap_natmap \
	    "csvclean crimerate merge"
	addcase sap_natbatch "sapipe, xargs -P 2, 8 batches, merge" "$J_NAT" \
	    sap_natmap "csvclean crimerate merge"
	addcase sap_nat "sapipe, one stream" "$J_NAT" sap_natmap \
	    "csvclean crimerate"
fi

c_sap_clean() {
	tm "$R/csvclean" "$bin/csvclean" -p police-street "$clean" \
	    >/dev/null 2>"$R/err"
}
c_sap_messy() {
	tm "$R/csvclean" "$bin/csvclean" -p police-street "$messy" \
	    >/dev/null 2>"$R/err"
}
c_sap_gz() {
	tm "$R/csvclean" "$bin/csvclean" -p police-street "$gz" \
	    >/dev/null 2>"$R/err"
}
c_zcat_gz() {
	zcat "$gz" | tm "$R/csvclean" "$bin/csvclean" -p police-street \
	    >/dev/null 2>"$R/err"
}
addcase sap_ref sapipe "$J_REF" sap_ref "csvclean crimerate"
addcase sap_cut sapipe "$J_CUT" sap_cut "csvclean crimerate"
addcase sap_dbl sapipe "$J_DBL" sap_dbl "csvclean crimerate"
addcase sap_clean "sapipe csvclean" "$J_CLEAN" sap_clean csvclean
addcase sap_messy "sapipe csvclean" "$J_MESSY" sap_messy csvclean
addcase sap_gz "sapipe csvclean" "$J_GZ" sap_gz csvclean
addcase sap_small "sapipe msgrank + sarender" "$J_SMALL" sap_small \
    "msgrank sarender"
addcase sap_rank300 "sapipe msgrank + sarender" "$J_RANK300" sap_rank300 \
    "msgrank sarender"
addcase sap_msg300 "sapipe msgrank + sarender" "$J_MSG300" sap_msg300 \
    "msgrank sarender"
if command -v zcat >/dev/null; then
	addcase zcat_gz "zcat piped to csvclean" "$J_GZ" sap_gz csvclean
else
	skip "zcat piped to csvclean" "zcat is absent (apt-get install gzip)"
fi

# DuckDB through its node package, installed once into the cache.
AREA_RE=' [0-9]{3}[A-Z]$'
DUCK_Q="select Month, regexp_replace(\"LSOA name\", '$AREA_RE', '') area,"
DUCK_Q="$DUCK_Q \"Crime type\", count(*) from read_csv(SRC) group by all"
# Its default sniffs the types of every file; its experts declare them.
DUCK_COLS="{'Crime ID': 'VARCHAR', 'Month': 'VARCHAR',"
DUCK_COLS="$DUCK_COLS 'Reported by': 'VARCHAR', 'Falls within': 'VARCHAR',"
DUCK_COLS="$DUCK_COLS 'Longitude': 'DOUBLE', 'Latitude': 'DOUBLE',"
DUCK_COLS="$DUCK_COLS 'Location': 'VARCHAR', 'LSOA code': 'VARCHAR',"
DUCK_COLS="$DUCK_COLS 'LSOA name': 'VARCHAR', 'Crime type': 'VARCHAR',"
DUCK_COLS="$DUCK_COLS 'Last outcome category': 'VARCHAR', 'Context': 'VARCHAR'}"
duckq() {    # PATH-OR-GLOB [declared]: the query on that source
	_src="'$1', header=true"
	[ $# -gt 1 ] && _src="$_src, auto_detect=false, columns=$DUCK_COLS"
	printf '%s\n' "$DUCK_Q" | sed "s|SRC|$_src|"
}
DUCK_REF=$(duckq "$clean")
DUCK_REF_DECL=$(duckq "$clean" declared)
DUCK_NAT=$(duckq "$nat/*/*.csv")
DUCK_NAT_DECL=$(duckq "$nat/*/*.csv" declared)
duck() {
	tm "$1" env NODE_PATH="$ddir/node_modules" \
	    node "$here/duckdb-query.mjs" "$2" "$THREADS"
}
duckprobe() {
	env NODE_PATH="$ddir/node_modules" node "$here/duckdb-query.mjs" \
	    'select 42' 1 >/dev/null 2>&1
}
c_duck_ref() { duck "$R/duckdb" "$DUCK_REF" >"$R/out" 2>"$R/err"; }
c_duck_ref_decl() { duck "$R/duckdb" "$DUCK_REF_DECL" >"$R/out" 2>"$R/err"; }
c_duck_nat() { duck "$R/duckdb" "$DUCK_NAT" >"$R/out" 2>"$R/err"; }
c_duck_nat_decl() { duck "$R/duckdb" "$DUCK_NAT_DECL" >"$R/out" 2>"$R/err"; }
if ! want duckdb; then
	:
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	skip DuckDB "node and npm are absent (apt-get install nodejs npm;" \
	    "then make bench installs @duckdb/node-api@$DUCKDB_VER into $ddir)"
else
	if ! duckprobe; then
		note "installing DuckDB for node into $ddir (once):" \
		    "npm install --prefix $ddir @duckdb/node-api@$DUCKDB_VER"
		rm -rf "$ddir"
		npm install --prefix "$ddir" --no-audit --no-fund \
		    --loglevel=error "@duckdb/node-api@$DUCKDB_VER" \
		    >"$tmp/npm.log" 2>&1 || sed 's/^/  npm: /' "$tmp/npm.log" >&2
	fi
	if duckprobe; then
		addcase duck_ref "DuckDB ($THREADS threads), sniffing" \
		    "$J_REF" sap_ref duckdb
		addcase duck_ref_decl "DuckDB ($THREADS threads), declared" \
		    "$J_REF" sap_ref duckdb
		[ "$NATIONAL" = 0 ] || addcase duck_nat \
		    "DuckDB ($THREADS threads), sniffing" "$J_NAT" sap_natmap duckdb
		[ "$NATIONAL" = 0 ] || addcase duck_nat_decl \
		    "DuckDB ($THREADS threads), declared" "$J_NAT" sap_natmap duckdb
	else
		skip DuckDB "@duckdb/node-api@$DUCKDB_VER would not install or" \
		    "load (try: npm install --prefix $ddir" \
		    "@duckdb/node-api@$DUCKDB_VER)"
	fi
fi

# Miller: the bench README's command.
c_mlr_ref() {
	tm "$R/mlr" mlr --icsv --ocsv \
	    put '$area = sub(${LSOA name}, " [0-9]{3}[A-Z]$", "")' \
	    'then' count -g 'Month,area,Crime type' "$clean" \
	    >"$tmp/out/mlr_ref.csv" 2>"$R/err"
}
MLR_MESSY=""
c_mlr_messy() {
	tm "$R/mlr" mlr --icsv --ocsv $MLR_MESSY cat "$messy" \
	    >/dev/null 2>"$R/err"
}
if ! want miller; then
	:
elif command -v mlr >/dev/null; then
	addcase mlr_ref Miller "$J_REF" sap_ref mlr
	addcase mlr_messy "Miller (cat)" "$J_MESSY" sap_messy mlr
else
	skip Miller "mlr is absent (apt-get install miller)"
fi

# SQLite: .import into a database in memory, then the same group by
# (SQLite has no regexp_replace; the glob is the same test).
cat >"$tmp/sqlite.sql" <<EOF
.mode csv
.import '$clean' street
.headers on
select Month,
    case when "LSOA name" glob '* [0-9][0-9][0-9][A-Z]'
        then substr("LSOA name", 1, length("LSOA name") - 5)
        else "LSOA name" end as area,
    "Crime type", count(*) as n
from street group by 1, 2, 3;
EOF
c_sqlite_ref() {
	tm "$R/sqlite3" sqlite3 -batch <"$tmp/sqlite.sql" \
	    >"$tmp/out/sqlite_ref.csv" 2>"$R/err"
}
if ! want sqlite; then
	:
elif command -v sqlite3 >/dev/null; then
	addcase sqlite_ref "SQLite (in memory)" "$J_REF" sap_ref sqlite3
else
	skip SQLite "sqlite3 is absent (apt-get install sqlite3)"
fi

# csvkit, on the cut: it is too slow for the whole file.
CSVKIT_Q='select Month,
    case when "LSOA name" glob '"'* [0-9][0-9][0-9][A-Z]'"'
        then substr("LSOA name", 1, length("LSOA name") - 5)
        else "LSOA name" end as area,
    "Crime type", count(*) as n
from cut group by 1, 2, 3'
c_csvkit_cut() {
	tm "$R/csvsql" csvsql -I --snifflimit 0 --query "$CSVKIT_Q" \
	    "$tmp/cut.csv" >"$tmp/out/csvkit_cut.csv" 2>"$R/err"
}
if ! want csvkit; then
	:
elif command -v csvsql >/dev/null; then
	addcase csvkit_cut csvkit "$J_CUT" sap_cut csvsql
else
	skip csvkit "csvsql is absent (apt-get install csvkit)"
fi

# The CPU time (user + system, in seconds) of the shell's finished
# children, from the times builtin, to the file $1 (this shell's: in
# $(...) a subshell would answer, whose children are its own).
cputime() {
	times >"$R/times"
	sed -n 2p "$R/times" >"$1"
}
cpusecs() {
	awk '{ t = 0
	    for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] }
	    printf "%.3f\n", t }' "$1"
}

# One timed run of case $1: its wall time, CPU time and each stage's peak
# RSS go to $tmp/res; a failure marks the case failed and shows its
# messages.
runcase() {
	_id=$1 _stages=$2
	R=$tmp/run
	rm -rf "$R"
	mkdir "$R"
	_t0=$(now)
	cputime "$R/cpu0"
	"c_$_id" </dev/null
	cputime "$R/cpu1"
	_c0=$(cpusecs "$R/cpu0")
	_c1=$(cpusecs "$R/cpu1")
	_t1=$(now)
	_bad=""
	for _s in $_stages; do
		tail -n 1 "$R/$_s" 2>/dev/null | grep -q '^[0-9][0-9]*$' ||
		    _bad="$_s did not run"
		if grep -qs -e 'non-zero status' -e 'terminated by signal' \
		    "$R/$_s"; then
			_bad="$_s: $(head -n 1 "$R/$_s")"
		fi
	done
	if [ -n "$_bad" ]; then
		mv "$R" "$tmp/failed.$_id"
		printf '%s\n' "$_bad" >"$tmp/failed.$_id/why"
		return 1
	fi
	awk -v a="$_t0" -v b="$_t1" 'BEGIN { printf "%.3f\n", b - a }' \
	    >>"$tmp/res/$_id.wall"
	awk -v a="$_c0" -v b="$_c1" 'BEGIN { printf "%.3f\n", b - a }' \
	    >>"$tmp/res/$_id.cpu"
	for _s in $_stages; do
		tail -n 1 "$R/$_s" >>"$tmp/res/$_id.$_s"
	done
	for _f in "$R"/err*; do
		cp "$_f" "$tmp/out/$_id.${_f##*/}"
	done
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END {
	if (NR == 0) exit 1
	if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]
	else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peakmb() { sort -n "$1" | tail -n 1 | awk '{ printf "%.1f\n", $1 / 1024 }'; }

if awk -v l="${load0:-0}" 'BEGIN { exit !(l > 0.5) }'; then
	echo "- the machine was busy when the bench began (load average" \
	    "$load0): figures are slower and noisier, most for the peers" \
	    "that use several cores; the ratios are fairer on an idle machine" \
	    >>"$tmp/notes"
fi
if [ "$NATIONAL" = 1 ]; then
	note "measuring the national mappers' memory (one run)"
	cat "$nat"/*/*.csv >/dev/null    # into the page cache, if it fits
	natmem
fi
note "timing $(wc -l <"$tmp/cases") commands, $RUNS run(s) each," \
    "interleaved (memory by $timer)"
i=1
while [ "$i" -le "$RUNS" ]; do
	while IFS='|' read -r id peer job base stages <&3; do
		[ -e "$tmp/failed.$id" ] && continue
		[ "$id" = csvkit_cut ] && [ "$i" -gt "$CSVKIT_RUNS" ] && continue
		case $id in *_nat*)
			[ "$i" -gt "$NATIONAL_RUNS" ] && continue ;;
		esac
		if ! runcase "$id" "$stages" && [ "$id" = mlr_messy ] &&
		    [ -z "$MLR_MESSY" ]; then
			echo "- Miller: plain 'mlr --icsv --ocsv cat' stops on" \
			    "the --messy file ($(head -n 1 "$tmp/failed.$id/err" |
			    sed 's/^\(mlr: \)*//; s/ at filename.*//')); timed" \
			    "with --allow-ragged-csv-input instead" >>"$tmp/notes"
			rm -rf "$tmp/failed.$id"
			MLR_MESSY=--allow-ragged-csv-input
			runcase "$id" "$stages"
		fi
		if [ -e "$tmp/failed.$id" ]; then
			note "[$i/$RUNS] $peer, $job: FAILED:" \
			    "$(cat "$tmp/failed.$id/why")"
			printf '%s, %s' "$peer" "$job" >"$tmp/failed.$id/what"
			for f in "$tmp/failed.$id"/err*; do
				tail -n 5 "$f" | sed 's/^/    /' >&2
			done
			continue
		fi
		mem=""
		for s in $stages; do
			mem="$mem${mem:+ / }$(tail -n 1 "$tmp/res/$id.$s" |
			    awk '{ printf "%.1f", $1 / 1024 }')"
		done
		note "[$i/$RUNS] $peer, $job: $(tail -n 1 "$tmp/res/$id.wall")" \
		    "s, $mem MB"
	done 3<"$tmp/cases"
	i=$((i + 1))
done

load1=$(cut -d' ' -f 1 /proc/loadavg 2>/dev/null)

# Do the peers count what sapipe counts?
status=0
: >"$tmp/checks"
for f in "$tmp"/failed.sap_*; do
	[ -e "$f" ] || continue
	echo "- sapipe FAILED: its messages are on" \
	    "standard error" >>"$tmp/notes"
	status=1
	break
done
check() {    # NAME SAPIPE-CASE PEER-OUTPUT ROWS
	[ -s "$tmp/out/$2.csv" ] && [ -s "$3" ] && [ ! -e "$tmp/failed.$2" ] ||
	    return 0
	python3 "$here/agree.py" "$tmp/out/$2.csv" "$3" "$1" "$4" \
	    >>"$tmp/checks" || status=1
}
duckcheck() {    # CASE QUERY NAME SAPIPE-CASE ROWS
	grep -q "^$1|" "$tmp/cases" && [ ! -e "$tmp/failed.$1" ] || return 0
	note "checking the counts of $3 (DuckDB once more, writing its rows)"
	NODE_PATH="$ddir/node_modules" node "$here/duckdb-query.mjs" \
	    "copy ($2) to '$tmp/out/$1.csv' (header)" "$THREADS" \
	    >/dev/null 2>"$tmp/out/duck.err" ||
	    sed 's/^/    /' "$tmp/out/duck.err" >&2
	check "$3" "$4" "$tmp/out/$1.csv" "$5"
}
duckcheck duck_ref "$DUCK_REF" "DuckDB, sniffing" sap_ref "$ROWS"
duckcheck duck_ref_decl "$DUCK_REF_DECL" "DuckDB, declared" sap_ref "$ROWS"
if [ "$NATIONAL" = 1 ]; then
	duckcheck duck_nat "$DUCK_NAT" "DuckDB, sniffing, national" sap_nat \
	    "$NATIONAL_ROWS"
	duckcheck duck_nat_decl "$DUCK_NAT_DECL" "DuckDB, declared, national" \
	    sap_nat "$NATIONAL_ROWS"
	for m in natmap:"file by file" natbatch:"in 8 batches"; do
		f=$tmp/out/sap_${m%%:*}.csv
		[ -s "$f" ] && [ -s "$tmp/out/sap_nat.csv" ] || continue
		if cmp -s "$f" "$tmp/out/sap_nat.csv"; then
			echo "check sapipe national: the $NATFILES files mapped" \
			    "${m#*:} and merged give one stream's output, byte" \
			    "for byte" >>"$tmp/checks"
		else
			echo "check sapipe national: MISMATCH: mapped ${m#*:}" \
			    "and merged differs from one stream" >>"$tmp/checks"
			status=1
		fi
	done
fi
[ -e "$tmp/failed.mlr_ref" ] || check Miller sap_ref "$tmp/out/mlr_ref.csv" "$ROWS"
[ -e "$tmp/failed.sqlite_ref" ] ||
    check SQLite sap_ref "$tmp/out/sqlite_ref.csv" "$ROWS"
[ -e "$tmp/failed.csvkit_cut" ] ||
    check "csvkit ($(commas "$CUT") rows)" sap_cut \
	    "$tmp/out/csvkit_cut.csv" "$CUT"

# The report.
echo
echo "sapipe make bench: $(commas "$ROWS") police.uk street rows" \
    "($(($(wc -c <"$clean") / 1000000)) MB, seed $SEED), $RUNS run$([ "$RUNS" = 1 ] || echo s) each," \
    "median wall time of the whole command or pipeline, and its median" \
    "CPU time (user + system, all its processes)"
if [ -s "$tmp/notes" ]; then
	echo
	cat "$tmp/notes"
fi
for f in "$tmp"/failed.*; do
	[ -e "$f" ] || continue
	echo "- $(cat "$f/what") FAILED: $(cat "$f/why")"
done
if [ -s "$tmp/checks" ]; then
	echo
	cat "$tmp/checks"
fi

if [ -s "$tmp/res/sap_cut.wall" ] && [ -s "$tmp/res/sap_ref.wall" ] &&
    [ -s "$tmp/res/sap_dbl.wall" ]; then
	echo
	echo "Memory flatness, sapipe's peak RSS per stage (MB; the bar is" \
	    "16 MB, flat in the input size):"
	printf '  %-10s %16s %16s %16s\n' stage "$(commas "$CUT") rows" \
	    "$(commas "$ROWS") rows" "$(commas $((ROWS * 2))) rows"
	for s in csvclean crimerate; do
		a=$(peakmb "$tmp/res/sap_cut.$s")
		b=$(peakmb "$tmp/res/sap_ref.$s")
		c=$(peakmb "$tmp/res/sap_dbl.$s")
		v=$(awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN {
		    v = (c <= b * 1.10 + 0.5) ? "flat" : "GROWS"
		    if (v == "flat" && b > a * 1.10 + 0.5)
		        v = "grows to its budget, then flat"
		    if (a > 16 || b > 16 || c > 16) v = v ", OVER 16 MB"
		    print v }')
		printf '  %-10s %16s %16s %16s   %s\n' "$s" "$a" "$b" "$c" "$v"
	done
	if [ -s "$tmp/res/sap_nat.csvclean" ]; then
		printf '  national year, %s rows, one stream: csvclean %s,' \
		    "$(commas "$NATIONAL_ROWS")" \
		    "$(peakmb "$tmp/res/sap_nat.csvclean")"
		printf ' crimerate %s\n' "$(peakmb "$tmp/res/sap_nat.crimerate")"
	fi
	if [ -s "$tmp/res/sap_natbatch.merge" ]; then
		printf '  national year in 8 batches: csvclean %s, crimerate' \
		    "$(peakmb "$tmp/res/sap_natbatch.csvclean")"
		printf ' --partial %s (the largest of 8 each), crimerate --merge' \
		    "$(peakmb "$tmp/res/sap_natbatch.crimerate")"
		printf ' %s\n' "$(peakmb "$tmp/res/sap_natbatch.merge")"
	fi
	if [ -s "$tmp/res/sap_natmap.merge" ]; then
		printf '  national year mapped: csvclean %s, crimerate --partial' \
		    "$(peakmb "$tmp/res/sap_natmap.csvclean")"
		printf ' %s (the largest of %s each), crimerate --merge %s\n' \
		    "$(peakmb "$tmp/res/sap_natmap.crimerate")" "$NATFILES" \
		    "$(peakmb "$tmp/res/sap_natmap.merge")"
	fi
	echo "  (csvclean's --dedup keeps ids in memory up to its budget," \
	    "10 MB, then in temporary files)"
fi

# The table lists the jobs in this order, sapipe first in each.
group() {
	case $1 in
	sap_ref) echo 1 ;; sap_cut | sap_dbl) echo 2 ;; sap_clean) echo 3 ;;
	sap_messy) echo 4 ;; sap_natmap) echo 6 ;;
	sap_small | sap_rank300 | sap_msg300) echo 7 ;; *) echo 5 ;;
	esac
}
: >"$tmp/table"
while IFS='|' read -r id peer job base stages; do
	[ -s "$tmp/res/$id.wall" ] || {
		[ -e "$tmp/failed.$id" ] && printf '%s\t%s\t%s\tFAILED\t\t\t\n' \
		    "$(group "$base")" "$peer" "$job" >>"$tmp/table"
		continue
	}
	w=$(median "$tmp/res/$id.wall")
	r="n/a"
	[ -s "$tmp/res/$base.wall" ] &&
	    r=$(awk -v a="$w" -v b="$(median "$tmp/res/$base.wall")" \
	    'BEGIN { printf "%.2f\n", a / b }')
	mem=""
	for s in $stages; do
		mem="$mem${mem:+ + }$(peakmb "$tmp/res/$id.$s")"
	done
	n=$(wc -l <"$tmp/res/$id.wall")
	[ "$n" -eq "$RUNS" ] || job="$job ($n runs)"
	w=$(awk -v w="$w" 'BEGIN { printf(w < 1 ? "%.3f" : "%.2f", w) }')
	cpu=$(median "$tmp/res/$id.cpu" | awk '{ printf($1 < 1 ? "%.3f" : "%.2f", $1) }')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(group "$base")" "$peer" \
	    "$job" "$w" "$cpu" "$r" "$mem" >>"$tmp/table"
done <"$tmp/cases"
echo
{
	printf 'peer\tjob\twall median (s)\tCPU median (s)\tratio to sapipe'
	printf '\tpeak RSS (MB)\n'
	sort -s -t "$(printf '\t')" -k 1,1n "$tmp/table" | cut -f 2-
} | awk -F '\t' '
	{ for (i = 1; i <= NF; i++) { c[NR, i] = $i
	    if (length($i) > w[i]) w[i] = length($i) } }
	END { for (r = 1; r <= NR; r++) {
	    line = "|"
	    for (i = 1; i <= 6; i++) {
	        f = (i >= 3) ? "%" w[i] "s" : "%-" w[i] "s"
	        line = line " " sprintf(f, c[r, i]) " |" }
	    print line
	    if (r == 1) { line = "|"
	        for (i = 1; i <= 6; i++) { d = ""
	            for (k = 0; k < w[i]; k++) d = d "-"
	            if (i >= 3) d = substr(d, 2) ":"
	            line = line " " d " |" }
	        print line } } }'

# The bars, where the peers ran.
bar() {    # A-CASE B-CASE TEXT TEST [wall|cpu]: prints A's median / B's
	_m=${5:-wall}
	[ -s "$tmp/res/$1.$_m" ] && [ -s "$tmp/res/$2.$_m" ] || return 0
	_t=$(printf '%s' "$3" | tr '\n\t' '  ' | tr -s ' ')
	# Each round ran both, a moment apart: the range of the rounds'
	# quotients shows how far the noise reaches.
	_rng=$(paste "$tmp/res/$1.$_m" "$tmp/res/$2.$_m" | awk '
	    NF == 2 && $2 > 0 { q = $1 / $2; if (n == 0 || q < lo) lo = q
	        if (n == 0 || q > hi) hi = q; n++ }
	    END { if (n > 1) printf "; round by round %.2f to %.2f", lo, hi }')
	awk -v a="$(median "$tmp/res/$1.$_m")" \
	    -v b="$(median "$tmp/res/$2.$_m")" -v t="$_t" -v k="$4" \
	    -v r="$_rng" 'BEGIN { if (b <= 0) exit
	    q = a / b
	    ok = (k == "le05") ? q <= 0.5 : (k == "lt1") ? q < 1 : q >= 10
	    printf "- %s %.2f%s: %s\n", t, q, r, ok ? "met" : "NOT MET" }'
}
faster() {    # CASE...: the one of them with the least median wall time
	for _c; do
		[ -s "$tmp/res/$_c.wall" ] &&
		    printf '%s %s\n' "$(median "$tmp/res/$_c.wall")" "$_c"
	done | sort -n | head -n 1 | cut -d' ' -f2
}
form() {    # a DuckDB case's form, as the table names it
	case $1 in *_decl) echo "declared columns" ;; *) echo "sniffing" ;; esac
}
{
	d=$(faster duck_ref duck_ref_decl)
	if [ -n "$d" ]; then
		bar sap_ref "$d" "reference: sapipe's wall time / DuckDB's,
		    $(form "$d") (the faster form; the bar: 0.50 or less):" le05
		bar sap_ref "$d" "reference: sapipe's CPU time / DuckDB's,
		    $(form "$d") (the bar: 0.50 or less):" le05 cpu
	fi
	bar mlr_ref sap_ref "Miller's time / sapipe's (the bar: 10 or more):" ge10
	d=$(faster duck_nat duck_nat_decl)
	m=$(faster sap_natmap sap_natbatch sap_nat)
	if [ -n "$d" ] && [ -n "$m" ]; then
		bar "$m" "$d" "national year: sapipe's wall time ($(
		    case $m in sap_nat) echo one stream ;;
		    sap_natbatch) echo 8 batches ;; *) echo a file a mapper ;;
		    esac), the fastest) / DuckDB's,
		    $(form "$d") (the faster; the bar: under 1.00):" lt1
		bar "$m" "$d" "national year: sapipe's CPU time / DuckDB's,
		    $(form "$d"):" lt1 cpu
	fi
	for c in sap_small:"15 areas x 20 indicators":0.1 \
	    sap_rank300:"300 areas x 20 indicators, one group":0.5 \
	    sap_msg300:"300 areas x 20 indicators in 300 MSGs of 15":1; do
		id=${c%%:*} t=${c#*:} lim=${t##*:} t=${t%:*}
		[ -s "$tmp/res/$id.wall" ] || continue
		awk -v w="$(median "$tmp/res/$id.wall")" -v t="$t" -v l="$lim" \
		    'BEGIN { printf "- msgrank + sarender, %s (the bar: under" \
		        " %g ms): %.0f ms: %s\n", t, l * 1000, w * 1000,
		        w < l ? "met" : "NOT MET" }'
		grep -q '<svg' "$tmp/out/$id.html" 2>/dev/null ||
		    echo "- msgrank + sarender made no HTML table ($t)"
	done
} >"$tmp/bar"
if [ -s "$tmp/bar" ]; then
	echo
	echo "The bars:"
	cat "$tmp/bar"
fi
echo
echo "sapipe's peak RSS is per stage (csvclean + crimerate), each in its own" \
    "process; DuckDB's includes node."

# Instructions per input byte of each stage, and where they go: the
# figure that does not move with the machine's load.
ipbrun() {    # NAME: run "$@" after shift, counting its instructions
	_n=$1
	shift
	case $how in
	callgrind)
		valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$_n" \
		    "$@" 2>"$tmp/cg.$_n.err" || return 1
		sed -n 's/^\(summary\|totals\): *//p' "$tmp/cg.$_n" | head -n 1 \
		    >"$tmp/ins.$_n" ;;
	perf)
		perf stat -x, -e instructions:u -o "$tmp/perf.$_n" "$@" || return 1
		awk -F, '$3 ~ /^instructions/ { print $1 }' "$tmp/perf.$_n" \
		    >"$tmp/ins.$_n" ;;
	esac
}
ipbline() {    # NAME LABEL BYTES: one line, with the top functions
	[ -s "$tmp/ins.$1" ] || { echo "  $2: FAILED"; return; }
	_w=""
	if [ "$how" = callgrind ]; then
		# inclusive %, leaving out the frames that hold the whole run
		# (start-up, main, the tool's own loop: 95 % and more)
		_w=$(callgrind_annotate --inclusive=yes "$tmp/cg.$1" 2>/dev/null |
		    awk '/PROGRAM TOTALS/ { go = 1; next }
		    go && /^ *[0-9,]+ +\( *[0-9.]+%\) / {
			f = $0; sub(/ \[.*/, "", f); sub(/.*:/, "", f)
			sub(/\.(part|isra|constprop)\..*/, "", f)
			p = $0; sub(/^[^(]*\( */, "", p); sub(/%.*/, "", p)
			if (p + 0 >= 95 || seen[f]++) next
			if (n++ < 5) printf "%s%s %.0f %%", (n > 1 ? ", " : ""), f, p }')
	fi
	awk -v i="$(cat "$tmp/ins.$1")" -v b="$3" -v l="$2" -v w="$_w" 'BEGIN {
	    printf "  %-34s %6.1f  (%.0f M instructions)\n", l, i / b, i / 1e6
	    if (w != "") printf "      where they go (inclusive): %s\n", w }'
}
if [ "$IPB" = 1 ]; then
	how="" perfok=0
	command -v perf >/dev/null && perf stat -x, -e instructions:u \
	    -o "$tmp/perf.probe" true 2>/dev/null &&
	    grep -q '^[0-9]' "$tmp/perf.probe" && perfok=1
	if command -v valgrind >/dev/null && command -v callgrind_annotate \
	    >/dev/null; then
		how=callgrind
	elif [ "$perfok" = 1 ]; then
		how=perf
	fi
	if [ -z "$how" ]; then
		echo
		echo "Instructions per input byte: skipped; valgrind is absent" \
		    "(apt-get install valgrind) and perf cannot count" \
		    "instructions here"
	else
		note "counting instructions with $how (about a minute)"
		cb=$(wc -c <"$tmp/cut.csv")
		ipbrun csvclean "$bin/csvclean" -p police-street "$tmp/cut.csv" \
		    >"$tmp/cut.rec" 2>/dev/null
		ipbrun crimerate "$bin/crimerate" --by month "$tmp/cut.rec" \
		    >/dev/null 2>&1
		ipbrun msgrank "$bin/msgrank" "$tmp/ind300.csv" \
		    >"$tmp/rank300.csv" 2>/dev/null
		ipbrun sarender "$bin/sarender" -f html "$tmp/rank300.csv" \
		    >/dev/null 2>&1
		echo
		echo "Instructions per input byte ($how; the street stages on the" \
		    "$(commas "$CUT")-row cut, $(awk -v b="$cb" \
		    'BEGIN { printf "%.1f", b / 1e6 }') MB; crimerate's per byte of" \
		    "the street file it came from):"
		ipbline csvclean "csvclean -p police-street" "$cb"
		ipbline crimerate "crimerate --by month" "$cb"
		rb=$(wc -c <"$tmp/ind300.csv")
		ipbline msgrank "msgrank, 300 areas x 20 indicators" "$rb"
		ipbline sarender "sarender -f html, the same, ranked" \
		    "$(wc -c <"$tmp/rank300.csv")"
		[ "$perfok" = 1 ] ||
		    echo "  (perf stat cannot count instructions on this machine)"
	fi
fi

# The machine and the versions, for quoting the table.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null |
    head -n 1)
peers=""
grep -q '^duck_ref|' "$tmp/cases" && peers="$peers, DuckDB node-api $(env \
    NODE_PATH="$ddir/node_modules" node -p \
    'require("@duckdb/node-api/package.json").version' 2>/dev/null)"
grep -q '^duck_ref|' "$tmp/cases" && peers="$peers (node $(node --version))"
grep -q '^mlr_' "$tmp/cases" &&
    peers="$peers, $(mlr --version 2>/dev/null | head -n 1)"
grep -q '^sqlite_' "$tmp/cases" &&
    peers="$peers, SQLite $(sqlite3 --version | cut -d' ' -f1)"
grep -q '^csvkit_' "$tmp/cases" &&
    peers="$peers, csvkit $(csvsql --version 2>&1 | awk '{ print $2 }')"
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $(uname -sr);" \
    "$(date -u '+%Y-%m-%d %H:%M UTC'); load average ${load0:-?} before," \
    "${load1:-?} after; sapipe $ver$peers"
exit $status
