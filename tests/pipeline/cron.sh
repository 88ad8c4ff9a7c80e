# examples/cron/sa-cron.sh: a good run publishes; a bad extract (too many
# rejects, then a truncated gzip) fails with status 1, says why on stderr,
# and leaves the published files exactly as they were.
set -u
for t in csvclean crimerate msgrank sarender bash; do
	command -v $t >/dev/null || { echo "$t is not built yet"; exit 77; }
done
sa=$TMPDIR/sa pub=$TMPDIR/pub
mkdir -p "$sa" && cp -R "$TOP/examples/sa.sh" "$TOP/examples/cron" \
    "$TOP/examples/data" "$TOP/examples/lookups" "$sa/" || exit 1
fail() { echo "$*"; exit 1; }
snap() { (cd "$pub" && ls -l --time-style=+%s.%N && cksum ./*); }

bash "$sa/cron/sa-cron.sh" "$pub" >"$TMPDIR/o" 2>"$TMPDIR/e" ||
    { cat "$TMPDIR/e"; fail "good run: exit $?"; }
[ ! -s "$TMPDIR/o" ] && [ ! -s "$TMPDIR/e" ] || fail "good run: not silent"
for f in sa2016.txt sa2016.html sa2016.csv indicators.csv street.csv \
    street.log ae.csv stderr.txt; do
	[ -f "$pub/$f" ] || fail "good run: no $f"
done
# rejected rows are kept, but never published
for f in street-rejects.csv asb-rejects.csv; do
	[ -f "$pub.rejects/$f" ] || fail "good run: no $f in $pub.rejects"
	[ ! -e "$pub/$f" ] || fail "good run: $f published"
done
[ "$(stat -c %a "$pub.rejects")" = 700 ] || fail "good run: $pub.rejects not 700"
grep -q '^Total recorded crime  *17,515  *82\.85  *▲ +12\.6%' "$pub/sa2016.txt" ||
    fail "good run: not North Kent's table"
grep -q 'read 44119, written 44009, rejected 108' "$pub/street.log" ||
    fail "good run: no street counts in street.log"
ls -d "$pub".* | grep -qv '\.lock$\|\.rejects$' && fail "good run: left $(ls -d "$pub".*)"
snap >"$TMPDIR/before"

# 1. A month whose rows lost their locations: 3,000 rejects, past the
#    police-street profile's 5 %.
awk 'BEGIN { print "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"
    for (i = 0; i < 3000; i++) print ",2016-06,Kent Police,Kent Police,,,No Location,,,Anti-social behaviour,," }' \
    >"$sa/data/street/2016-06-extra-street.csv"
bash "$sa/cron/sa-cron.sh" "$pub" >"$TMPDIR/o" 2>"$TMPDIR/e"
rc=$?
[ $rc = 1 ] || fail "too many rejects: exit $rc, want 1"
grep -q 'unchanged' "$TMPDIR/e" || fail "too many rejects: stderr says nothing"
grep -q 'rejected 3108' "$TMPDIR/e" || { cat "$TMPDIR/e"; fail "too many rejects: no count"; }
snap | cmp -s "$TMPDIR/before" - || fail "too many rejects: published files changed"
[ -f "$pub.failed/street-rejects.csv" ] || fail "too many rejects: failed run not kept"
rm "$sa/data/street/2016-06-extra-street.csv"

# 2. A truncated gzip file: a read error, not a short count.
gz=$sa/data/street/2016-q3-concatenated.csv.gz
head -c 50000 "$gz" >"$TMPDIR/short.gz" && mv "$TMPDIR/short.gz" "$gz"
bash "$sa/cron/sa-cron.sh" "$pub" >"$TMPDIR/o" 2>"$TMPDIR/e"
rc=$?
[ $rc = 1 ] || fail "truncated gzip: exit $rc, want 1"
grep -q '2016-q3-concatenated.csv.gz' "$TMPDIR/e" || { cat "$TMPDIR/e"; fail "truncated gzip: file not named"; }
snap | cmp -s "$TMPDIR/before" - || fail "truncated gzip: published files changed"
ls -d "$pub".new.* 2>/dev/null && fail "truncated gzip: temporary folder left"

# 3. Mended: the next run publishes again and clears the failed run.
cp "$TOP/examples/data/street/2016-q3-concatenated.csv.gz" "$gz"
bash "$sa/cron/sa-cron.sh" "$pub" || fail "mended: exit $?"
[ ! -e "$pub.failed" ] || fail "mended: $pub.failed left"
snap | cmp -s "$TMPDIR/before" - && fail "mended: files not replaced"
exit 0
