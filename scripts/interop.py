"""Loads Glossa's exports into the real tools that consume them and prints one table.

    python scripts/interop.py FOLDER LABEL_STUDIO_URL DOCCANO_URL

FOLDER holds the files of `cargo run --example interop_exports`; the two servers are running on
127.0.0.1 (`scripts/interop` installs and starts them, then runs this). The truth is the Glossa
JSON file: every span (document, start, end, label) and its quote, in code points. A tool passes
when what comes back out of it is exactly that truth, read the way its users read it.

Needs spaCy and pandas (the tools' own venv); talks to the servers with the standard library.
"""
import io
import json
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

folder, label_studio, doccano = Path(sys.argv[1]), sys.argv[2].rstrip("/"), sys.argv[3].rstrip("/")
LABEL_STUDIO_TOKEN = "glossa-interop-token"
DOCCANO_USER = ("interop", "glossa-interop")

glossa = json.loads((folder / "glossa-annotations.json").read_text(encoding="utf-8"))
names = {label["id"]: label["name"] for label in glossa["labels"]}
# The bundled articles are named, not held, by the file: their texts are the app's own.
articles = Path(__file__).resolve().parent.parent / "assets" / "articles"
texts = {d["id"]: d.get("text") or (articles / d["source"]).read_bytes().decode("utf-8") for d in glossa["documents"]}
truth = {
    (d["id"], a["start"], a["end"], names[a["label"]]): a["quote"]
    for d in glossa["documents"]
    for a in d["annotations"]
}
unannotated = {d["id"] for d in glossa["documents"] if not d["annotations"]}
rows = []


def row(tool, what, result, passed):
    rows.append((tool, what, result, "yes" if passed else "NO"))


def utf16_slice(text, start, end):
    """`text.slice(start, end)` as JavaScript (and doccano's editor) reads it."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le", errors="replace")


def to_code_points(text, utf16_offset):
    return len(text.encode("utf-16-le")[: 2 * utf16_offset].decode("utf-16-le"))


def compare(found):
    """`found` is {(document, start, end, label): quote as the tool shows it}, code points."""
    missing = set(truth) - set(found)
    extra = set(found) - set(truth)
    wrong = [key for key in set(found) & set(truth) if found[key] != truth[key]]
    problems = [f"{len(missing)} missing"] * bool(missing) + [f"{len(extra)} unexpected"] * bool(extra)
    problems += [f"{len(wrong)} with another text"] * bool(wrong)
    return ", ".join(problems), not (missing or extra or wrong)


def request(method, url, body=None, headers=None, raw=False):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json", **(headers or {})} if not isinstance(body, bytes) else headers
    with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=headers or {}), timeout=300) as r:
        answer = r.read()
    return answer if raw else json.loads(answer or b"null")


# spaCy: a blank multi-language pipeline, every span through Doc.char_span, a DocBin round trip.
def spacy_check():
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("xx")
    found, strict, expanded, kept = {}, 0, 0, []
    bin_ = DocBin(store_user_data=True)
    for line in (folder / "glossa-spacy.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        doc = nlp.make_doc(record["text"])
        spans = []
        for s in record["spans"]:
            found[(record["meta"]["id"], s["start"], s["end"], s["label"])] = doc.text[s["start"] : s["end"]]
            span = doc.char_span(s["start"], s["end"], label=s["label"])
            if span is None:
                # Off the tokenizer's boundaries (a CJK run is one token in `xx`): the user widens it.
                span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
                expanded += s["text"] in span.text
            else:
                strict += span.text == s["text"]
            spans.append(span)
        # "sc", the key spaCy's span categorizer reads by default (the README's recipe).
        doc.spans["sc"] = spans
        kept.append([(s.start_char, s.end_char, s.label_) for s in spans])
        bin_.add(doc)
    docs = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
    back = [[(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]] for d in docs]
    problems, same = compare(found)
    total = sum(map(len, kept))
    row("spaCy " + spacy.__version__, "text[start:end] of every span", problems or f"{len(found)} of {len(truth)} match", same)
    row("", "Doc.char_span on token boundaries", f"{strict} exact; {expanded} more inside a widened span (CJK)", strict + expanded == total)
    row("", "DocBin round trip (doc.spans)", f"{sum(map(len, back))} of {total} spans back unchanged", back == kept)
    # A span categorizer set up from the labels file, as `[initialize.components.spancat.labels]` does.
    from spacy.training import Example

    labels = json.loads((folder / "glossa-spacy-labels.json").read_text(encoding="utf-8"))
    spancat = nlp.add_pipe("spancat", config={"spans_key": "sc"})
    spancat.initialize(lambda: [Example(d, d) for d in docs], nlp=nlp, labels=labels)
    used = {label for spans in kept for _, _, label in spans}
    row("", "spancat initialised from glossa-spacy-labels.json", f"labels {list(spancat.labels)}", list(spancat.labels) == labels and used <= set(labels))


# pandas: both CSVs, read as a dataset builder would; the spreadsheet one with its byte order mark,
# and its formula guard (a leading apostrophe) taken off as a spreadsheet does.
def pandas_check():
    import pandas

    for name, encoding in [("glossa-annotations.csv", "utf-8"), ("glossa-annotations-spreadsheet.csv", "utf-8-sig")]:
        table = pandas.read_csv(folder / name, encoding=encoding, keep_default_na=False, dtype=str)
        found = {}
        for r in table.itertuples():
            quote = r.quote[1:] if encoding == "utf-8-sig" and r.quote[:2] in {"'=", "'+", "'-", "'@"} else r.quote
            found[(r.document, int(r.start), int(r.end), r.label)] = quote
            if texts[r.document][int(r.start) : int(r.end)] != quote:
                found[(r.document, int(r.start), int(r.end), r.label)] = None
        problems, same = compare(found)
        tool = f"pandas {pandas.__version__}" if encoding == "utf-8" else ""
        row(tool, f"read_csv {name}", problems or f"{len(table)} rows; each text[start:end] is its quote", same)


def wait_for(check, what, seconds=300):
    deadline = time.time() + seconds
    while time.time() < deadline:
        answer = check()
        if answer:
            return answer
        time.sleep(1)
    raise TimeoutError(what)


# Label Studio: a project whose labelling config holds Glossa's labels; import, export, compare.
def label_studio_check():
    auth = {"Authorization": f"Token {LABEL_STUDIO_TOKEN}"}
    version = request("GET", f"{label_studio}/api/version", headers=auth).get("release", "?")
    # The labelling config Glossa exports beside the tasks (with each label's meaning as its hint).
    config = (folder / "glossa-label-studio-config.xml").read_text(encoding="utf-8")
    for file, unit in [("glossa-label-studio.json", "code points"), ("glossa-label-studio.utf-16.json", "UTF-16 units")]:
        project = request("POST", f"{label_studio}/api/projects", {"title": f"Glossa, {unit}", "label_config": config}, auth)
        imported = request("POST", f"{label_studio}/api/projects/{project['id']}/import", (folder / file).read_bytes(), {**auth, "Content-Type": "application/json"})
        exported = request("GET", f"{label_studio}/api/projects/{project['id']}/export?exportType=JSON", headers=auth)
        found = {}
        for task in exported:
            document, text = task["data"]["document_id"], task["data"]["text"]
            for annotation in task["annotations"]:
                for result in annotation["result"]:
                    v = result["value"]
                    start, end = v["start"], v["end"]
                    if unit != "code points":
                        # As Label Studio's JavaScript front end reads them, then in Glossa's unit.
                        if utf16_slice(text, start, end) != v["text"]:
                            found[("utf-16 slice", document, start, end)] = ""
                        start, end = to_code_points(text, start), to_code_points(text, end)
                    found[(document, start, end, v["labels"][0])] = text[start:end]
        problems, same = compare(found)
        row(f"Label Studio {version}" if unit == "code points" else "", f"import, export ({unit})", problems or f"{len(found)} spans in {imported['task_count']} tasks back unchanged", same)
        if unit == "code points":
            listed = request("GET", f"{label_studio}/api/tasks?project={project['id']}&page_size=100", headers=auth)["tasks"]
            left = {task["data"]["document_id"] for task in listed if not task["is_labeled"]}
            row("", "tasks labelled (is_labeled)", f"{len(listed) - len(left)} of {len(listed)}; those without spans left to label", left == unannotated)


BOUNDARY = "glossa-interop-boundary"


def form(field, file):
    """A multipart form holding `file` of the folder as `field`."""
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file}\"\r\n"
            f"Content-Type: application/json\r\n\r\n").encode() + (folder / file).read_bytes() + f"\r\n--{BOUNDARY}--\r\n".encode()


# doccano: a sequence-labelling project allowing overlap, its label types from Glossa's file;
# import through its API, export, compare.
def doccano_check():
    key = request("POST", f"{doccano}/v1/auth/login/", {"username": DOCCANO_USER[0], "password": DOCCANO_USER[1]})["key"]
    auth = {"Authorization": f"Token {key}"}

    def finished(task_id):
        status = wait_for(lambda: (s := request("GET", f"{doccano}/v1/tasks/status/{task_id}", headers=auth))["ready"] and s, task_id)
        if status["error"]:
            raise RuntimeError(status["error"])
        return status["result"]

    for file, unit in [("glossa-doccano.jsonl", "code points"), ("glossa-doccano.utf-16.jsonl", "UTF-16 units")]:
        project = request("POST", f"{doccano}/v1/projects", {
            "name": f"Glossa, {unit}", "description": "Glossa's export", "guideline": "",
            "project_type": "SequenceLabeling", "resourcetype": "SequenceLabelingProject",
            "allow_overlapping": True, "grapheme_mode": False, "use_relation": False,
        }, auth)
        # The label types first, from the file Glossa exports beside the examples.
        types_file = "glossa-doccano-labels.json"
        request("POST", f"{doccano}/v1/projects/{project['id']}/span-type-upload", form("file", types_file), {**auth, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}, raw=True)
        upload_id = request("POST", f"{doccano}/v1/fp/process/", form("filepond", file), {**auth, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}, raw=True).decode()
        finished(request("POST", f"{doccano}/v1/projects/{project['id']}/upload", {
            "format": "JSONL", "task": "SequenceLabeling", "uploadIds": [upload_id],
            "column_data": "text", "column_label": "label", "encoding": "utf_8",
        }, auth)["task_id"])
        task_id = request("POST", f"{doccano}/v1/projects/{project['id']}/download", {"format": "JSONL", "exportApproved": False}, auth)["task_id"]
        finished(task_id)
        archive = zipfile.ZipFile(io.BytesIO(request("GET", f"{doccano}/v1/projects/{project['id']}/download?taskId={task_id}", headers=auth, raw=True)))
        found, lines, by_text = {}, 0, {text: document for document, text in texts.items()}
        for name in archive.namelist():
            for line in archive.read(name).decode("utf-8").splitlines():
                record, lines = json.loads(line), lines + 1
                text = record["text"]
                for start, end, label in record["label"]:
                    if unit != "code points":
                        start, end = to_code_points(text, start), to_code_points(text, end)
                    # doccano numbers examples its own way; the text says which document it is.
                    found[(by_text[text], start, end, label)] = text[start:end]
        problems, same = compare(found)
        row("doccano 1.8.4" if unit == "code points" else "", f"import, export ({unit})", problems or f"{len(found)} spans in {lines} examples back unchanged", same)
        if unit == "code points":
            # The import made no label type of its own: every span's label is one of the file's.
            types = request("GET", f"{doccano}/v1/projects/{project['id']}/span-types", headers=auth)
            have = [(t["text"], t["suffix_key"], t["background_color"], t["text_color"]) for t in types]
            want = [(t["text"], t["suffix_key"], t["background_color"], t["text_color"]) for t in json.loads((folder / types_file).read_text(encoding="utf-8"))]
            row("", "label types from glossa-doccano-labels.json", f"{len(have)} types after the import: {', '.join(t[0] for t in have)}", sorted(have) == sorted(want))


for check in [spacy_check, pandas_check, label_studio_check, doccano_check]:
    try:
        check()
    except Exception as error:  # a tool that fails is a row that says so, and the others still run
        row(check.__name__.removesuffix("_check"), "could not be checked", f"{type(error).__name__}: {error}"[:120], False)

widths = [max(len(r[i]) for r in rows + [("tool", "what", "result", "ok")]) for i in range(4)]
for r in [("tool", "what", "result", "ok"), tuple("-" * w for w in widths)] + rows:
    print("| " + " | ".join(cell.ljust(w) for cell, w in zip(r, widths)) + " |")
sys.exit(0 if all(r[3] == "yes" for r in rows) else 1)
