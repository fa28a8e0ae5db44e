#!/usr/bin/env bash
# Checks that the funder report's XLSX opens in LibreOffice with numbers as numbers and dates as
# dates (issue 15): writes the report of DB's organisation ORG for YEAR, converts every sheet to
# CSV with LibreOffice (text cells quoted, numbers and dates not), and checks the four sheets.
#   docs/funder-xlsx-check.sh DB ORG YEAR
#   docs/funder-xlsx-check.sh --file FUNDER.xlsx      (an XLSX written already)
# Needs soffice (apt-get install libreoffice-calc-nogui). Exit 0 when every check passes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$1" = "--file" ]; then
    cp "$2" "$work/funder.xlsx"
else
    "$root/bin/impact-desk" --db "$1" report funder --year "$3" --org "$2" --xlsx "$work/funder.xlsx" >/dev/null
fi
# 44 comma, 34 quote, UTF-8, line 1, -, -, quote all text cells, -, values not as shown, -, -, every sheet (-1)
soffice --headless "-env:UserInstallation=file://$work/profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,true,true,false,false,false,-1' \
    "$work/funder.xlsx" --outdir "$work/csv" >/dev/null 2>&1
python3 - "$work/csv" <<'PY'
import re, sys, os
d = sys.argv[1]
def rows(sheet):
    # keep the raw fields: a quoted field is text, an unquoted one a number or a date
    with open(os.path.join(d, f"funder-{sheet}.csv"), encoding="utf-8") as f:
        return [re.findall(r'"(?:[^"]|"")*"|[^,]+|(?<=,)(?=,|$)|^(?=,)', line.rstrip("\n")) for line in f]
def is_number(field):
    return re.fullmatch(r"-?\d+(\.\d+)?", field) is not None
def is_date(field):
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", field) is not None
problems = []
summary = rows("Summary")
total = [r for r in summary if r and r[0] == '"Total"']
if not total:
    problems.append("Summary: no Total row")
else:
    bad = [f for f in total[0][1:10] if not is_number(f)]
    if bad:
        problems.append(f"Summary: Total has non-numeric cells {bad}")
made = [r for r in summary if r and r[0] == '"Made on"']
if not made or not is_date(made[0][1]):
    problems.append(f"Summary: 'Made on' is not a date cell: {made}")
acts = rows("Activities")[1:]
if not acts:
    problems.append("Activities: no rows")
bad_dates = [r[0] for r in acts if not is_date(r[0])]
if bad_dates:
    problems.append(f"Activities: {len(bad_dates)} dates are not date cells, e.g. {bad_dates[:3]}")
mentors = rows("Peer mentors")[1:]
bad_counts = [r for r in mentors if not is_number(r[-1])]
if bad_counts:
    problems.append(f"Peer mentors: {len(bad_counts)} counts are text")
rules = rows("Rules")[1:5]
if not all(is_number(r[1]) for r in rules):
    problems.append(f"Rules: the rule values are not numbers: {rules}")
for p in problems:
    print("FAIL", p)
print(f"checked: {len(acts)} activity rows, {len(mentors)} peer mentors, the Total row, the rule values")
sys.exit(1 if problems else 0)
PY
echo "OK: the XLSX opens in LibreOffice with numbers as numbers and dates as dates"
