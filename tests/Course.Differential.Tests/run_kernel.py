#!/usr/bin/env python3
"""Runs notebooks in the real .NET Interactive C# kernel and writes the executed copies.

usage: run_kernel.py OUT_DIR NOTEBOOK...   (writes OUT_DIR/<notebook folder name>/<notebook>; environment: DIFF_KERNEL_JOBS, default 2 kernels at a time)

The kernel is the dotnet-interactive tool pinned in the repository's .config/dotnet-tools.json (restored with
`dotnet tool restore`), started as a Jupyter kernel from a kernelspec written to a temporary JUPYTER_PATH, so
nothing is installed in the user's Jupyter folders. nbclient drives it (Debian's python3-nbclient), with errors
allowed, so every cell runs as in `course run`. Each notebook runs in a fresh kernel, from its own folder (so
`#r "../artifacts/..."` resolves as in a notebook front end). Prints one line per notebook with its time.
"""
import asyncio
import json
import os
import random
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient


def write_kernelspecs(root, count):
    """One kernelspec per concurrent kernel, each with its own HTTP port range: the kernel always opens an HTTP
    port, and two kernels started at once would both pick the first free port of a shared range and one fail."""
    base = random.randrange(20000, 60000 - 100 * count)
    names = []
    for slot in range(count):
        name = f"course-diff-dotnet-csharp-{slot}"
        spec_dir = os.path.join(root, "kernels", name)
        os.makedirs(spec_dir)
        low = base + 100 * slot
        spec = {
            # The local tool, run from the notebook's folder inside the repository (where the manifest is found).
            "argv": ["dotnet", "dotnet-interactive", "jupyter", "--default-kernel", "csharp", "{connection_file}",
                     "--http-local-only", "--http-port-range", f"{low}-{low + 99}"],
            "display_name": ".NET (C#) differential",
            "language": "C#",
        }
        with open(os.path.join(spec_dir, "kernel.json"), "w", encoding="utf-8") as f:
            json.dump(spec, f)
        names.append(name)
    return names


async def run_one(path, out_dir, slots):
    kernel_name = await slots.get()
    try:
        started = time.monotonic()
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=kernel_name, allow_errors=True, timeout=600, startup_timeout=240,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        await client.async_execute()
        group = os.path.basename(os.path.dirname(os.path.abspath(path)))
        os.makedirs(os.path.join(out_dir, group), exist_ok=True)
        nbformat.write(nb, os.path.join(out_dir, group, os.path.basename(path)))
        print(f"kernel: {os.path.basename(path)} in {time.monotonic() - started:.1f} s", flush=True)
    finally:
        slots.put_nowait(kernel_name)


async def main(out_dir, paths):
    os.makedirs(out_dir, exist_ok=True)
    jupyter_path = tempfile.mkdtemp(prefix="course-diff-jupyter-")
    os.environ["JUPYTER_PATH"] = jupyter_path + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    os.environ.setdefault("DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT", "1")
    os.environ.setdefault("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
    slots = asyncio.Queue()
    for name in write_kernelspecs(jupyter_path, max(1, int(os.environ.get("DIFF_KERNEL_JOBS", "2")))):
        slots.put_nowait(name)
    await asyncio.gather(*(run_one(p, out_dir, slots) for p in paths))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: run_kernel.py OUT_DIR NOTEBOOK...")
    asyncio.run(main(sys.argv[1], sys.argv[2:]))
