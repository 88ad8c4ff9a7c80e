# Property: nothing is lost. For many seeds of a messy synthetic police.uk
# extract (gen-street.py --messy), csvclean -p police-street --stats must
# add up (read = written + rejected + duplicates + blank + headers), the
# output must hold exactly `written` rows and the rejects file exactly
# `rejected` records, and `read` must equal the records an independent
# reader (Python's csv module) finds after the header.
. ./common.inc
need csvclean
gen=${TOP:-../..}/tests/bench/gen-street.py
[ -f "$gen" ] || { echo "no $gen"; exit 1; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
seeds=${SEEDS:-40}
s=1
while [ $s -le "$seeds" ]; do
	python3 "$gen" 5000 --messy --seed $s >"$t/in.csv"
	csvclean -p police-street --max-rejects 100% --stats \
	    --rejects "$t/rej.csv" -o "$t/out.csv" "$t/in.csv" 2>"$t/err"
	rc=$?
	[ $rc = 0 ] || { echo "FAIL: seed $s: exit $rc"; tail -3 "$t/err"; fails=$((fails + 1)); }
	python3 - "$t/in.csv" "$t/out.csv" "$t/rej.csv" "$t/err" "$s" <<'PY' || fails=$((fails + 1))
import csv, re, sys
inp, out, rej, err, seed = sys.argv[1:]
line = [l for l in open(err, encoding="utf-8") if "read " in l][-1]
n = dict((k, int(v)) for v, k in re.findall(r"(\d+) (\w+)", line)) if False else \
    {k: int(v) for k, v in re.findall(r"(\w+) (\d+)", line)}
def rows(p):
    with open(p, newline="", encoding="utf-8-sig", errors="replace") as f:
        return list(csv.reader(f))
ok = True
def bad(msg):
    global ok
    ok = False
    print("FAIL: seed %s: %s (%s)" % (seed, msg, line.strip()))
if n["read"] != n["written"] + n["rejected"] + n["duplicates"] + n["blank"] + n["headers"]:
    bad("stats do not add up")
o = rows(out)
if len(o) - 1 != n["written"]:
    bad("output has %d rows" % (len(o) - 1))
r = rows(rej)
if len(r) - 1 != n["rejected"]:
    bad("rejects file has %d records" % (len(r) - 1))
if any(len(x) != len(o[0]) for x in o):
    bad("ragged output")
i = rows(inp)
if len(i) - 1 != n["read"]:
    bad("python reads %d records after the header, csvclean %d" % (len(i) - 1, n["read"]))
sys.exit(0 if ok else 1)
PY
	s=$((s + 1))
done
echo "$seeds seeds of 5000 rows checked"
done_
