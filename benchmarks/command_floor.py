"""The floor for the whole ``frameshift count`` command: a bare ``re.findall(r"\\w+")`` pass.

Usage: ``python benchmarks/command_floor.py CORPUS.csv OUT.csv`` -- reads a CSV corpus with the
standard library, counts ``\\w+`` tokens per statement and writes one CSV row per statement
(start-up, reading and writing included, as for the command). See benchmarks/README.md.
"""

import csv
import re
import sys

csv.field_size_limit(1 << 30)
rx = re.compile(r"\w+").findall
with open(sys.argv[1], newline="", encoding="utf-8") as f, \
        open(sys.argv[2], "w", newline="", encoding="utf-8") as o:
    w = csv.writer(o)
    for row in csv.DictReader(f):
        w.writerow([row["statement_id"], len(rx(row["text"]))])
