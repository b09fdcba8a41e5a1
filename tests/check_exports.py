"""What a dataset builder's tools check: for every annotation in every export format, the text at
its offsets (Python code point slicing, text[start:end]) is its quote.

    python3 tests/check_exports.py DIR    # DIR holds one export of each format
    python3 tests/check_exports.py DIR SPANS.json    # and they hold exactly these spans

SPANS.json, when given, lists [document, start, end, label name] of every span the exports must
hold, no more and no fewer (a curation's gold: exactly the decisions made).

Standard library only. Prints one line per format and exits non-zero on any mismatch.
"""
import csv
import io
import json
import pathlib
import re
import sys
import urllib.parse
import zipfile
from xml.etree import ElementTree

ROOT = pathlib.Path(__file__).resolve().parent.parent
folder = pathlib.Path(sys.argv[1])
failures = []
checked = {}


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def check(fmt, doc, start, end, quote, text):
    checked[fmt] = checked.get(fmt, 0) + 1
    if text[start:end] != quote:
        failures.append(f"{fmt}: {doc} [{start}, {end}) reads {text[start:end]!r}, not {quote!r}")


glossa = json.loads(read(folder / "glossa-annotations.json"))
texts = {d["id"]: d.get("text") or read(ROOT / "assets" / "articles" / d["source"]) for d in glossa["documents"]}
names = {l["id"]: l["name"] for l in glossa["labels"]}
expected = {}
for d in glossa["documents"]:
    assert len(texts[d["id"]]) == d["length"], f"length of {d['id']}"
    for a in d["annotations"]:
        check("glossa-json", d["id"], a["start"], a["end"], a["quote"], texts[d["id"]])
        expected[(d["id"], a["start"], a["end"], names[a["label"]])] = a["quote"]
total = sum(len(d["annotations"]) for d in glossa["documents"])
# Links: (from id, to id, relation), as Glossa JSON writes them on the annotation that makes them.
where = {a["id"]: (d["id"], a) for d in glossa["documents"] for a in d["annotations"]}
links = {(a["id"], l["to"], l["relation"]) for d in glossa["documents"] for a in d["annotations"] for l in a.get("links", [])}
if not all(to in where for _, to, _ in links):
    failures.append("glossa-json: a link to an annotation the file does not hold")

def annotation_id(iri):
    """The id in an annotation's IRI: urn:uuid:ID, or urn:glossa:annotation:ID percent-encoded."""
    if iri.startswith("urn:glossa:annotation:"):
        return urllib.parse.unquote(iri.removeprefix("urn:glossa:annotation:"))
    return iri.removeprefix("urn:uuid:")


w3c = json.loads(read(folder / "glossa-annotations.jsonld"))
assert w3c["type"] == "AnnotationCollection" and w3c["total"] == total + len(links)
w3c_links = set()
for item in w3c["first"]["items"]:
    if item.get("motivation") == "linking":
        source, target = (annotation_id(t) for t in item["target"])
        w3c_links.add((source, target, item["body"]["value"]))
        continue
    doc = item["target"]["glossa:document"]
    quote, position = item["target"]["selector"]
    text = texts[doc]
    check("w3c", doc, position["start"], position["end"], quote["exact"], text)
    if not text[: position["start"]].endswith(quote.get("prefix", "")) or not text[position["end"]:].startswith(quote.get("suffix", "")):
        failures.append(f"w3c: prefix or suffix of {item['id']} do not surround it")

for line in read(folder / "glossa-doccano.jsonl").splitlines():
    record = json.loads(line)
    for start, end, label in record["label"]:
        check("doccano", record["id"], start, end, expected[(record["id"], start, end, label)], record["text"])

annotated = {d["id"]: len(d["annotations"]) for d in glossa["documents"]}
for task in json.loads(read(folder / "glossa-label-studio.json")):
    # A document without annotations is a task with none, which Label Studio leaves to do.
    if (annotated[task["data"]["document_id"]] == 0) != (task["annotations"] == []):
        failures.append(f"label-studio: the task of {task['data']['document_id']} has {task['annotations']!r}")
    for result in (r for annotation in task["annotations"] for r in annotation["result"]):
        value = result["value"]
        check("label-studio", task["data"]["document_id"], value["start"], value["end"], value["text"], task["data"]["text"])

# The labelling config: Label Studio's own tags, named as the tasks' results name them, a Label a
# label with its name, colour and (where it means something) hint.
config = ElementTree.fromstring(read(folder / "glossa-label-studio-config.xml"))
tag = config.find("Labels")
if config.tag != "View" or tag is None or (tag.get("name"), tag.get("toName")) != ("label", "text") or config.find("Text").get("name") != "text":
    failures.append("label-studio-config: not a View of Labels named label for a Text named text")
configured = [(l.get("value"), l.get("background"), l.get("hint")) for l in tag.findall("Label")] if tag is not None else []
def meaning(label):
    examples = "; ".join(f"“{e}”" for e in label.get("examples", []))
    said = " ".join(part for part in [label.get("definition", ""), f"For example: {examples}." if examples else ""] if part)
    return said or None
if configured != [(l["name"], l["color"], meaning(l)) for l in glossa["labels"]]:
    failures.append(f"label-studio-config: its labels {configured} are not Glossa's")
print(f"label-studio-config: {len(configured)} labels with their colours and meanings")

# doccano's label types, as its LabelType model takes them (doccano 1.8: a name of at most 100
# characters, a suffix key among 0-9 and a-z or none, no prefix key, #rrggbb colours), one per
# label, named as the examples' spans name them.
hex_colour = re.compile(r"^#[0-9a-fA-F]{6}$")
label_types = json.loads(read(folder / "glossa-doccano-labels.json"))
for kind in label_types:
    if not (0 < len(kind["text"]) <= 100) or kind["prefix_key"] is not None or kind["suffix_key"] not in [None, *"0123456789abcdefghijklmnopqrstuvwxyz"]:
        failures.append(f"doccano-labels: {kind!r} is not a doccano label type")
    if not hex_colour.match(kind["background_color"]) or kind["text_color"] not in ["#000000", "#ffffff"]:
        failures.append(f"doccano-labels: {kind!r} has a colour doccano does not take")
if [k["text"] for k in label_types] != [l["name"] for l in glossa["labels"]] or [k["background_color"] for k in label_types] != [l["color"] for l in glossa["labels"]]:
    failures.append(f"doccano-labels: {label_types!r} are not Glossa's labels")
doccano_names = {label for line in read(folder / "glossa-doccano.jsonl").splitlines() for _, _, label in json.loads(line)["label"]}
if not doccano_names <= {k["text"] for k in label_types}:
    failures.append(f"doccano-labels: the examples use {doccano_names - {k['text'] for k in label_types}}, which are not label types")
print(f"doccano-labels: {len(label_types)} label types, every example's label among them")

# spaCy's span categorizer labels, a JSON list as `spacy init labels` writes it, naming every
# label the spans use.
spacy_labels = json.loads(read(folder / "glossa-spacy-labels.json"))
spacy_names = {span["label"] for line in read(folder / "glossa-spacy.jsonl").splitlines() for span in json.loads(line)["spans"]}
if not all(isinstance(name, str) for name in spacy_labels) or spacy_labels != [l["name"] for l in glossa["labels"]] or not spacy_names <= set(spacy_labels):
    failures.append(f"spacy-labels: {spacy_labels!r} do not name the spans' labels {spacy_names!r}")
print(f"spacy-labels: {len(spacy_labels)} labels, every span's among them")

for line in read(folder / "glossa-spacy.jsonl").splitlines():
    record = json.loads(line)
    for span in record["spans"]:
        doc = record["meta"]["id"]
        check("spacy", doc, span["start"], span["end"], expected[(doc, span["start"], span["end"], span["label"])], record["text"])

with zipfile.ZipFile(folder / "glossa-brat.zip") as archive:
    assert archive.testzip() is None
    for name in archive.namelist():
        if not name.endswith(".ann"):
            continue
        doc = name[: -len(".ann")]
        text = archive.read(doc + ".txt").decode("utf-8")
        assert text == texts[doc], f"brat text of {doc}"
        lines = archive.read(name).decode("utf-8").splitlines()
        spans = {line.split("\t")[0] for line in lines if line.startswith("T")}
        # Who a span is attributed to travels in its AnnotatorNotes, brat having no field for it.
        notes = [line.split("\t")[2] for line in lines if line.startswith("#")]
        for a in next(d for d in glossa["documents"] if d["id"] == doc)["annotations"]:
            if a.get("attributed_to") and not any(n.startswith(f"Attributed to: {a['attributed_to']}") for n in notes):
                failures.append(f"brat: {doc} has no note of who {a['id']} is attributed to")
        for line in lines:
            if line.startswith("R"):
                kind, arg1, arg2 = line.split("\t")[1].split(" ")
                if arg1.removeprefix("Arg1:") not in spans or arg2.removeprefix("Arg2:") not in spans:
                    failures.append(f"brat: {doc} relation {line!r} names a missing span")
            if not line.startswith("T"):
                continue
            _, kind_and_offsets, quote = line.split("\t")
            fragments = [tuple(map(int, part.split())) for part in kind_and_offsets.split(" ", 1)[1].split(";")]
            checked["brat"] = checked.get("brat", 0) + 1
            if " ".join(text[s:e] for s, e in fragments) != quote:
                failures.append(f"brat: {doc} {line!r}")

def collapsed(text):
    """Each run of whitespace made one space, as the CSV's context columns have it."""
    return re.sub(r"\s+", " ", text)


documents = {d["id"]: d for d in glossa["documents"]}
by_id = {a["id"]: a for d in glossa["documents"] for a in d["annotations"]}


def check_csv(fmt, contents):
    for row in csv.DictReader(io.StringIO(contents, newline="")):
        if fmt == "csv-spreadsheets":
            # Cells a spreadsheet would run as formulas begin with an apostrophe there.
            row = {k: v[1:] if v[:2] in {"'" + c for c in "=+-@\t\r"} else v for k, v in row.items()}
        doc, start, end = row["document"], int(row["start"]), int(row["end"])
        check(fmt, doc, start, end, row["quote"], texts[doc])
        a, d, text = by_id.get(row["id"], {}), documents[doc], texts[doc]
        stands_alone = (
            (a.get("start"), a.get("end"), a.get("created_at"), a.get("updated_at")) == (start, end, row["created_at"], row["updated_at"])
            and row["title"] == d["title"]
            and row["text_sha256"] == d["text_sha256"]
            and row["before"] == collapsed(text[max(0, start - 40) : start])
            and row["after"] == collapsed(text[end : end + 40])
        )
        if not stands_alone:
            failures.append(f"{fmt}: the row of {row['id']} does not say its annotation's id, document, times or context")


check_csv("csv", read(folder / "glossa-annotations.csv"))
# The spreadsheet variant is UTF-8 with a byte order mark: Python's "utf-8-sig" is how it is read.
with open(folder / "glossa-annotations-spreadsheet.csv", encoding="utf-8-sig", newline="") as f:
    spreadsheet = f.read()
if spreadsheet == read(folder / "glossa-annotations-spreadsheet.csv"):
    failures.append("csv-spreadsheets: no byte order mark")
check_csv("csv-spreadsheets", spreadsheet)

csv_links = set()
for row in csv.DictReader(io.StringIO(read(folder / "glossa-links.csv"), newline="")):
    ends = []
    for end in ["from", "to"]:
        doc, start, stop = row[f"{end}_document"], int(row[f"{end}_start"]), int(row[f"{end}_end"])
        if texts[doc][start:stop] != row[f"{end}_quote"]:
            failures.append(f"links csv: {end} {doc} [{start}, {stop}) is not its quote")
        ends.append(next(i for i, (d, a) in where.items() if d == doc and (a["start"], a["end"]) == (start, stop)))
    csv_links.add((ends[0], ends[1], row["relation"]))
if w3c_links != links or csv_links != links:
    failures.append(f"links: Glossa JSON has {len(links)}, W3C {len(w3c_links)}, the links CSV {len(csv_links)}, or they differ")
print(f"links: {len(links)} links in Glossa JSON, W3C and the links CSV")

if len(sys.argv) > 2:
    decided = {tuple(span) for span in json.loads(read(sys.argv[2]))}
    if decided != set(expected):
        failures.append(f"decisions: the exports hold {sorted(set(expected) - decided)} beyond them and lack {sorted(decided - set(expected))}")
    print(f"decisions: the exports hold exactly the {len(decided)} spans decided")

for fmt in ["glossa-json", "w3c", "doccano", "label-studio", "spacy", "brat", "csv", "csv-spreadsheets"]:
    count = checked.get(fmt, 0)
    if count != total:
        failures.append(f"{fmt}: {count} annotations checked, {total} exported")
    print(f"{fmt}: {count} spans match their quotes")
for failure in failures:
    print("FAIL", failure)
print(f"{sum(checked.values()) - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
