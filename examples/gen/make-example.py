#!/usr/bin/env python3
"""Generate the worked example's data: partner extracts and lookups for the
North Kent partnership (Dartford + Gravesham) inside Kent, and its Most
Similar Group.  EVERY FIGURE IS INVENTED; only the file layouts are real.

  python3 examples/gen/make-example.py [--out DIR]

Writes under DIR (default: the examples/ folder beside this script):
  data/street/YYYY-MM-kent-street.csv[.gz]  police.uk street layout, North Kent
  data/street/2016-q3-concatenated.csv.gz   Jul-Sep 2016, three files in one
  data/county/kent-other-districts.csv.gz    the other 11 districts, counts
  data/msg/msg-partnerships.csv              the other 14 MSG areas, counts
  data/asb/council-asb-log.csv               council case log, cp1252, CRLF
  data/health/ae-assaults.csv                A&E assault attendances, counts
  data/da/da-victims.csv                     DA victims and repeat victims
  data/fire/deliberate-fires.csv             deliberate fires by fiscal quarter
  lookups/*.csv                              population, categories, ...

Deterministic: a fixed seed, no clock, no libm beyond sqrt, and gzip
members written with a zero time stamp, so two runs give the same bytes
(given the same zlib).  Standard library only.
"""
import argparse
import hashlib
import io
import os
import random
import struct
import zlib

SEED = 2016
MONTHS = [f"{2014 + (9 + i) // 12:04d}-{(9 + i) % 12 + 1:02d}" for i in range(24)]
CONCAT = ["2016-07", "2016-08", "2016-09"]   # only in the concatenated file
PLAIN = ["2014-10"]                           # the one month not gzipped

# --- areas -----------------------------------------------------------------
# district: (population mid-2015, mid-2016, total recorded crime per 1,000
# in sa2015, ASB per 1,000 in sa2015, growth factor, LSOA number, LSOAs,
# centre lon, lat).  Populations near the real ones; rates invented.
KENT = {
    "Ashford":               (124600, 126900, 64, 30, 0.99, 1, 78, 0.87, 51.15),
    "Canterbury":            (160100, 162700, 72, 34, 1.01, 2, 89, 1.08, 51.28),
    "Dartford":              (103400, 105100, 77, 28, 1.03, 3, 63, 0.22, 51.44),
    "Dover":                 (113200, 113900, 66, 32, 0.98, 4, 67, 1.31, 51.13),
    "Gravesham":             (105500, 106300, 72, 27, 1.00, 5, 65, 0.37, 51.44),
    "Maidstone":             (164300, 166900, 68, 30, 1.02, 6, 98, 0.52, 51.27),
    "Sevenoaks":             (119200, 120100, 47, 20, 0.97, 7, 74, 0.19, 51.27),
    "Folkestone and Hythe":  (110300, 111100, 68, 33, 1.00, 8, 69, 1.17, 51.08),
    "Swale":                 (142700, 145300, 71, 33, 1.04, 9, 85, 0.76, 51.34),
    "Thanet":                (139900, 140900, 88, 42, 1.01, 10, 84, 1.38, 51.36),
    "Tonbridge and Malling": (124600, 127000, 51, 22, 0.99, 11, 73, 0.36, 51.29),
    "Tunbridge Wells":       (116300, 117000, 50, 22, 0.98, 12, 71, 0.26, 51.13),
    "Medway":                (274000, 276500, 74, 31, 1.02, 13, 163, 0.55, 51.39),
}
NORTH_KENT = ["Dartford", "Gravesham"]

# The other fourteen partnerships of North Kent's Most Similar Group: real
# place names, invented figures.  (pop 2015, pop 2016, TRC rate, ASB rate,
# growth, police force).
MSG = {
    "Basildon":      (182000, 183600, 78, 32, 1.03, "Essex"),
    "Chelmsford":    (173500, 175200, 58, 22, 0.99, "Essex"),
    "Crawley":       (110900, 111700, 72, 28, 1.05, "Sussex"),
    "Gloucester":    (127900, 128800, 90, 34, 1.00, "Gloucestershire"),
    "Ipswich":       (135600, 136700, 86, 33, 0.97, "Suffolk"),
    "Luton":         (214700, 216800, 88, 30, 1.06, "Bedfordshire"),
    "Milton Keynes": (263000, 265900, 76, 27, 1.02, "Thames Valley"),
    "Northampton":   (222500, 224600, 92, 35, 1.01, "Northamptonshire"),
    "Peterborough":  (194800, 197100, 94, 36, 1.04, "Cambridgeshire"),
    "Reading":       (161800, 162700, 84, 30, 0.96, "Thames Valley"),
    "Stevenage":     (86800, 87300, 68, 26, 1.02, "Hertfordshire"),
    "Swindon":       (217900, 219600, 74, 29, 1.00, "Wiltshire"),
    "Thurrock":      (164900, 166300, 80, 30, 1.08, "Essex"),
    "Warrington":    (207700, 208800, 70, 31, 0.95, "Cheshire"),
}
# HMIC-style crime-recording accuracy by force (invented).
ACCURACY = {"Kent": 96, "Essex": 88, "Sussex": 91, "Gloucestershire": 87,
            "Suffolk": 93, "Bedfordshire": 85, "Thames Valley": 92,
            "Northamptonshire": 86, "Cambridgeshire": 89,
            "Hertfordshire": 91, "Wiltshire": 90, "Cheshire": 94}

# --- categories --------------------------------------------------------------
# police.uk crime type: (share of recorded crime in sa2015, growth to sa2016,
# priority group).
CRIME_TYPES = {
    "Violence and sexual offences": (0.330, 1.22, "Violent crime"),
    "Robbery":                      (0.009, 1.08, "Violent crime"),
    "Possession of weapons":        (0.007, 1.15, "Violent crime"),
    "Burglary":                     (0.085, 0.96, "Acquisitive crime"),
    "Vehicle crime":                (0.080, 1.02, "Acquisitive crime"),
    "Theft from the person":        (0.010, 1.00, "Acquisitive crime"),
    "Bicycle theft":                (0.015, 0.95, "Acquisitive crime"),
    "Shoplifting":                  (0.090, 1.04, "Acquisitive crime"),
    "Other theft":                  (0.110, 0.98, "Acquisitive crime"),
    "Criminal damage and arson":    (0.130, 1.05, "Criminal damage and arson"),
    "Public order":                 (0.070, 1.25, "Public order offences"),
    "Drugs":                        (0.035, 0.88, "Drug offences"),
    "Other crime":                  (0.020, 1.12, "Other crime"),
}
ASB = "Anti-social behaviour"
ASB_GROWTH = 0.93
COUNCIL_ASB = "ASB (council)"
AE_ASSAULT = "Assault (A&E)"

# Seasonal factors, January first (mean about 1).
SEASON_CRIME = [0.95, 0.88, 0.98, 0.98, 1.05, 1.04, 1.08, 1.04, 1.00, 1.02,
                0.98, 1.00]
SEASON_ASB = [0.80, 0.80, 0.95, 1.05, 1.15, 1.15, 1.25, 1.20, 1.00, 1.05,
              0.85, 0.75]

OUTCOMES_OLD = [
    ("Investigation complete; no suspect identified", 40),
    ("Unable to prosecute suspect", 30), ("Under investigation", 3),
    ("Court result unavailable", 6), ("Offender given a caution", 4),
    ("Local resolution", 5), ("Awaiting court outcome", 2),
    ("Offender sent to prison", 2), ("Offender given community sentence", 2),
    ("Formal action is not in the public interest", 2),
    ("Status update unavailable", 4)]
OUTCOMES_NEW = [
    ("Under investigation", 45),
    ("Investigation complete; no suspect identified", 25),
    ("Unable to prosecute suspect", 18), ("Awaiting court outcome", 4),
    ("Local resolution", 3), ("Offender given a caution", 2),
    ("Status update unavailable", 3)]

STREETS = {
    "Dartford": ["High Street", "Hythe Street", "Lowfield Street",
                 "Spital Street", "Overy Street", "Home Gardens",
                 "Instone Road", "Temple Hill Square", "Joyce Green Lane",
                 "Princes Road", "Shepherds Lane", "Heath Lane",
                 "London Road", "Watling Street", "Station Road",
                 "Darenth Road", "Priory Road", "Essex Road",
                 "Swanscombe Street", "Knockhall Road"],
    "Gravesham": ["King Street", "Windmill Street", "Milton Road",
                  "Parrock Street", "Queen Street", "Harmer Street",
                  "The Grove", "Pelham Road", "Old Road West", "Dover Road",
                  "High Street", "Perry Street", "Singlewell Road",
                  "Echo Square", "Wrotham Road", "Valley Drive",
                  "Coldharbour Road", "Vale Road", "Rochester Road",
                  "Station Road"],
}
PLACES = ["Parking Area", "Supermarket", "Shopping Area", "Petrol Station",
          "Sports/Recreation Area", "Nightclub", "Park/Open Space",
          "Further/Higher Educational Building", "Hospital", "Pedestrian Subway"]

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
          "Location,LSOA code,LSOA name,Crime type,Last outcome category,"
          "Context")


def rng(name):
    """An independent, seeded stream per purpose, so that changing one file
    leaves the others' figures alone."""
    h = hashlib.sha256(f"{SEED}:{name}".encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def draw(r, lam):
    """A count near lam: a normal by the sum of twelve uniforms (no libm
    but sqrt, so every platform draws the same integers)."""
    z = sum(r.random() for _ in range(12)) - 6.0
    return max(0, int(lam + z * lam ** 0.5 + 0.5))


def pick(r, items):
    return items[int(r.random() * len(items))]


def wpick(r, pairs):
    total = sum(w for _, w in pairs)
    x = r.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def shuffle(r, a):
    for i in range(len(a) - 1, 0, -1):
        j = int(r.random() * (i + 1))
        a[i], a[j] = a[j], a[i]


def level(t, month, annual, growth, season):
    """Expected count in month t (0 = Oct 2014) of a series whose sa2015
    total is about annual and which grows by growth a year."""
    return annual / 12.0 * season[month - 1] * growth ** ((t - 5.5) / 12.0)


def monthly_counts(name, pop, trc, asbr, f):
    """{(month, category): count} for one area over the 24 months."""
    r = rng("counts:" + name)
    out = {}
    shares = {c: s * (0.85 + 0.3 * r.random()) for c, (s, _, _)
              in CRIME_TYPES.items()}
    norm = sum(shares.values())
    for t, ym in enumerate(MONTHS):
        m = int(ym[5:])
        for c, (_, g, _) in CRIME_TYPES.items():
            annual = trc * pop / 1000.0 * shares[c] / norm
            out[ym, c] = draw(r, level(t, m, annual, g * f, SEASON_CRIME))
        out[ym, ASB] = draw(r, level(t, m, asbr * pop / 1000.0,
                                     ASB_GROWTH * (2 - f), SEASON_ASB))
    return out


# --- writing -----------------------------------------------------------------
def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def gzip_bytes(data):
    """A gzip member with no name and a zero time stamp (reproducible)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    body = c.compress(data) + c.flush()
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + body +
            struct.pack("<II", zlib.crc32(data), len(data) & 0xffffffff))


def csv_line(fields):
    out = []
    for f in fields:
        s = str(f)
        if any(ch in s for ch in ',"\r\n'):
            s = '"' + s.replace('"', '""') + '"'
        out.append(s)
    return ",".join(out)


def text(rows, eol="\n"):
    return "".join(csv_line(r) + eol for r in rows)


# --- police.uk street files for North Kent -------------------------------------
def snap_points(r, d):
    """police.uk moves every crime to an anonymous map point that carries a
    street or place name; each LSOA has a handful of them."""
    _, _, _, _, _, num, nlsoa, lon, lat = KENT[d]
    lsoas = []
    for k in range(nlsoa):
        clon = lon + (r.random() - 0.5) * 0.08
        clat = lat + (r.random() - 0.5) * 0.05
        pts = []
        for _ in range(3 + int(r.random() * 6)):
            place = (pick(r, PLACES) if r.random() < 0.3
                     else pick(r, STREETS[d]))
            pts.append((f"{clon + (r.random() - 0.5) * 0.012:.6f}",
                        f"{clat + (r.random() - 0.5) * 0.008:.6f}",
                        "On or near " + place))
        code = f"E0{1000000 + num * 3000 + k:07d}"
        name = f"{d} {k // 4 + 1:03d}{'ABCD'[k % 4]}"
        weight = 0.3 + 4.0 * r.random() ** 3   # a few hot spots
        lsoas.append((code, name, pts, weight))
    return lsoas


def street_rows(ym, counts, lsoas, r, seen):
    rows = []
    age = MONTHS.index(ym)
    outcomes = OUTCOMES_NEW if age >= 21 else OUTCOMES_OLD
    for d in NORTH_KENT:
        lw = [(l, l[3]) for l in lsoas[d]]
        for c in [ASB] + list(CRIME_TYPES):
            for _ in range(counts[d][ym, c]):
                code, name, pts, _ = wpick(r, lw)
                lon, lat, loc = pick(r, pts)
                rows.append([c, lon, lat, loc, code, name])
    # Rows police.uk could not place: no coordinates, no LSOA.  They belong
    # to no district, so they count nowhere.
    for _ in range(draw(r, 5)):
        c = wpick(r, [(ASB, 30)] + [(k, v[0] * 70) for k, v
                                    in CRIME_TYPES.items()])
        rows.append([c, "", "", "No Location", "", ""])
    shuffle(r, rows)
    out = []
    for c, lon, lat, loc, code, name in rows:
        cid = outcome = ""
        if c != ASB:
            salt = 0
            while True:   # police.uk's ids are hashes; ours are shorter
                cid = hashlib.sha256(f"{SEED}:crime:{len(seen)}:{salt}"
                                     .encode()).hexdigest()[:16]
                if cid not in seen:
                    break
                salt += 1
            seen.add(cid)
            outcome = wpick(r, outcomes)
        out.append([cid, ym, "Kent Police", "Kent Police", lon, lat, loc,
                    code, name, c, outcome, ""])
    return out


def make_street(root, counts):
    r = rng("street")
    lsoas = {d: snap_points(r, d) for d in NORTH_KENT}
    seen = set()
    concat = []
    nrows = 0
    for ym in MONTHS:
        rows = street_rows(ym, counts, lsoas, r, seen)
        nrows += len(rows)
        body = (HEADER + "\n" + text(rows)).encode()
        base = os.path.join(root, "data", "street", f"{ym}-kent-street.csv")
        if ym in CONCAT:
            concat.append(body)
        elif ym in PLAIN:
            write(base, body)
        else:
            write(base + ".gz", gzip_bytes(body))
    # unzip -p archive.zip '*-kent-street.csv' > ...: one stream with each
    # file's header repeated where the next file begins.
    write(os.path.join(root, "data", "street",
                       "2016-q3-concatenated.csv.gz"),
          gzip_bytes(b"".join(concat)))
    return nrows


# --- aggregated police counts ----------------------------------------------------
def count_rows(areas, counts):
    rows = []
    for ym in MONTHS:
        for a in areas:
            for c in sorted(CRIME_TYPES) + [ASB]:
                if counts[a][ym, c]:
                    rows.append([ym, a, c, counts[a][ym, c]])
    return rows


def make_counts(root, counts):
    others = [d for d in KENT if d not in NORTH_KENT]
    # The force's performance summary arrives gzipped.
    write(os.path.join(root, "data", "county", "kent-other-districts.csv.gz"),
          gzip_bytes(("date,area,category,count\n" +
                      text(count_rows(others, counts))).encode()))
    write(os.path.join(root, "data", "msg", "msg-partnerships.csv"),
          ("date,area,category,count\n" +
           text(count_rows(list(MSG), counts))).encode())


# --- the council's ASB case log ------------------------------------------------
INCIDENTS = [("Noise nuisance", 26), ("Neighbour dispute", 18),
             ("Youths causing annoyance", 16), ("Street drinking", 7),
             ("Fly-tipping", 9), ("Graffiti", 5), ("Abandoned vehicle", 4),
             ("Drug-related", 6), ("Harassment", 6), ("Dog fouling", 3)]
WARDS = {
    "Dartford": [("Brent", "DA1 1"), ("Castle", "DA2 6"), ("Heath", "DA1 2"),
                 ("Joyce Green", "DA1 5"), ("Newtown", "DA1 2"),
                 ("Princes", "DA1 1"), ("Stone", "DA9 9"),
                 ("Swanscombe", "DA10 0"), ("Town", "DA1 1"),
                 ("West Hill", "DA1 3"), ("Greenhithe", "DA9 9"),
                 ("Littlebrook", "DA1 5")],
    "Gravesham": [("Central", "DA11 0"), ("Northfleet North", "DA11 9"),
                  ("Pelham", "DA11 7"), ("Riverside", "DA12 2"),
                  ("Singlewell", "DA12 5"), ("Westcourt", "DA12 4"),
                  ("Whitehill", "DA12 5"), ("Woodlands", "DA12 1"),
                  ("Coldharbour", "DA11 8"), ("Painters Ash", "DA11 8"),
                  ("Riverview", "DA12 4"), ("Chalk", "DA12 4")],
}
OFFICERS = ["Renée Clarke", "Seán O’Brien", "Zoë Patel", "Tom Ashby",
            "Priya Shah", "Dave Miller", "Chloé Martin", "Kate Hughes"]
NOTES = ["", "", "", "Repeat caller", "Referred to housing",
         "Warning letter sent", "Visited, no answer", "Noise diary issued",
         "CCTV requested", "Joint visit with police",
         "Neighbour’s dog barking late at night",
         "Outside Café Rouge, High Street", "Approx £50 damage to fence",
         "Community Protection Warning issued", "Closed - no further action",
         "Group of youths, shouting, by the shops",
         "Resident says it’s \"every weekend\""]
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


def council_rows():
    r = rng("council")
    cases = []
    for t, ym in enumerate(MONTHS):
        y, m = int(ym[:4]), int(ym[5:])
        ndays = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30,
                 31, 30, 31][m - 1]
        for d, base in (("Dartford", 24), ("Gravesham", 21)):
            for _ in range(draw(r, level(t, m, base * 12, 0.95,
                                         SEASON_ASB))):
                ward, sector = pick(r, WARDS[d])
                cases.append([(y, m, 1 + int(r.random() * ndays)),
                              wpick(r, INCIDENTS), ward, d,
                              sector + pick(r, LETTERS) + pick(r, LETTERS),
                              pick(r, OFFICERS), pick(r, NOTES)])
    cases.sort(key=lambda c: c[0])
    rows, seq = [], {}
    for c in cases:
        y, m, dd = c[0]
        seq[y] = seq.get(y, 0) + 1
        ref = f"NK/ASB/{y % 100:02d}/{seq[y]:04d}"
        date = (f"{dd}/{m}/{y}" if r.random() < 0.1
                else f"{dd:02d}/{m:02d}/{y}")   # a second entry form
        rows.append([ref, date] + c[1:])
    return rows


def dirty(rows):
    """The flaws worth showing, each in a known row."""
    find = lambda ref: next(i for i, x in enumerate(rows) if x[0] == ref)
    # stray spaces around the district
    rows[find("NK/ASB/15/0040")][4] = " " + rows[find("NK/ASB/15/0040")][4]
    rows[find("NK/ASB/16/0077")][4] += "  "
    # a line break inside a quoted note
    rows[find("NK/ASB/15/0101")][7] = "Visited 3pm.\r\nNo answer, card left"
    # an impossible date, which csvclean rejects
    i = find("NK/ASB/16/0120")
    rows[i][1] = "31/02/2016"
    # the same case entered twice: dedup keeps the first
    i = find("NK/ASB/16/0200")
    again = list(rows[i])
    again[7] = "Update: second visit, resident moved out"
    rows.insert(i + 3, again)
    return rows


def make_council(root):
    head = ["Case Ref", "Date Reported", "Incident Type", "Ward", "District",
            "Postcode", "Reporting Officer", "Notes"]
    body = text([head] + dirty(council_rows()), "\r\n")
    write(os.path.join(root, "data", "asb", "council-asb-log.csv"),
          body.encode("cp1252"))


# --- A&E assault attendances ------------------------------------------------------
def make_health(root):
    r = rng("health")
    rate = {d: 2.4 + 1.2 * r.random() for d in KENT}
    rows = []
    for t, ym in enumerate(MONTHS):
        y, m = int(ym[:4]), int(ym[5:])
        mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
               "Sep", "Oct", "Nov", "Dec"][m - 1]
        for d in sorted(KENT):
            rows.append([f"{mon}-{y % 100:02d}", d,
                         draw(r, level(t, m, rate[d] * KENT[d][0] / 1000.0,
                                       1.06, SEASON_CRIME))])
    # An Excel "CSV UTF-8" export: BOM and CRLF.
    body = text([["Month", "District", "Assault attendances"]] + rows, "\r\n")
    write(os.path.join(root, "data", "health", "ae-assaults.csv"),
          b"\xef\xbb\xbf" + body.encode())


# --- domestic abuse victims: a partner's monthly counts -----------------------
DA_VICTIMS = "DA victims"
DA_REPEAT = "Repeat DA victims"


def make_da(root):
    """Victims of domestic abuse a month, and those of them who were
    victims before in the past twelve months, per Kent district and MSG
    partnership (the repeat victims are a subset of the victims)."""
    r = rng("da")
    areas = sorted(KENT) + sorted(MSG)
    pop = {a: (KENT.get(a) or MSG[a])[0] for a in areas}
    rate = {a: 8.0 + 6.0 * r.random() for a in areas}     # a year per 1,000
    rep = {a: 0.22 + 0.14 * r.random() for a in areas}    # repeat share
    rows = []
    for t, ym in enumerate(MONTHS):
        m = int(ym[5:])
        for a in areas:
            v = draw(r, level(t, m, rate[a] * pop[a] / 1000.0, 1.04,
                              SEASON_CRIME))
            k = sum(1 for _ in range(v) if r.random() < rep[a] *
                    (1.0 + 0.1 * (t >= 12)))
            rows += [[ym, a, DA_VICTIMS, v], [ym, a, DA_REPEAT, k]]
    write(os.path.join(root, "data", "da", "da-victims.csv"),
          ("date,area,category,count\n" + text(rows)).encode())


# --- deliberate fires: the fire service's quarterly export ----------------------
FIRE_PRIMARY = "Deliberate primary fires"
FIRE_SECONDARY = "Deliberate secondary fires"
FIRES = "Deliberate fires"
# Each offence's seasonal factor by fiscal quarter (Q1 April to June):
# secondary fires (rubbish, grass, derelict vehicles) peak in spring and
# summer; primary fires (buildings, vehicles) barely move.
SEASON_FIRE = {FIRE_PRIMARY: [1.05, 1.10, 0.95, 0.90],
               FIRE_SECONDARY: [1.50, 1.20, 0.70, 0.60]}


def fiscal_quarter(ym):
    """'2015-10' -> '2015/16 Q3', as the fire service labels quarters."""
    y, m = int(ym[:4]), int(ym[5:])
    fy = y if m >= 4 else y - 1
    return f"{fy}/{(fy + 1) % 100:02d} Q{(m - 4) % 12 // 3 + 1}"


def make_fire(root):
    """Deliberate primary and secondary fires a fiscal quarter, per Kent
    district, as the fire service exports them: its own column names,
    '&' for 'and' in two district names, CRLF, and a blank line and a
    'Grand Total' row at the end."""
    r = rng("fire")
    rate = {d: {FIRE_PRIMARY: 0.25 + 0.30 * r.random(),      # a year
                FIRE_SECONDARY: 0.50 + 0.90 * r.random()}    # per 1,000
            for d in KENT}
    growth = {d: {FIRE_PRIMARY: 0.95 + 0.15 * r.random(),
                  FIRE_SECONDARY: 0.88 + 0.30 * r.random()} for d in KENT}
    rows = []
    for t in range(0, len(MONTHS), 3):
        label = fiscal_quarter(MONTHS[t])
        q = int(label[-1]) - 1
        for d in sorted(KENT, key=lambda d: d.replace(" and ", " & ")):
            for o in (FIRE_PRIMARY, FIRE_SECONDARY):
                lam = (rate[d][o] * KENT[d][0] / 4000.0 * SEASON_FIRE[o][q] *
                       growth[d][o] ** ((t + 1 - 5.5) / 12.0))
                rows.append([label, d.replace(" and ", " & "), o,
                             draw(r, lam)])
    total = sum(x[3] for x in rows)
    body = text([["Quarter", "District", "Offence", "Number"]] + rows +
                [[], ["Grand Total", "", "", total]], "\r\n")
    write(os.path.join(root, "data", "fire", "deliberate-fires.csv"),
          body.encode())


# --- lookups ----------------------------------------------------------------------
def households(pop):
    """Households near the population over 2.4 (invented, not official)."""
    return int(pop / 2.4 + 0.5)


def make_lookups(root):
    lk = lambda name: os.path.join(root, "lookups", name)
    pop = {}
    for d, v in KENT.items():
        pop[d] = v[:2]
    pop["North Kent"] = tuple(sum(KENT[d][i] for d in NORTH_KENT)
                              for i in (0, 1))
    pop["Kent"] = tuple(sum(v[i] for v in KENT.values()) for i in (0, 1))
    for a, v in MSG.items():
        pop[a] = v[:2]
    hh = {a: tuple(households(p) for p in pop[a]) for a in pop}
    hh["North Kent"] = tuple(sum(hh[d][i] for d in NORTH_KENT)
                             for i in (0, 1))
    hh["Kent"] = tuple(sum(hh[d][i] for d in KENT) for i in (0, 1))
    write(lk("population.csv"), ("area,year,population,households\n" + text(
        [[a, y, pop[a][i], hh[a][i]] for a in sorted(pop)
         for i, y in enumerate((2015, 2016))])).encode())

    cats = [[c, g] for c, (_, _, g) in sorted(CRIME_TYPES.items())]
    cats += [[c, "Total recorded crime"] for c in sorted(CRIME_TYPES)]
    cats += [[ASB, "Anti-social behaviour"],
             [COUNCIL_ASB, "Council ASB cases"],
             [AE_ASSAULT, "A&E assault attendances"],
             ["Burglary", "Burglary"],
             [DA_VICTIMS, DA_VICTIMS], [DA_REPEAT, DA_REPEAT],
             # one indicator: both are deliberate, both answer to the
             # partnership's arson work, and primary fires alone are a
             # handful a month in a district, too few to judge apart
             [FIRE_PRIMARY, FIRES], [FIRE_SECONDARY, FIRES]]
    write(lk("categories.csv"),
          ("category,indicator\n" + text(cats)).encode())

    # Each district reaches Kent once: North Kent's two through North Kent.
    roll = [[d, "North Kent"] for d in NORTH_KENT] + [["North Kent", "Kent"]]
    roll += [[d, "Kent"] for d in sorted(KENT) if d not in NORTH_KENT]
    write(lk("rollup.csv"), ("area,parent\n" + text(roll)).encode())

    write(lk("msg.csv"), ("group,area\n" + text(
        [["North Kent MSG", a] for a in ["North Kent"] + sorted(MSG)])
    ).encode())

    acc = [[a, ACCURACY["Kent"]] for a in
           sorted(KENT) + ["North Kent", "Kent"]]
    acc += [[a, ACCURACY[MSG[a][5]]] for a in sorted(MSG)]
    write(lk("accuracy.csv"), ("area,accuracy_pct\n" + text(acc)).encode())

    # Lower is better for every target: a % change no higher than target,
    # or a rate per 1,000 no higher than target.
    targets = [["Total recorded crime", 5, "change_pct"],
               ["Violent crime", 10, "change_pct"],
               ["Acquisitive crime", -3, "change_pct"],
               ["Criminal damage and arson", 0, "change_pct"],
               ["Anti-social behaviour", -5, "change_pct"],
               ["Council ASB cases", -5, "change_pct"],
               ["Drug offences", 3.5, "rate"],
               ["A&E assault attendances", 3.0, "rate"],
               ["Deliberate fires", -5, "change_pct"]]
    write(lk("targets.csv"), ("category,target,kind\n" +
                              text(targets)).encode())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))),
        help="the folder to write into (default: examples/)")
    a = ap.parse_args()
    counts = {}
    for d, v in KENT.items():
        counts[d] = monthly_counts(d, v[0], v[2], v[3], v[4])
    for p, v in MSG.items():
        counts[p] = monthly_counts(p, v[0], v[2], v[3], v[4])
    make_street(a.out, counts)
    make_counts(a.out, counts)
    make_council(a.out)
    make_health(a.out)
    make_da(a.out)
    make_fire(a.out)
    make_lookups(a.out)


if __name__ == "__main__":
    main()
