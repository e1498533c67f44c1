#!/usr/bin/env python3
"""Executes notebooks through the course kernel with Jupyter's own nbconvert (--execute --allow-errors) and
compares each code cell's outcome (error or not, and the kinds of outputs) with `course run`'s executed copy.

Usage: compare_notebooks.py --jupyter-path DIR --name KERNEL --course-run-out DIR --work DIR NOTEBOOK...
--course-run-out holds `course run --out` copies of the same notebooks (same file names).
Prints one JSON line: [{"notebook", "cells", "mismatches": [...], "seconds"}] and a summary line per notebook on stderr;
exit code 0 even on mismatches, unless --strict (then 1 when any cell differs).
"""
import argparse
import json
import os
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--jupyter-path", required=True)
parser.add_argument("--name", required=True)
parser.add_argument("--course-run-out", required=True)
parser.add_argument("--work", required=True)
parser.add_argument("--timeout", default="120")
parser.add_argument("--strict", action="store_true")
parser.add_argument("notebooks", nargs="+")
args = parser.parse_args()


def outcomes(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    result = []
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        kinds = []
        for output in cell.get("outputs", []):
            kind = output["output_type"]
            if kind == "stream":
                kind += ":" + output["name"]
            if not kinds or kinds[-1] != kind or not kind.startswith("stream"):
                kinds.append(kind)
        errors = [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
        result.append({"cell": index + 1, "error": bool(errors), "kinds": kinds,
                       "evalue": errors[0].get("evalue", "")[:200] if errors else ""})
    return result


env = dict(os.environ, JUPYTER_PATH=args.jupyter_path)
report = []
for notebook in args.notebooks:
    name = os.path.basename(notebook)
    out_dir = os.path.join(args.work, os.path.basename(os.path.dirname(os.path.abspath(notebook))))
    os.makedirs(out_dir, exist_ok=True)
    started = time.time()
    # Run from the notebook's folder, as Jupyter front ends do, so relative #r paths resolve the same way.
    proc = subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
         f"--ExecutePreprocessor.kernel_name={args.name}", f"--ExecutePreprocessor.timeout={args.timeout}",
         "--output-dir", out_dir, os.path.abspath(notebook)],
        cwd=os.path.dirname(os.path.abspath(notebook)), env=env, capture_output=True, text=True)
    seconds = time.time() - started
    entry = {"notebook": notebook, "seconds": round(seconds, 2), "mismatches": []}
    if proc.returncode != 0:
        entry["mismatches"].append({"nbconvert": proc.returncode, "stderr": proc.stderr[-1500:]})
        report.append(entry)
        continue
    kernel = outcomes(os.path.join(out_dir, name))
    course = outcomes(os.path.join(args.course_run_out, name))
    entry["cells"] = len(kernel)
    entry["errors"] = sum(1 for c in kernel if c["error"])
    if len(kernel) != len(course):
        entry["mismatches"].append({"cells": [len(kernel), len(course)]})
    for k, c in zip(kernel, course):
        if k["error"] != c["error"] or k["kinds"] != c["kinds"]:
            entry["mismatches"].append({"cell": k["cell"], "kernel": k, "course_run": c})
    report.append(entry)
print(json.dumps(report))
for entry in report:
    state = "same" if not entry["mismatches"] else f"{len(entry['mismatches'])} DIFFERENT"
    print(f"{entry['notebook']}: {entry.get('cells', '?')} code cells, {entry.get('errors', '?')} errors, {state} outcomes as course run, {entry['seconds']} s", file=sys.stderr)
    for mismatch in entry["mismatches"]:
        print(f"  {json.dumps(mismatch)[:600]}", file=sys.stderr)
sys.exit(1 if args.strict and any(entry["mismatches"] for entry in report) else 0)
