# An independent recount (recount.py, in Python) of random records, DAG
# roll-ups, populations and periods, compared byte for byte with crimerate;
# a missing population must be exit 1 naming it.
command -v python3 >/dev/null || { echo "python3 not installed"; exit 77; }
python3 recount.py 200
