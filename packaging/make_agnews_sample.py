#!/usr/bin/env python3
"""Writes resources/data/agnews/agnews_topics.csv from the AG News test split.

The bundled sample is the public test split (7,600 articles) with two changes
so that it imports with the CSV preset's defaults and reads well in the UI:
the numeric class becomes its name (1 World, 2 Sports, 3 Business,
4 Sci/Tech, as in the dataset's classes.txt) and the title and description
become one text, "title. description". Nothing else is altered.

Usage: packaging/make_agnews_sample.py SOURCE_CSV TARGET_CSV
"""
import csv
import sys

NAMES = {"1": "World", "2": "Sports", "3": "Business", "4": "Sci/Tech"}


def main(source: str, target: str) -> None:
    with open(source, newline="", encoding="utf-8") as inp, open(target, "w", newline="", encoding="utf-8") as out:
        reader = csv.DictReader(inp)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["label", "text"])
        for row in reader:
            title = row["title"].strip()
            if title and title[-1] not in ".!?":
                title += "."
            writer.writerow([NAMES[row["label"]], f"{title} {row['description'].strip()}"])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
