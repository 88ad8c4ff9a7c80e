#!/bin/sh
# make demo: the worked example with the tools just built (make has built
# them; this builds nothing). Usage: demo.sh BUILDDIR
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "${1:-$top/build}" && pwd) || exit 2
for t in csvclean crimerate msgrank sapriority sarender; do
	[ -x "$bin/$t" ] || { echo "demo: no $bin/$t; run make first" >&2; exit 1; }
done
PATH=$bin:$PATH
SAPIPE_BIN=$bin
SAPIPE_PROFILES=$top/lib/profiles
export PATH SAPIPE_BIN SAPIPE_PROFILES
out=$bin/demo
bash "$top/examples/sa.sh" "$out" || exit
where=${out#"$top"/}
echo
echo "The same table as HTML: $where/sa2016.html; the priorities with their"
echo "harm x likelihood matrix: $where/priorities.html"
echo "Beside it: each stage's CSV, each source's rejected rows (*-rejects.csv)"
echo "and a log per stage. The pipeline is examples/sa.sh."
