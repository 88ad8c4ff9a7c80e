# Scaling out: the police street input split into parts, the mapper
# (csvclean -p police-street | crimerate --partial) run on each in
# parallel, the partials merged with crimerate --merge: the result equals
# one run over the whole input, byte for byte. Then the README's Hadoop
# Streaming mapper and reducer, run as Streaming runs them (each file to
# one mapper in a task folder holding the shipped files, the map output
# sorted bytewise with a tab after each key, the output with a tab too),
# give the same bytes.
set -u
for t in csvclean crimerate bash; do
	command -v $t >/dev/null || { echo "$t is not built yet"; exit 77; }
done
ex=$TOP/examples w=$TMPDIR/scale
mkdir -p "$w/parts" "$w/task" "$w/maps" || exit 1
fail() { echo "$*"; exit 1; }
cd "$ex" || exit 1
opts1="--period sa2016 --population lookups/population.csv --categories lookups/categories.csv --rollup lookups/rollup.csv"
opts2="--period sa2016 --by quarter --population lookups/population.csv --categories lookups/categories.csv"

# One run over the whole input.
csvclean -p police-street data/street/* 2>/dev/null >"$w/records.csv" ||
    fail "csvclean over the whole input failed"
crimerate $opts1 "$w/records.csv" >"$w/whole1" || fail "whole run failed"
crimerate $opts2 "$w/records.csv" >"$w/whole2" || fail "whole run (quarters) failed"
grep -qx 'North Kent,Total recorded crime,sa2016,17515,211400,82.85,15558,74.48,1957,12.6,1000,1.000,1.000,8.6,13.4,4.000e-21,up,208900,population,count,,,,' \
    "$w/whole1" || fail "the whole run is not the headline figure"

# 1. The stream of every street file cut into parts of 5,000 lines, each
#    given the header, mapped two at a time.
gzip -dcf data/street/* >"$w/all.csv" || fail "cannot read data/street"
head -n 1 "$w/all.csv" >"$w/header"
grep -vxF -f "$w/header" "$w/all.csv" | (cd "$w/parts" && split -l 5000 - body.)
for b in "$w"/parts/body.*; do
	cat "$w/header" "$b" >"${b%/*}/part.${b##*.}.csv" && rm "$b"
done
n=$(ls "$w"/parts/part.*.csv | wc -l)
[ "$n" -ge 9 ] || fail "only $n parts"
ls "$w"/parts/part.*.csv | xargs -P 2 -n 1 bash -c \
    'set -o pipefail; csvclean -p police-street "$0" 2>/dev/null | crimerate --partial >"$0.partial"' ||
    fail "a mapper failed"
crimerate --merge $opts1 "$w"/parts/*.partial >"$w/merged1" || fail "merge failed"
cmp "$w/whole1" "$w/merged1" || fail "merged parts differ from the whole run"
cat "$w"/parts/*.partial | crimerate --merge $opts2 >"$w/merged2" || fail "merge (quarters) failed"
cmp "$w/whole2" "$w/merged2" || fail "merged parts (quarters) differ from the whole run"

# 2. The README's Streaming job. Its map= and reduce= assignments:
awk '/^<!-- not run: needs a Hadoop cluster/ { on = 1; next }
    on && /^hadoop jar/ { exit } on && !/^```/' "$TOP/README.md" >"$w/job.sh"
grep -q '^map=' "$w/job.sh" && grep -q '^reduce=' "$w/job.sh" ||
    fail "README: no map= and reduce= before the hadoop command"
map="" reduce=""
. "$w/job.sh"
grep -q '^hdfs dfs -cat .*part-00000 | cut -f1 >' "$TOP/README.md" ||
    fail "README: the job's output is not fetched with cut -f1"
# -files: the binaries, the profile and the lookups in the task folder.
ln -s "$(command -v csvclean)" "$(command -v crimerate)" \
    "$SAPIPE_PROFILES/police-street" "$ex"/lookups/*.csv "$w/task/" || exit 1
# Hadoop reads gzip itself and gives each whole file to one mapper.
ls data/street/* | xargs -P 2 -n 1 bash -c 'set -o pipefail
    gzip -dcf "$3" | (cd "$1/task" && SAPIPE_PROFILES=. sh -c "$2") >"$1/maps/${3##*/}"' \
    mapper "$w" "$map" 2>"$w/maps.err" || { cat "$w/maps.err"; fail "a Streaming mapper failed"; }
# The shuffle: bytewise sort, each key followed by a tab (empty value).
cat "$w"/maps/* | awk '{ print $0 "\t" }' | LC_ALL=C sort >"$w/reduce-in"
(cd "$w/task" && sh -c "$reduce") <"$w/reduce-in" >"$w/reduce-out" ||
    fail "the Streaming reducer failed"
awk '{ print $0 "\t" }' "$w/reduce-out" | cut -f1 >"$w/streamed"
cmp "$w/whole1" "$w/streamed" || fail "the Streaming job differs from the whole run"
exit 0
