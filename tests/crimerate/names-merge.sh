# Names: one rule (lib/name.h) for areas, categories and indicators, and a
# spelling shown that does not depend on the order of the records: random
# case and space variants, shuffled and split over partial files, merged,
# equal one run byte for byte; so do the same records in another order
# (the data has gaps, so --allow-partial: rows show their coverage).
command -v python3 >/dev/null || { echo "python3 not installed"; exit 77; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
for seed in 1 2 3 4 5 6 7 8; do
	python3 - "$seed" "$t" <<'PY' || exit 1
import random, sys
R = random.Random(int(sys.argv[1])); t = sys.argv[2]
def variant(s):
    s = ''.join(c.upper() if R.random() < 0.3 else c.lower() if R.random() < 0.3 else c for c in s)
    return R.choice(['', ' ', '\t']) + s.replace(' ', R.choice([' ', '  '])) + R.choice(['', ' '])
areas = ['Dartford', 'Gravesham', 'North Kent', 'Tunbridge Wells']
cats = ['Robbery', 'Burglary', 'Violence and sexual offences']
rows = []
for _ in range(R.randint(5, 300)):
    rows.append('%d-%02d,"%s","%s",%d' % (R.randint(2014, 2016), R.randint(1, 12),
        variant(R.choice(areas)), variant(R.choice(cats)), R.randint(0, 3)))
def write(name, rs):
    open(t + '/' + name, 'w').write('date,area,category,count\n' + ''.join(r + '\n' for r in rs))
write('all.csv', rows)
R.shuffle(rows); write('shuffled.csv', rows)
k = R.randint(1, 4)
for i in range(k): write('part%d.csv' % i, rows[i::k])
for i in range(k, 4): write('part%d.csv' % i, [])
PY
	for o in "--allow-partial --period sa2016" "--allow-partial --by quarter" \
	    "--allow-partial --period 2016 --categories case-cats.csv"; do
		crimerate $o "$t/all.csv" >"$t/one" 2>"$t/one.err" || { echo "seed $seed $o: failed"; exit 1; }
		crimerate $o "$t/shuffled.csv" >"$t/shuf" 2>"$t/shuf.err"
		cmp -s "$t/one" "$t/shuf" && cmp -s "$t/one.err" "$t/shuf.err" ||
		    { echo "seed $seed $o: another order, another output"; diff "$t/one" "$t/shuf" | head; exit 1; }
		for i in 0 1 2 3; do crimerate --partial "$t/part$i.csv" >"$t/p$i" || exit 1; done
		crimerate --merge $o "$t"/p? >"$t/merged" 2>"$t/merged.err"
		cmp -s "$t/one" "$t/merged" && cmp -s "$t/one.err" "$t/merged.err" ||
		    { echo "seed $seed $o: merged partials differ"; diff "$t/one" "$t/merged" | head; exit 1; }
		# one row per area and indicator and period, whatever the spellings
		n=$(tail -n +2 "$t/one" | cut -d, -f1-3 | tr A-Z a-z | sort | uniq -d | wc -l)
		[ "$n" = 0 ] || { echo "seed $seed $o: a name split in two"; exit 1; }
	done
done
exit 0
