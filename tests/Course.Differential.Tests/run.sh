#!/usr/bin/env bash
# The differential test: every notebook in source/ and notebooks/, and the probe notebooks in Probes/, run in the
# real .NET Interactive kernel (the dotnet-interactive tool pinned in .config/dotnet-tools.json, as a Jupyter kernel
# driven by nbclient) and in the course engine (`course run`); compare.py then requires the same status, errors,
# outputs, MIME types and HTML per cell, except the differences listed in allowed-differences.tsv.
# Needs: a built solution (artifacts/course-lib and grader/Course.Cli), /usr/bin/python3 with nbclient.
# usage: tests/Course.Differential.Tests/run.sh [OUT_DIR]   (keeps the executed copies in OUT_DIR)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
out="${1:-$(mktemp -d)}"
rm -rf "$out/kernel" "$out/engine"
mkdir -p "$out/kernel" "$out/engine"
start=$SECONDS

dotnet tool restore >/dev/null
# The real kernel: all notebooks from one Python process, two kernels at a time.
# The kernel logs its web host on stdout: kept in kernel.log, shown only if the run fails.
if ! /usr/bin/python3 "$here/run_kernel.py" "$out/kernel" source/*.ipynb notebooks/*.ipynb "$here"/Probes/*.ipynb >"$out/kernel.log" 2>&1; then
  grep -v '^info:\|^      ' "$out/kernel.log" | tail -40
  echo "differential: the real kernel failed to run the notebooks (log: $out/kernel.log)"
  exit 1
fi
grep '^kernel:' "$out/kernel.log"
kernel_done=$SECONDS

# The course engine. Released notebooks and the error probes have failing cells by design: the exit code says so,
# and compare.py checks every cell's status against the kernel's instead.
for folder in source notebooks "$here/Probes"; do
  dotnet run --no-build --project grader/Course.Cli -- run "$folder" --out "$out/engine/$(basename "$folder")" >"$out/engine-$(basename "$folder").log" 2>&1 || true
done
engine_done=$SECONDS

/usr/bin/python3 "$here/compare.py" "$out/kernel" "$out/engine" "$here/allowed-differences.tsv"
echo "differential: real kernel $((kernel_done - start)) s, engine $((engine_done - kernel_done)) s, total $((SECONDS - start)) s"
