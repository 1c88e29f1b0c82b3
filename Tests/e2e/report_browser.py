#!/usr/bin/env python3
"""Renders a bundle's report.html in headless Chromium at 1280x800 and checks its layout.

Usage: report_browser.py CHROMIUM REPORT_HTML SCREENSHOT_PNG   (the first screen, saved at 960x600)

Drives Chromium over the DevTools protocol (a WebSocket on 127.0.0.1, spoken with the standard
library only). The page itself runs no script (its CSP forbids it); DevTools evaluates the
checks from outside. Prints one line per check and exits 1 when any fails.
"""
import base64
import http.client
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

WIDTH, HEIGHT = 1280, 800


class DevTools:
    """A minimal DevTools client: one WebSocket, commands by id, events queued."""

    def __init__(self, port, path):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise RuntimeError("DevTools closed the connection during the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError("WebSocket handshake refused: " + head.decode(errors="replace"))
        self.next_id = 0
        self.events = []

    def _read_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise RuntimeError("DevTools connection closed")
            data += chunk
        return data

    def _send(self, text):
        payload = text.encode()
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 1 << 16:
            header.append(0x80 | 126)
            header += struct.pack(">H", len(payload))
        else:
            header.append(0x80 | 127)
            header += struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        self.sock.sendall(bytes(header) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _receive(self):
        message = b""
        while True:
            b0, b1 = self._read_exact(2)
            length = b1 & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read_exact(8))[0]
            mask = self._read_exact(4) if b1 & 0x80 else None
            payload = self._read_exact(length)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise RuntimeError("DevTools closed the WebSocket")
            if opcode in (0x9, 0xA):
                continue  # ping/pong
            message += payload
            if b0 & 0x80:
                return json.loads(message)

    def call(self, method, **params):
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._receive())
        raise RuntimeError(f"no {method} within {timeout}s")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")


def main():
    chromium, report, screenshot = sys.argv[1:4]
    profile = tempfile.mkdtemp(prefix="investigate-chromium-")
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
         f"--window-size={WIDTH},{HEIGHT}", "--remote-debugging-port=0", f"--user-data-dir={profile}",
         "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    failures = 0
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
            if time.time() > deadline or browser.poll() is not None:
                raise RuntimeError("Chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(open(port_file).read().split("\n")[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/json/list")
        pages = [t for t in json.loads(conn.getresponse().read()) if t.get("type") == "page"]
        path = "/" + pages[0]["webSocketDebuggerUrl"].split("/", 3)[3]
        tools = DevTools(port, path)
        tools.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT, deviceScaleFactor=1, mobile=False)
        tools.call("Page.enable")
        tools.call("Page.navigate", url="file://" + os.path.abspath(report))
        tools.wait_event("Page.loadEventFired")

        def check(name, ok, detail=""):
            nonlocal failures
            print(("ok   " if ok else "FAIL ") + name + (f" ({detail})" if detail else ""))
            failures += 0 if ok else 1

        layout = tools.evaluate("""(() => {
            const summary = document.getElementById('summary');
            const firstCluster = document.querySelector('section.cluster, #other-clusters');
            const sections = [...document.querySelectorAll('body > section')].map(s => s.id || s.className);
            return {
                scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
                summaryBottom: summary ? summary.getBoundingClientRect().bottom : null,
                summaryFirst: !!summary && sections[0] === 'summary',
                clusterAfterSummary: !!(summary && firstCluster &&
                    (summary.compareDocumentPosition(firstCluster) & Node.DOCUMENT_POSITION_FOLLOWING)),
                scripts: document.scripts.length,
                csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || '',
                sections: sections,
                wideElements: [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                    .slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '')),
            };
        })()""")
        check("no horizontal overflow at 1280x800", layout["scrollWidth"] <= layout["innerWidth"],
              f"scrollWidth {layout['scrollWidth']} innerWidth {layout['innerWidth']}; wide: {layout['wideElements']}")
        check("summary fits the first screen", layout["summaryBottom"] is not None and layout["summaryBottom"] <= HEIGHT,
              f"summary bottom {layout['summaryBottom']}")
        check("summary is the first section, before any cluster section",
              layout["summaryFirst"] and layout["clusterAfterSummary"], f"sections {layout['sections'][:4]}")
        check("the page has no script", layout["scripts"] == 0, f"{layout['scripts']} scripts")
        check("a strict CSP is in force", "default-src 'none'" in layout["csp"] and "script" not in layout["csp"],
              layout["csp"])
        shot = base64.b64decode(tools.call("Page.captureScreenshot", format="png")["data"])
        width, height = struct.unpack(">II", shot[16:24])
        check("screenshot is 1280x800", (width, height) == (WIDTH, HEIGHT), f"{width}x{height}")
        # The kept copy (docs/report.png) is the same first screen at 3/4 size, to stay small.
        small = tools.call("Page.captureScreenshot", format="png",
                           clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT, "scale": 0.75})
        with open(screenshot, "wb") as out:
            out.write(base64.b64decode(small["data"]))
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profile, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
