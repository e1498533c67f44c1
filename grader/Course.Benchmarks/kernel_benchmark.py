#!/usr/bin/env python3
"""Kernel benchmark: prints figures, asserts nothing.

For each kernel named (a kernelspec on JUPYTER_PATH), with Jupyter's own client:
  start to first result  - from launching the kernel process to the execute_result of `1 + 1`
  per-cell overhead      - median round trip of a trivial cell (`1`), request to idle, over --repeat runs
  notebook               - every code cell of --notebook run in order (errors allowed), total and per cell

Usage: kernel_benchmark.py --jupyter-path DIR --kernel csharp-course [--kernel .net-csharp] --notebook notebooks/00-start-here.ipynb
"""
import argparse
import json
import os
import statistics
import time

parser = argparse.ArgumentParser()
parser.add_argument("--jupyter-path", action="append", default=[])
parser.add_argument("--kernel", action="append", required=True)
parser.add_argument("--notebook", required=True)
parser.add_argument("--repeat", type=int, default=20)
args = parser.parse_args()
if args.jupyter_path:
    os.environ["JUPYTER_PATH"] = os.pathsep.join(args.jupyter_path + [os.environ.get("JUPYTER_PATH", "")])

from jupyter_client.manager import KernelManager  # noqa: E402


def run(kc, code, timeout=300):
    msg_id = kc.execute(code)
    result = None
    error = None
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=deadline - time.time())
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        if msg["msg_type"] == "error":
            error = msg["content"]["ename"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return result, error
    raise TimeoutError(code)


with open(args.notebook, encoding="utf-8") as f:
    cells = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
             for c in json.load(f)["cells"] if c["cell_type"] == "code"]

rows = []
for name in args.kernel:
    km = KernelManager(kernel_name=name)
    started = time.perf_counter()
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(args.notebook)), stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"))
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=300)
    ready = time.perf_counter() - started
    value, _ = run(kc, "1 + 1")
    first = time.perf_counter() - started
    trips = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        run(kc, "1")
        trips.append(time.perf_counter() - t)
    # A fresh kernel for the notebook, so that its cells run as a learner's "Run All" would.
    km.restart_kernel(now=True)
    kc.wait_for_ready(timeout=300)
    t = time.perf_counter()
    errors = 0
    for code in cells:
        _, error = run(kc, code)
        errors += error is not None
    notebook = time.perf_counter() - t
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    rows.append((name, ready, first, value, statistics.median(trips), min(trips), notebook, len(cells), errors))

print(f"kernel benchmark: {os.path.basename(args.notebook)} ({len(cells)} code cells), trivial cell x{args.repeat}")
print(f"{'kernel':<16} {'ready s':>8} {'first result s':>15} {'cell overhead ms (median/min)':>30} {'notebook s':>11} {'per cell ms':>12} {'errors':>7}")
for name, ready, first, value, median, best, notebook, count, errors in rows:
    print(f"{name:<16} {ready:8.2f} {first:15.2f} {median * 1000:20.1f} / {best * 1000:6.1f} {notebook:11.2f} {notebook / max(count, 1) * 1000:12.0f} {errors:7d}")
