#!/usr/bin/env python3
"""Drives the course kernel with Jupyter's own client (jupyter_client) through every message type the
kernel supports, and prints one JSON line: a list of verdicts {"check", "ok", "detail"}.

Usage: kernel_protocol.py --jupyter-path DIR --name KERNEL_NAME --log FILE
DIR is a Jupyter data folder holding kernels/KERNEL_NAME/kernel.json (written by `course kernel install --prefix`).
"""
import argparse
import json
import re
import os
import queue
import signal
import sys
import time


def value(data):
    """A value's text: its text/plain, or the text inside the kernel formatter's <pre> HTML (values are HTML by default)."""
    import html as _html
    if "text/plain" in data:
        return data["text/plain"]
    found = re.search(r"<pre>(.*?)</pre>", data.get("text/html", ""), re.S)
    return _html.unescape(found.group(1)) if found else data.get("text/html", "")

parser = argparse.ArgumentParser()
parser.add_argument("--jupyter-path", required=True)
parser.add_argument("--name", required=True)
parser.add_argument("--log", required=True)
args = parser.parse_args()
os.environ["JUPYTER_PATH"] = args.jupyter_path

import zmq  # noqa: E402  (after JUPYTER_PATH is set)
from jupyter_client import BlockingKernelClient  # noqa: E402
from jupyter_client.manager import KernelManager  # noqa: E402

verdicts = []


def check(name, ok, detail=""):
    verdicts.append({"check": name, "ok": bool(ok), "detail": str(detail)[:2000]})


def run(kc, code, timeout=60, **kwargs):
    """Executes code; returns (reply content, [(msg_type, content)] of IOPub messages for it, in order)."""
    msg_id = kc.execute(code, **kwargs)
    published = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        published.append((msg["msg_type"], msg["content"]))
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = shell_reply(kc, msg_id, deadline)
    return reply, published


def shell_reply(kc, msg_id, deadline):
    while time.time() < deadline:
        msg = kc.get_shell_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]
    raise TimeoutError("no shell reply")


def of(published, msg_type):
    return [c for t, c in published if t == msg_type]


def guarded(name, action):
    try:
        action()
    except Exception as ex:  # a check that crashed is a failed check, with the reason
        check(name, False, f"{type(ex).__name__}: {ex}")


km = KernelManager(kernel_name=args.name)
log = open(args.log, "w")
started = time.time()
km.start_kernel(stderr=log, stdout=log)
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=120)
check("start", True, f"ready in {time.time() - started:.2f} s")


def kernel_info():
    msg_id = kc.kernel_info()
    reply = shell_reply(kc, msg_id, time.time() + 30)
    info = reply.get("language_info", {})
    check("kernel_info", reply["status"] == "ok" and reply["protocol_version"] == "5.3" and info.get("name") == "C#"
          and info.get("file_extension") == ".cs", reply)


def heartbeat():
    info = km.get_connection_info()
    socket = zmq.Context.instance().socket(zmq.REQ)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(f"tcp://{info['ip']}:{info['hb_port']}")
    socket.send(b"ping-42")
    ok = socket.poll(5000)
    echoed = socket.recv() if ok else None
    socket.close()
    check("heartbeat", echoed == b"ping-42", echoed)


def execute_result():
    reply, pub = run(kc, "var x = 6 * 7;\nx")
    types = [t for t, _ in pub]
    results = of(pub, "execute_result")
    inputs = of(pub, "execute_input")
    check("execute: status busy/idle, execute_input, execute_result",
          types[0] == "status" and pub[0][1]["execution_state"] == "busy" and types[-1] == "status"
          and inputs and inputs[0]["code"] == "var x = 6 * 7;\nx" and inputs[0]["execution_count"] == 1
          and results and value(results[0]["data"]) == "42" and results[0]["execution_count"] == 1
          and reply["status"] == "ok" and reply["execution_count"] == 1, (reply, pub))


def stream():
    reply, pub = run(kc, 'Console.WriteLine("hello from C#");\nConsole.Error.WriteLine("to stderr");')
    out = "".join(c["text"] for c in of(pub, "stream") if c["name"] == "stdout")
    err = "".join(c["text"] for c in of(pub, "stream") if c["name"] == "stderr")
    check("stream stdout and stderr", out == "hello from C#\n" and err == "to stderr\n" and reply["status"] == "ok", pub)


def display_and_update():
    reply, pub = run(kc, 'var shown = display("first");\nshown.Update("second");\ndisplay(HTML("<b>bold</b>"));')
    displays = of(pub, "display_data")
    updates = of(pub, "update_display_data")
    ok = (len(displays) == 2 and value(displays[0]["data"]) == "first"
          and displays[0]["transient"]["display_id"]
          and len(updates) == 1 and value(updates[0]["data"]) == "second"
          and updates[0]["transient"]["display_id"] == displays[0]["transient"]["display_id"]
          and displays[1]["data"].get("text/html") == "<b>bold</b>" and reply["status"] == "ok")
    check("display_data and update_display_data", ok, pub)


def errors():
    reply, pub = run(kc, 'throw new InvalidOperationException("boom");')
    err = of(pub, "error")
    check("error: runtime exception", reply["status"] == "error" and "InvalidOperationException" in reply["ename"]
          and err and "boom" in err[0]["evalue"] and isinstance(err[0]["traceback"], list), (reply, pub))
    reply, pub = run(kc, 'int y = "text";')
    err = of(pub, "error")
    check("error: compile error", reply["status"] == "error" and err and "CS0029" in err[0]["evalue"], (reply, pub))


def counts_silent_history():
    reply, pub = run(kc, "x + 1")
    n = reply["execution_count"]
    check("execution counts go up by one per stored cell (errors included)", n == 6, reply)
    reply, pub = run(kc, "x + 2", silent=True)
    check("silent: no execute_input, no outputs, count unchanged",
          reply["status"] == "ok" and not of(pub, "execute_input") and not of(pub, "execute_result") and reply["execution_count"] == n,
          (reply, pub))
    reply, pub = run(kc, "x + 3", store_history=False)
    results = of(pub, "execute_result")
    check("store_history=false: runs and shows, count unchanged",
          reply["execution_count"] == n and results and value(results[0]["data"]) == "45", (reply, pub))
    reply, pub = run(kc, "x * 2")
    check("state is shared between cells; count resumes", reply["execution_count"] == n + 1
          and value(of(pub, "execute_result")[0]["data"]) == "84", (reply, pub))


def polyglot_cell():
    reply, pub = run(kc, "#!csharp\nvar polyglot = \"ok\";\npolyglot")
    results = of(pub, "execute_result")
    check("a Polyglot cell (#!csharp first line) runs", reply["status"] == "ok" and results and value(results[0]["data"]) == "ok", (reply, pub))


def is_complete():
    replies = {}
    for code in ["for (int i = 0; i < 3; i++) {", "x * 2", 'var s = "open'] :
        msg_id = kc.is_complete(code)
        replies[code] = shell_reply(kc, msg_id, time.time() + 30)
    check("is_complete", replies["for (int i = 0; i < 3; i++) {"]["status"] == "incomplete"
          and replies["x * 2"]["status"] == "complete", replies)


def complete():
    run(kc, "var longVariableName = 1;")
    code = "Math.Ab"
    msg_id = kc.complete(code, len(code))
    reply = shell_reply(kc, msg_id, time.time() + 60)
    check("complete: members of a type", reply["status"] == "ok" and "Abs" in reply["matches"]
          and reply["cursor_start"] == 5 and reply["cursor_end"] == 7, reply)
    code = "var n = longVar"
    msg_id = kc.complete(code, len(code))
    reply = shell_reply(kc, msg_id, time.time() + 60)
    check("complete: a variable from an earlier cell", "longVariableName" in reply["matches"] and reply["cursor_start"] == 8, reply)
    code = "x.CompareT"
    msg_id = kc.complete(code, len(code))
    reply = shell_reply(kc, msg_id, time.time() + 60)
    check("complete: members of an instance", reply["matches"][:1] == ["CompareTo"], reply)


def inspect():
    code = "Math.Abs(-3)"
    msg_id = kc.inspect(code, 6)
    reply = shell_reply(kc, msg_id, time.time() + 60)
    text = value(reply.get("data", {}))
    check("inspect: quick info at the cursor", reply["status"] == "ok" and reply["found"] and "Math.Abs(" in text, reply)
    msg_id = kc.inspect("   ", 1)
    reply = shell_reply(kc, msg_id, time.time() + 60)
    check("inspect: nothing there", reply["status"] == "ok" and not reply["found"], reply)


def comm_info():
    msg_id = kc.comm_info()
    reply = shell_reply(kc, msg_id, time.time() + 30)
    check("comm_info", reply["status"] == "ok" and reply["comms"] == {}, reply)


def bad_signature():
    info = km.get_connection_info(session=False)
    info["key"] = b"not-the-key"
    bad = BlockingKernelClient()
    bad.load_connection_info(info)
    bad.start_channels()
    msg_id = bad.kernel_info()
    try:
        got = bad.get_shell_msg(timeout=3)
        check("bad signature: ignored (no reply)", False, got)
    except queue.Empty:
        check("bad signature: ignored (no reply)", True)
    bad.execute("x = 0;")
    bad.stop_channels()
    reply, pub = run(kc, "x")
    check("bad signature: the forged execute changed nothing", value(of(pub, "execute_result")[0]["data"]) == "42", (reply, pub))


def interrupt_message():
    msg_id = kc.execute("long spins = 0;\nwhile (true)\n{\n    spins++;\n}")
    time.sleep(1.5)
    km.interrupt_kernel()  # interrupt_mode "message": interrupt_request on the control channel
    reply = shell_reply(kc, msg_id, time.time() + 30)
    check("interrupt_request stops an endless loop with an error", reply["status"] == "error" and "Interrupted" in reply["ename"], reply)
    reply, pub = run(kc, "spins > 0 && x == 42")
    results = of(pub, "execute_result")
    check("after an interrupt the kernel lives on with its state", results and value(results[0]["data"]) == "True", (reply, pub))


def interrupt_signal():
    msg_id = kc.execute("for (var i = 0; ; i++) { }")
    time.sleep(1.5)
    km.signal_kernel(signal.SIGINT)
    reply = shell_reply(kc, msg_id, time.time() + 30)
    check("SIGINT stops an endless loop with an error", reply["status"] == "error" and "Interrupted" in reply["ename"], reply)


def interrupt_blocked():
    msg_id = kc.execute("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);")
    time.sleep(1.0)
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, time.time() + 30)
    check("interrupt of a blocked cell (no loop): error after the grace period", reply["status"] == "error", reply)
    reply, pub = run(kc, "1 + 1")
    check("after abandoning a blocked cell the kernel runs cells again",
          reply["status"] == "ok" and value(of(pub, "execute_result")[0]["data"]) == "2", (reply, pub))


def shutdown_restart():
    km.restart_kernel(now=False)  # shutdown_request(restart=True) on control, then a fresh process
    kc.wait_for_ready(timeout=120)
    reply, pub = run(kc, "x")
    check("restart: a fresh kernel (earlier state gone, count from 1)", reply["status"] == "error" and reply["execution_count"] == 1, reply)
    msg_id = kc.shutdown(restart=False)
    deadline = time.time() + 30
    got = None
    while time.time() < deadline and got is None:
        msg = kc.get_control_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id:
            got = msg
    for _ in range(100):
        if not km.is_alive():
            break
        time.sleep(0.1)
    check("shutdown_reply, then the process exits", got and got["msg_type"] == "shutdown_reply" and got["content"]["status"] == "ok"
          and not km.is_alive(), got)


for name, action in [("kernel_info", kernel_info), ("heartbeat", heartbeat), ("execute", execute_result), ("stream", stream),
                     ("display", display_and_update), ("errors", errors), ("counts", counts_silent_history),
                     ("polyglot", polyglot_cell), ("is_complete", is_complete), ("complete", complete), ("inspect", inspect),
                     ("comm_info", comm_info), ("bad signature", bad_signature), ("interrupt", interrupt_message),
                     ("sigint", interrupt_signal), ("blocked", interrupt_blocked), ("shutdown", shutdown_restart)]:
    guarded(name, action)

kc.stop_channels()
if km.is_alive():
    km.shutdown_kernel(now=True)
log.close()
with open(args.log) as f:
    text = f.read()
check("bad signature: a line on the kernel's stderr", "bad signature" in text, text[-500:])
print(json.dumps(verdicts))
