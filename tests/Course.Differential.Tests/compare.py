#!/usr/bin/env python3
"""Compares executed copies of the same notebooks from the real .NET Interactive kernel and from `course run`.

usage: compare.py KERNEL_DIR ENGINE_DIR ALLOWED_TSV
KERNEL_DIR and ENGINE_DIR hold <group>/<notebook>.ipynb (group: source, notebooks, probes). For every code cell,
both sides must agree on: the status (ok or error); the error (runtime: exception type and message; compilation:
the compiler's diagnostics); the outputs in order (streams by name with their text, rich outputs by kind and MIME
types); the text of every MIME type, HTML with element ids normalised. Exit 0 when every difference is listed in
ALLOWED_TSV (notebook, cell, aspect, reason), 1 otherwise; an allowed entry that no longer matches is reported as
stale and also fails, so the list stays true. What is normalised, and why, is in README.md next to this file.
"""
import csv
import json
import os
import re
import sys

# The kernel's first output in a notebook: a script that lets its HTTP front end find the output cell. It is the
# kernel's plumbing, not a value a cell shows.
KERNEL_BOOTSTRAP = "dotnet-interactive-this-cell-"
# A compiler warning the kernel itself causes (its own assembly-version unification), printed on stderr.
KERNEL_WARNING = re.compile(r"^warning CS1701: .*$")
DIAGNOSTIC = re.compile(r"^\(\d+,\d+\): error CS\d+: .*$")
# Roslyn names script classes Submission#N; the kernel runs submissions of its own (its set-up) first, so N differs.
SUBMISSION_NUMBER = re.compile(r"Submission#\d+")
ENGINE_LINE_SUFFIX = re.compile(r" \(line \d+ of the cell\)$")
ELEMENT_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


def text(value):
    return value if isinstance(value, str) else "".join(value)


def normalise_html(html):
    html = SUBMISSION_NUMBER.sub("Submission#N", html.replace("\r\n", "\n"))
    ids = []
    for match in ELEMENT_ID.finditer(html):
        if match.group(1) not in ids:
            ids.append(match.group(1))
    for n, element_id in enumerate(sorted(ids, key=len, reverse=True)):
        html = html.replace(element_id, f"@id{ids.index(element_id)}@")
    return html


def summarise(cell, side):
    """The comparable view of one executed cell: status, error, outputs."""
    outputs, error, streams = [], None, []
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "stream":
            body = text(output["text"])
            if side == "kernel" and output["name"] == "stderr":
                lines = [l for l in body.split("\n") if l.strip()]
                if lines and all(KERNEL_WARNING.match(l.strip()) for l in lines):
                    continue
                if lines and all(DIAGNOSTIC.match(l.strip()) for l in lines):
                    error = ("compilation", tuple(l.strip() for l in lines))
                    continue
            if outputs and outputs[-1][0] == "stream:" + output["name"]:
                outputs[-1] = (outputs[-1][0], outputs[-1][1] + body)
            else:
                outputs.append(("stream:" + output["name"], body))
        elif kind == "error":
            if side == "kernel":
                if output["evalue"] == "compilation error":
                    error = error or ("compilation", ())
                else:
                    first = output["evalue"].split("\n", 1)[0]
                    type_name, _, message = first.partition(": ")
                    error = ("runtime", type_name, message)
            else:
                if output["ename"] == "CompilationError":
                    error = ("compilation", tuple(l.strip() for l in output["evalue"].split("\n") if l.strip()))
                else:
                    error = ("runtime", output["ename"], ENGINE_LINE_SUFFIX.sub("", output["evalue"]))
        else:
            data = output.get("data", {})
            if any(KERNEL_BOOTSTRAP in text(v) for v in data.values()):
                continue
            bundle = tuple(sorted((mime, normalise_html(text(v)) if mime == "text/html" else SUBMISSION_NUMBER.sub("Submission#N", text(v).replace("\r\n", "\n")))
                                  for mime, v in data.items()))
            outputs.append((kind, bundle))
    return {"status": "error" if error else "ok", "error": error, "outputs": outputs}


def describe(value, limit=300):
    value = json.dumps(value, ensure_ascii=False)
    return value if len(value) <= limit else value[:limit] + "..."


def first_difference(a, b):
    """The first differing output, to name in the report."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            if x[0] == y[0] and isinstance(x[1], tuple) and isinstance(y[1], tuple):
                for (mx, vx), (my, vy) in zip(x[1], y[1]):
                    if (mx, vx) != (my, vy):
                        at = next((k for k in range(min(len(vx), len(vy))) if vx[k] != vy[k]), min(len(vx), len(vy)))
                        return f"output {i + 1} {x[0]} {mx}/{my} from char {at}: kernel {describe(vx[at:at + 160])} engine {describe(vy[at:at + 160])}"
                return f"output {i + 1}: kernel MIME types {[m for m, _ in x[1]]}, engine {[m for m, _ in y[1]]}"
            return f"output {i + 1}: kernel {describe(x)} engine {describe(y)}"
    return f"kernel has {len(a)} outputs {describe([o[0] for o in a])}, engine {len(b)} {describe([o[0] for o in b])}"


def main(kernel_dir, engine_dir, allowed_path):
    allowed = {}
    with open(allowed_path, encoding="utf-8") as f:
        for row in csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t"):
            if len(row) != 4 or not row[3].strip():
                sys.exit(f"{allowed_path}: each line needs notebook, cell, aspect and a reason, tab-separated: {row}")
            allowed[(row[0], int(row[1]), row[2])] = row[3]
    used, failures, cells = set(), [], 0
    for group in sorted(os.listdir(kernel_dir)):
        for name in sorted(os.listdir(os.path.join(kernel_dir, group))):
            notebook = f"{group}/{name}"
            kernel = json.load(open(os.path.join(kernel_dir, group, name), encoding="utf-8"))
            engine_path = os.path.join(engine_dir, group, name)
            if not os.path.exists(engine_path):
                failures.append(f"{notebook}: no executed copy from the engine")
                continue
            engine = json.load(open(engine_path, encoding="utf-8"))
            pairs = [(k, e) for k, e in zip(kernel["cells"], engine["cells"]) if k["cell_type"] == "code"]
            for index, (k, e) in enumerate(pairs, start=1):
                cells += 1
                ks, es = summarise(k, "kernel"), summarise(e, "engine")
                for aspect in ("status", "error", "outputs"):
                    if ks[aspect] == es[aspect]:
                        continue
                    if aspect == "outputs" and ks["error"] and ks["error"] != es["error"]:
                        continue  # already reported as an error difference
                    key = (notebook, index, aspect)
                    detail = first_difference(ks[aspect], es[aspect]) if aspect == "outputs" else f"kernel {describe(ks[aspect])} engine {describe(es[aspect])}"
                    if key in allowed:
                        used.add(key)
                        print(f"allowed: {notebook} code cell {index} {aspect}: {allowed[key]}")
                    else:
                        failures.append(f"{notebook} code cell {index} {aspect}: {detail}")
    for key in sorted(set(allowed) - used):
        failures.append(f"stale allow-list entry (no such difference any more): {key[0]} code cell {key[1]} {key[2]}")
    for failure in failures:
        print("DIFFERENT: " + failure)
    print(f"differential: {cells} code cells compared, {len(used)} allowed differences, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: compare.py KERNEL_DIR ENGINE_DIR ALLOWED_TSV")
    sys.exit(main(*sys.argv[1:]))
