#!/usr/bin/env bash
# North Kent's Strategic Assessment 2016, from the partners' extracts in
# data/ to the table and the partnership's priorities: text on stdout, and
# in OUTDIR every stage's CSV, the HTML pages, each source's rejected rows
# and a log of each stage.
# Usage: sa.sh [OUTDIR]     (default: $OUT, else out/ beside this script)
set -euo pipefail
out=${1:-${OUT:-$(dirname "$0")/out}}
mkdir -p "$out" && out=$(cd "$out" && pwd)
cd "$(dirname "$0")"
# sapipe's tools, whatever else the PATH holds (csvkit ships a csvclean of
# its own): $SAPIPE_BIN's, else those built in this tree, else the PATH's.
bin=${SAPIPE_BIN:-}
[ -n "$bin" ] || [ ! -x ../build/csvclean ] || bin=$(cd ../build && pwd)
[ -z "$bin" ] || PATH=$bin:$PATH
for t in csvclean crimerate msgrank satrend sapriority sarender; do
	case $("$t" --version 2>/dev/null) in
	"$t (sapipe) "*) ;;
	*) echo "sa.sh: '$(command -v "$t" || echo "$t")' is not sapipe's $t" \
	    "(csvkit ships a csvclean of its own); set SAPIPE_BIN to the" \
	    "folder of sapipe's tools, or put it first on the PATH" >&2
	   exit 1 ;;
	esac
done
rm -f "$out"/*.log
# Each stage's messages (csvclean's counts and rejects, warnings) go to its
# log in OUTDIR; when a stage fails, the logs are shown.
trap '[ $? = 0 ] || for f in "$out"/*.log; do
	[ ! -s "$f" ] || { echo "== ${f##*/}"; tail -n 5 "$f"; }; done >&2' EXIT

# 1. One csvclean per source, each to records date,area,category[,count].
#    --rejects keeps every rejected row; past the threshold (max-rejects in
#    the profile; any reject for the A&E file) the run stops.
clean() { # NAME csvclean-options...
	local name=$1; shift
	csvclean --stats --rejects "$out/$name-rejects.csv" -o "$out/$name.csv" \
	    "$@" 2>"$out/$name.log"
}
clean street -p police-street --report "$out/street-report.csv" data/street/*
clean asb -p council-asb data/asb/council-asb-log.csv
clean ae --rename 'Month=date,District=area,Assault attendances=count' \
    --date 'date=%b-%y' --set 'category=Assault (A&E)' data/health/ae-assaults.csv
# The fire service's deliberate fires by fiscal quarter ('2015/16 Q3',
# read into the span 2015-10..2015-12), its '&' spelled 'and' as in the
# lookups; the export ends with a 'Grand Total' row, which is no quarter:
# it is rejected (fire-rejects.csv shows it) and allowed, but no more.
clean fire --rename 'Quarter=date,District=area,Offence=category,Number=count' \
    --date date=period --map 'area/ & / and /' --max-rejects 1 \
    data/fire/deliberate-fires.csv

# 2. Indicators for every area (the Kent, MSG and domestic abuse counts
#    are records as they come): lookups/indicators.csv says what each is
#    (burglary per 1,000 households, repeat victims as a % of victims),
#    and the illustrative weights add a harm-weighted total. 3. North Kent
#    ranked in its Most Similar Group, each verdict judged by the
#    indicator's polarity in lookups/indicators.csv.
crimerate --period sa2016 --population lookups/population.csv \
    --categories lookups/categories.csv --rollup lookups/rollup.csv \
    --indicators lookups/indicators.csv \
    --weights lookups/weights-illustrative.csv \
    "$out"/street.csv "$out"/asb.csv "$out"/ae.csv "$out"/fire.csv \
    data/county/kent-other-districts.csv.gz data/msg/msg-partnerships.csv \
    data/da/da-victims.csv 2>"$out/crimerate.log" | tee "$out/indicators.csv" |
msgrank --group lookups/msg.csv --focus 'North Kent' \
    --indicators lookups/indicators.csv \
    --accuracy lookups/accuracy.csv -o "$out/sa2016.csv" 2>"$out/msgrank.log"
# The whole group ranked the same way, for the HTML's funnel plots.
msgrank --group lookups/msg.csv --indicators lookups/indicators.csv \
    --accuracy lookups/accuracy.csv -o "$out/sa2016-group.csv" \
    "$out/indicators.csv" 2>>"$out/msgrank.log"

# 4. The partnership's priorities: the workshop's scores in
#    lookups/priorities.csv, the evidence standing in where a score is
#    blank, by the MoRiLE-shaped example model.
sapriority -m lookups/morile.model -s lookups/priorities.csv \
    -o "$out/priorities.csv" "$out/sa2016.csv" 2>"$out/sapriority.log"

# 5. The table, for the terminal and e-mail, and as HTML with a funnel
#    plot per indicator: North Kent among its group's members; the
#    priorities likewise, in HTML with their harm x likelihood matrix.
render() { sarender --targets lookups/targets.csv \
    --title 'Strategic Assessment 2016: North Kent' \
    --source 'Police, Dartford and Gravesham councils, A&E, a domestic abuse partner, the fire service (invented figures); harm weights illustrative, not official' \
    "$@" "$out/sa2016.csv" 2>>"$out/sarender.log"; }
render -f html --focus 'North Kent' --funnel all \
    --funnel-data "$out/sa2016-group.csv" -o "$out/sa2016.html"
render -o "$out/sa2016.txt"

priorities() { sarender --model lookups/morile.model \
    --title 'Priorities 2016/17: North Kent' \
    --source 'Workshop scores (lookups/priorities.csv) and the assessment' \
    "$@" "$out/priorities.csv" 2>>"$out/sarender.log"; }
priorities -f html -o "$out/priorities.html"
priorities -o "$out/priorities.txt"

# 6. The trend page: each indicator's months, October 2014 to September
#    2016, charted by satrend (process limits from the first 12 months,
#    signals, the trend marker); North Kent's as a table of each latest
#    month beside the same month a year before, with a sparkline and the
#    trend word, and in HTML a chart each under it. The fire service's
#    file is not read here: its quarters cannot be split into months, and
#    crimerate refuses a month series over them (--by quarter takes it).
crimerate --by month --categories lookups/categories.csv \
    --rollup lookups/rollup.csv "$out"/street.csv "$out"/asb.csv \
    "$out"/ae.csv 2>"$out/series.log" | satrend 2>>"$out/series.log" |
    tee "$out/series.csv" | grep -E '^(area|North Kent),' >"$out/trends.csv"
trend() { sarender --title 'Trends: North Kent' \
    --source 'Police, Dartford and Gravesham councils, A&E (invented figures)' \
    "$@" "$out/trends.csv" 2>>"$out/sarender.log"; }
trend -f html -o "$out/trends.html"
trend -o "$out/trends.txt"
cat "$out/sa2016.txt"
echo
cat "$out/priorities.txt"
