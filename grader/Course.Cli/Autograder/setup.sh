#!/usr/bin/env bash
# setup.sh: Gradescope runs this once, as root, while it builds the autograder's image (Ubuntu).
# The bundle already holds the course grader, built framework-dependent (grader/course.dll and the
# worker), so the image needs only the .NET 10 runtime, plus bubblewrap for the grader's own sandbox.
# Nothing here is downloaded at grading time: run_autograder works offline once the image is built.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ROOT="${AUTOGRADER_ROOT:-/autograder}"
GRADER="$ROOT/source/course/grader/course.dll"

has_runtime() {
  command -v dotnet >/dev/null 2>&1 && dotnet --list-runtimes 2>/dev/null | grep -q '^Microsoft\.NETCore\.App 10\.'
}

# 1. The .NET 10 runtime: Ubuntu's own package first, then Microsoft's install script.
if ! has_runtime; then
  apt-get update || true
  if ! apt-get install -y --no-install-recommends dotnet-runtime-10.0 && ! apt-get install -y --no-install-recommends dotnet-sdk-10.0; then
    echo "setup.sh: no dotnet-runtime-10.0 package on this image; using Microsoft's dotnet-install script"
    apt-get install -y --no-install-recommends curl ca-certificates
    curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
    bash /tmp/dotnet-install.sh --channel 10.0 --runtime dotnet --install-dir /usr/share/dotnet
    ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
  fi
fi
has_runtime || { echo "setup.sh: the .NET 10 runtime is still missing" >&2; exit 1; }

# 2. bubblewrap, when the image's package sources have it. Whether it can work inside Gradescope's
#    container (it needs user namespaces) is decided per submission by run_autograder's probe.
apt-get install -y --no-install-recommends bubblewrap || echo "setup.sh: bubblewrap is not installable here; run_autograder will grade with the container as the isolation"

# 3. Fail the image build now, not on the first student, if the bundled grader does not start.
dotnet "$GRADER" grade --help >/dev/null
echo "setup.sh: the course grader is ready ($(dotnet --list-runtimes | grep '^Microsoft\.NETCore\.App 10\.' | head -n 1))"
