# Bad models: each exits 1 naming the file, line and column, with nothing
# on stdout. One case a pair of lines: the model's text ('|' for a line
# end) and the message wanted.
set -u
n=0
while IFS= read -r model && IFS= read -r want; do
	n=$((n + 1))
	printf '%s\n' "$model" | tr '|' '\n' >"$TMPDIR/m.model"
	sapriority -m "$TMPDIR/m.model" -s sheet.csv --area North ranked.csv \
	    >"$TMPDIR/out" 2>"$TMPDIR/err"
	rc=$?
	[ "$rc" = 1 ] || { echo "case $n: exit $rc, want 1: $model"; exit 1; }
	[ ! -s "$TMPDIR/out" ] || { echo "case $n: output: $model"; exit 1; }
	grep -qF -- "sapriority: $TMPDIR/m.model$want" "$TMPDIR/err" ||
	    { echo "case $n: $model"; echo "want: $want"; cat "$TMPDIR/err"; exit 1; }
done <<'CASES'
dimension harm 1..5|dimension likelihood 1..5|risk = harm * likelyhood|band low
:3:15: 'likelyhood' is no dimension declared above
dimension harm 1..5|risk = harm|band low|evidence harms base 2
:4:10: 'harms' is no dimension declared above
dimension harm 1..5 weight=half|risk = harm|band low
:1:28: the weight 'half' is not a number, zero or more
dimension harm 1..5 weight=-1|risk = harm|band low
:1:28: the weight '-1' is not a number, zero or more
dimension harm 1..5 wieght=2|risk = harm|band low
:1:21: 'wieght=2' is not weight=W
dimension harm 5..1|risk = harm|band low
:1:16: the scale '5..1' is not LO..HI, two numbers, LO below HI
dimension harm one..five|risk = harm|band low
:1:16: the scale 'one..five' is not LO..HI
dimension harm|risk = harm|band low
:1:15: the scale LO..HI is missing
dimension harm 1..5|dimension Harm 1..3|risk = harm|band low
:2:11: dimension 'Harm' is declared twice
dimension risk 1..5|risk = risk|band low
:1:11: 'risk' names an output column: not a dimension
dimension 2harm 1..5|risk = 1|band low
:1:11: '2harm' is not a name
dimension harm 1..5|risk = harm *|band low
:2:14: a number, a dimension or '(' is wanted, not 'the end of the line'
dimension harm 1..5|risk = (harm + 1|band low
:2:17: a ')' is missing
dimension harm 1..5|risk = harm harm|band low
:2:13: 'harm' does not continue the expression
dimension harm 1..5|risk harm|band low
:2:6: '=' is wanted after risk
dimension harm 1..5|risk = harm|risk = 2 * harm|band low
:3:1: risk is given twice
dimension harm 1..5|risk = harm / (harm - 1)|band low
: the risk is not a number when every score is at its lowest
dimension harm 1..5|risk = harm|band high >= 3|band medium >= 3|band low
:4:16: the threshold is not below the band above's
dimension harm 1..5|risk = harm|band high >= lots|band low
:3:14: the threshold 'lots' is not a number
dimension harm 1..5|risk = harm|band high > 3|band low
:3:11: '>=' is wanted, not '>'
dimension harm 1..5|risk = harm|band low|band high >= 3
:4:6: a band after the last (the one without a threshold)
dimension harm 1..5|risk = harm|band high >= 3|band High
:4:6: band 'High' is given twice
dimension harm 1..5|risk = harm|band high >= 3
: no band for the lowest risks (a last 'band NAME' without a threshold)
dimension harm 1..5|band low
: no 'risk = ...'
# nothing but a comment
: no dimension
dimension harm 1..5|risk = harm|band low|priority harm
:4:1: 'priority' is not dimension, risk, band, evidence, confidence or matrix
dimension harm 1..5|risk = harm|band low|evidence harm base 9
:4:20: the base is off the scale 1..5 of 'harm'
dimension harm 1..5|risk = harm|band low|evidence harm map harm_share 0:1 5:7
:4:36: the score is off the scale 1..5 of 'harm'
dimension harm 1..5|risk = harm|band low|evidence harm map harm_share 5:1 5:2
:4:34: the threshold is not above the one before
dimension harm 1..5|risk = harm|band low|evidence harm map harm_share 0-1
:4:30: '0-1' is not THRESHOLD:SCORE
dimension harm 1..5|risk = harm|band low|evidence harm map harm_share
:4:29: a map needs THRESHOLD:SCORE pairs
dimension harm 1..5|risk = harm|band low|evidence harm step 1 if verdict >= worse
:4:36: 'worse' is not a number (a word is compared with = or != only)
dimension harm 1..5|risk = harm|band low|evidence harm step 1 if verdict ~ worse
:4:33: '~' is not = != >= <= > or <
dimension harm 1..5|risk = harm|band low|evidence harm step one if verdict = worse
:4:20: the step 'one' is not a number
dimension harm 1..5|risk = harm|band low|evidence harm step 1 when verdict = worse
:4:22: 'if' is wanted, not 'when'
dimension harm 1..5|risk = harm|band low|evidence harm step 1 if verdict = worse again
:4:41: 'again' after the end of the statement
dimension harm 1..5|risk = harm|band low|evidence harm guess 3
:4:15: 'guess' is not base, step or map
dimension harm 1..5|risk = harm|band low|matrix harm harm
:4:1: the matrix needs two dimensions
dimension harm 1..5|risk = harm|band low|confidence harm|confidence harm
:5:1: confidence is given twice
CASES
[ "$n" -ge 30 ] || { echo "only $n cases"; exit 1; }
exit 0
