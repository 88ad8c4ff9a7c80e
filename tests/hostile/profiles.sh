# Profiles: a local profile named like a shipped one that says
# "profile police-street" extends the shipped one (the next of that name
# on the search path) instead of recursing until the stack overflows;
# a real cycle (a -> b -> a) and a profile naming a directory are usage
# errors, and so is one that reads as nothing (/dev/null, comments
# alone); a built tree finds its own profiles without $SAPIPE_PROFILES;
# the not-found message says whether the variable is set.
. ./common.inc
need csvclean
street=$TOP/tests/csvclean/street.csv
mkdir "$t/local" "$t/local2" "$t/dir"
# extend: the shipped profile, plus a setting of one's own
printf 'profile police-street\nmax-rejects 20%%\nmap category/^Burglary$/Break-in/\n' >"$t/local/police-street"
rej="column 'area' is empty"
SAPIPE_PROFILES="$t/local:$TOP/lib/profiles" expect 0 "$rej" csvclean -p police-street "$street"
sed 's/,Burglary$/,Break-in/' "$TOP/tests/csvclean/street.want" >"$t/want"
cmp -s "$t/want" "$t/out" || { echo "FAIL: extended profile: output differs"; diff "$t/want" "$t/out" | head; fails=$((fails + 1)); }
# the same folder twice on the path is not a next one
SAPIPE_PROFILES="$t/local:$t/local:$TOP/lib/profiles" expect 0 "$rej" csvclean -p police-street "$street"
# a chain of three of one name
printf 'profile police-street\nmap category/^Break-in$/Burglary (dwelling)/\n' >"$t/local2/police-street"
SAPIPE_PROFILES="$t/local2:$t/local:$TOP/lib/profiles" expect 0 "$rej" csvclean -p police-street "$street"
grep -q ',Burglary (dwelling)$' "$t/out" || { echo "FAIL: chain of three: the outer setting lost"; fails=$((fails + 1)); }
# a name alone on the path that names itself: nothing to extend
printf 'profile self\n' >"$t/local/self"
SAPIPE_PROFILES="$t/local" expect 2 "profile 'self' extends a profile of its own name, and no other 'self' follows it" csvclean -p self "$street"
# by path, naming itself by path: a cycle
printf 'profile %s\n' "$t/local/me" >"$t/local/me"
expect 2 "includes itself" csvclean -p "$t/local/me" "$street"
# a -> b -> a
printf 'profile b\n' >"$t/local/a"
printf 'profile a\n' >"$t/local/b"
SAPIPE_PROFILES="$t/local" expect 2 "includes itself" csvclean -p a "$street"
# a directory, by path and found on the path
expect 2 "is a directory" csvclean -p "$t/dir" "$street"
expect 2 "is a directory" csvclean -p "$t/dir/" "$street"
mkdir "$t/local/police-street2"
SAPIPE_PROFILES="$t/local" expect 2 "is a directory" csvclean -p police-street2 "$street"
printf 'profile %s\n' "$t/dir" >"$t/local/todir"
SAPIPE_PROFILES="$t/local" expect 2 "is a directory" csvclean -p todir "$street"
# read as nothing, or for ever: not profiles; a pipe is
expect 2 "profile /dev/null: is not a file of options" csvclean -p /dev/null "$street"
expect 2 "profile /dev/zero: is not a file of options" csvclean -p /dev/zero "$street"
printf '# a comment\n\n' >"$t/local/empty"
SAPIPE_PROFILES="$t/local" expect 2 "empty: no options in it" csvclean -p empty "$street"
printf 'select Month\n' | expect 0 "" csvclean -p /dev/stdin "$street"
same "$t/out" 'Month\n2016-09\n2016-09\n2016-09\n2016-09\n2016-09\n2016-08\n2016-08\n'
# a built tree: the profiles beside the executable, no variable set
(unset SAPIPE_PROFILES; cd "$t" && "$BUILD/csvclean" -p police-street --max-rejects 20% "$street" >"$t/out" 2>"$t/err")
rc=$?
check "built tree, SAPIPE_PROFILES unset: exit $rc, want 0" "$rc" = 0
cmp -s "$TOP/tests/csvclean/street.want" "$t/out" || { echo "FAIL: built tree: output differs"; fails=$((fails + 1)); }
# not found: what was looked at, and what to do
(unset SAPIPE_PROFILES; "$BUILD/csvclean" -p nosuch "$street" >"$t/out" 2>"$t/err")
rc=$?
check "not found: exit $rc, want 2" "$rc" = 2
grep -qF "looked in $TOP/lib/profiles, " "$t/err" || { echo "FAIL: not found: the built tree's folder not named"; cat "$t/err"; fails=$((fails + 1)); }
grep -qF '$SAPIPE_PROFILES is not set' "$t/err" || { echo "FAIL: not found: says nothing of the variable"; fails=$((fails + 1)); }
SAPIPE_PROFILES="$t/local" expect 2 "\$SAPIPE_PROFILES is '$t/local'" csvclean -p nosuch "$street"
# a copy of the executable elsewhere has no tree beside it
cp "$BUILD/csvclean" "$t/cc"
(unset SAPIPE_PROFILES; "$t/cc" -p nosuch "$street" >"$t/out" 2>"$t/err")
grep -qF "$TOP/lib/profiles" "$t/err" && { echo "FAIL: a copy elsewhere still looked in the tree"; fails=$((fails + 1)); }
done_
