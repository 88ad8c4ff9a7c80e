# Bad sheets and bad evidence: each exits 1 with the message wanted
# (naming file, line and column) and nothing on stdout. One case three
# lines: the sheet ('|' a line end), the evidence (the same; '-' is
# ranked.csv) and the message. Every run has --area North but the ones
# about it.
set -u
n=0
while IFS= read -r sheet && IFS= read -r ev && IFS= read -r want; do
	n=$((n + 1))
	printf '%s\n' "$sheet" | tr '|' '\n' >"$TMPDIR/sheet.csv"
	if [ "$ev" = - ]; then cp ranked.csv "$TMPDIR/ev.csv"
	else printf '%s\n' "$ev" | tr '|' '\n' >"$TMPDIR/ev.csv"; fi
	area="--area North"
	case $want in *"give --area"*) area="" ;; esac
	(cd "$TMPDIR" && sapriority -m "$OLDPWD/hand.model" -s sheet.csv $area \
	    ev.csv) >"$TMPDIR/out" 2>"$TMPDIR/err"
	rc=$?
	[ "$rc" = 1 ] || { echo "case $n: exit $rc, want 1: $sheet"; cat "$TMPDIR/err"; exit 1; }
	[ ! -s "$TMPDIR/out" ] || { echo "case $n: output: $sheet"; exit 1; }
	grep -qF -- "sapriority: $want" "$TMPDIR/err" ||
	    { echo "case $n: $sheet"; echo "want: $want"; cat "$TMPDIR/err"; exit 1; }
done <<'CASES'
issue,harm|Violence,3|Burglary,2|violence ,4
-
sheet.csv:4: column 1 ('issue'): 'violence' is given twice (line 2)
issue,harm|Violence,3| ,2
-
sheet.csv:3: column 1 ('issue'): an empty issue
issue,harm|Violence,high
-
sheet.csv:2: column 2 ('harm'): 'high' is not a number
issue,harm|Violence,-1
-
sheet.csv:2: column 2 ('harm'): -1 is off the scale 1..5 of dimension 'harm'
name,harm|Violence,3
-
sheet.csv:1: column 1 ('name') is no dimension of
indicator,harm|Violence,3
-
sheet.csv:1: no column 'issue'
issue,harm,Harm|Violence,3,3
-
sheet.csv:1: columns 2 'harm' and 3 'Harm' have the same name
issue,,harm|Violence,,3
-
sheet.csv:1: column 2 has no name
issue,harm|Violence,3,4
-
sheet.csv:2: 3 fields where the header has 2
issue,harm|"Violence,3
-
sheet.csv:2: quoted field not closed before the end of input

-
sheet.csv: empty (no header row)
issue,indicator,harm|Violence,Violent crime,3
-
sheet.csv:2: column 2 ('indicator'): 'Violent crime' is in none of the evidence's rows
issue,indicator,harm|Violence,Violence,3
-
sheet.csv:2: column 2 ('indicator'): 'Violence' has rows for several areas (ev.csv:2 and ev.csv:6): give --area
issue,indicator,harm|Violence,Violence,3
area,category,verdict|North,Violence,worse|North,violence,worse
ev.csv:3: indicator 'Violence' for area 'North' again (ev.csv:2)
issue,indicator,harm|Violence,Violence,3
area,category,verdict|South,Violence,worse
sheet.csv:2: column 2 ('indicator'): 'Violence' has no row for the area given by --area
issue,indicator,likelihood|Violence,Violence,3
area,category,harm_share|North,Violence,lots
ev.csv:2: column 'harm_share': 'lots' is not a number
issue,indicator,harm|Violence,Violence,3
area,category,change_pct|North,Violence,up a bit
ev.csv:2: column 'change_pct': 'up a bit' is not a number
issue,indicator,harm|Violence,Violence,3
area,verdict|North,worse
ev.csv:1: no column 'category' (the sheet's line 2 names an indicator)
issue,harm|Violence,3
category,verdict|Violence,worse
ev.csv:1: --area: no column 'area'
issue,harm|Violence,3
area,category|North,Violence|North,Violence,x
ev.csv:3: 3 fields where the header has 2
issue,harm|Violence,3

ev.csv: empty (no header row)
CASES
[ "$n" -ge 20 ] || { echo "only $n cases"; exit 1; }
exit 0
