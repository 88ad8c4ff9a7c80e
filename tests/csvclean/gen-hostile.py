#!/usr/bin/env python3
# Small hostile CSV files for csvclean, each from its own seed (the same
# seed gives the same bytes): every way a split point of the threaded
# reading can be wrong or a counter drift. LF, CRLF, CR-only and mixed
# line ends; quoted fields holding line ends, CRs, delimiters and doubled
# quotes, some longer than a chunk; blank lines and lines of spaces; a
# byte order mark, also before a header repeated mid-file; the header's
# names in another order mid-file; short and long rows; bytes that are
# not UTF-8; NUL bytes; a stray unclosed quote in the middle or near the
# end; fields over a --max-field of 40; repeated ids and repeated rows;
# no final newline; a file of only a header, of one row, of nothing.
#
#   gen-hostile.py SEED FIRST COUNT DIR [permute]
#
# writes files FIRST..FIRST+COUNT-1 of the seed; file k of seed S is
# hostile-S-k.csv. Its columns are COLS, or with permute (as the second
# file of a run) the same in another order.
import os
import random
import sys

COLS = [b"id", b"date", b"area", b"cat", b"note", b"n"]
IDS = [b"A%d" % i for i in range(12)]
AREAS = [b"Dartford 001A", b"Gravesham 004C", b" Swale ", b"DA1 1DR",
         b"ME14 2LL", b"Sevenoaks", b"caf\xc3\xa9 \xe2\x82\xac"]
CATS = [b"Burglary", b"Violence and sexual offences", b"=SUM(A1)",
        b"-12.5", b"+x", b"@y", b"Anti-social behaviour", b"\tTab"]
WORDS = [b"alpha", b"beta", b"gamma", b"x", b"  spaced  ", b"d\xc3\xa9j\xc3\xa0",
         b"a,b", b"say \"hi\"", b"semi;colon", b"ab\"c"]
EOLS = [b"\n", b"\r\n", b"\r"]
BOM = b"\xef\xbb\xbf"


def quote(v):
    return b'"' + v.replace(b'"', b'""') + b'"'


def cell(rng, v, delim):
    """v as a field: quoted when it must be, sometimes when it need not."""
    if any(c in v for c in (delim, b'"', b"\r", b"\n")):
        if b'"' in v and rng.random() < 0.15 and not any(
                c in v for c in (delim, b"\r", b"\n")) and not v.startswith(b'"'):
            return v  # a quote inside an unquoted field: kept as a character
        return quote(v)
    return quote(v) if rng.random() < 0.1 else v


def note(rng, f):
    r = rng.random()
    if r < 0.45:
        return b" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 3)))
    if r < 0.7:  # a few embedded line ends of every kind
        parts = [rng.choice(WORDS) for _ in range(rng.randint(2, 5))]
        out = parts[0]
        for p in parts[1:]:
            out += rng.choice(EOLS + [b",", b'"', b"\r\n\r\n"]) + p
        return out
    if r < 0.8 and f["long"]:  # a record of many lines, longer than a chunk
        n = rng.randint(80, 1200)
        out = b""
        while len(out) < n:
            out += rng.choice(WORDS) + rng.choice(EOLS + [b" ", b'"', b","])
        return out
    if r < 0.86 and f["badutf8"]:
        return rng.choice([b"caf\xe9", b"\xff\xfe", b"\xe2\x82", b"ok\xc3"])
    if r < 0.9 and f["nul"]:
        return b"a\x00b"
    if r < 0.95:
        return b"x" * rng.choice([39, 40, 41, 60])  # about --max-field 40
    return b""


def values(rng, f):
    r = rng.random()
    if r < 0.25:
        ident = b""
    elif r < 0.7:
        ident = rng.choice(IDS)
        if rng.random() < 0.1:
            ident = b" " + ident + b" "  # the same id, once trimmed
    else:
        ident = b"U%d" % rng.randint(0, 10**6)
    d = rng.choice([b"%02d/%02d/2016" % (rng.randint(1, 28), rng.randint(1, 12)),
                    b"%02d/%02d/2016" % (rng.randint(1, 28), rng.randint(1, 12)),
                    b"2016-09", b"", b"31/02/2016", b"13/13/2016"])
    n = rng.choice([b"1", b"2", b"1,234", b"12,34", b"abc", b"-3", b""])
    return [ident, d, rng.choice(AREAS), rng.choice(CATS), note(rng, f), n]


def record(rng, f, kind, delim, seen, perm):
    """The bytes of one record, without its line end."""
    if kind == "blank":
        return rng.choice([b"", b"   ", b"\t ", delim * 5, b" " + delim + b" " + delim * 4])
    if kind == "dup" and seen:
        return rng.choice(seen)
    if kind == "header":  # maybe after a BOM, maybe in capitals and spaced
        h = [COLS[i] for i in perm]
        if rng.random() < 0.3:
            h = [b" " + c.upper() + b" " for c in h]
        return (BOM if rng.random() < 0.3 else b"") + delim.join(h)
    if kind == "reorder":
        return delim.join(COLS[i] for i in reversed(perm))
    v = values(rng, f)
    cells = [cell(rng, v[i], delim) for i in perm]
    if kind == "short":
        cells = cells[:rng.randint(1, 5)]
    elif kind == "long":
        cells += [cell(rng, rng.choice(WORDS), delim) for _ in range(rng.randint(1, 3))]
    elif kind == "wide":  # longer than 64 times a --max-field of 40
        cells += [b"abcdefghi"] * rng.randint(250, 400)
    elif kind == "stray":  # an opening quote never closed on its line
        i = rng.randrange(len(cells))
        cells[i] = b'"' + v[perm[i]].replace(b'"', b"")
    rec = (BOM if rng.random() < 0.02 else b"") + delim.join(cells)
    seen.append(rec)
    return rec


KINDS = [("row", 70), ("dup", 6), ("blank", 5), ("header", 2), ("short", 3),
         ("long", 3), ("stray", 1), ("wide", 0.5)]


def eol(rng, mode):
    return rng.choice(EOLS) if mode == b"mixed" else mode


def special(k, perm):
    """The odd small files: every eighth file is one of these."""
    h = b",".join(COLS[i] for i in perm)
    row = b"A1,01/02/2016,Dartford 001A,Burglary,one,1"
    if perm != list(range(6)):
        row = b",".join(row.split(b",")[i] for i in perm)
    big = quote(b"a\r\n" * 400)
    return [b"", h, h + b"\n", BOM + h + b"\r\n", h + b"\n" + row,
            h + b"\r\n" + row + b"\r\n", h + b"\n\n \n\r\n",
            h + b"\n" + b",".join([b"A1", b"", b"", b"", big, b"1"]) + b"\n",
            h + b"\r" + row + b"\r" + row + b"\r"][(k // 8) % 9]


def gen(seed, k, permute=False, nrec=None):
    """File k of the seed; nrec records instead of a few or a few dozen."""
    rng = random.Random(seed * 100003 + k)
    perm = list(range(6))
    if permute:
        while perm == list(range(6)):
            rng.shuffle(perm)
    if k % 8 == 7 and nrec is None:
        return special(k, perm)
    every = rng.random() < 0.3  # a file with every hazard
    f = {x: every or rng.random() < 0.5
         for x in ("long", "badutf8", "nul", "stray")}
    mode = rng.choice([b"\n", b"\r\n", b"\r", b"mixed", b"mixed"])
    delim = rng.choice([b";", b"\t"]) if rng.random() < 0.15 else b","
    out = (BOM if rng.random() < 0.2 else b"") + delim.join(COLS[i] for i in perm)
    out += eol(rng, mode)
    seen = []
    nrec = nrec or rng.choice([1, 2, 3, rng.randint(5, 40), rng.randint(30, 90)])
    reorder = rng.randrange(nrec) if rng.random() < 0.08 else -1
    stray = nrec - 1 - rng.randint(0, 2) if rng.random() < 0.15 else -1
    kinds = [x for x, _ in KINDS]
    weights = [w for _, w in KINDS]
    for i in range(nrec):
        kind = rng.choices(kinds, weights)[0]
        if (kind == "stray" and not f["stray"]) or (
                kind == "wide" and not f["long"]):
            kind = "row"
        if i == reorder:
            kind = "reorder"
        elif i == stray:
            kind = "stray"
        out += record(rng, f, kind, delim, seen, perm)
        if i < nrec - 1 or rng.random() < 0.85:
            out += eol(rng, mode)
    return out


def main():
    if len(sys.argv) not in (5, 6) or sys.argv[5:] not in ([], ["permute"]):
        sys.exit("usage: gen-hostile.py SEED FIRST COUNT DIR [permute]")
    seed, first, count = (int(a) for a in sys.argv[1:4])
    for k in range(first, first + count):
        path = os.path.join(sys.argv[4], "hostile-%d-%d.csv" % (seed, k))
        with open(path, "wb") as fp:
            fp.write(gen(seed, k, permute=len(sys.argv) == 6))


if __name__ == "__main__":
    main()
