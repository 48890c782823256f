#!/usr/bin/env python3
"""A webhook receiver on loopback for the alerts bench: logs each POST as one JSON line with the time it arrived.

Usage: receiver.py PORT LOG [--status CODE]
Each line: {"received": <unix seconds>, "delivery": <X-Vigil-Delivery>, "body": <the JSON posted>}.
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, log_path = int(sys.argv[1]), sys.argv[2]
status = int(sys.argv[sys.argv.index("--status") + 1]) if "--status" in sys.argv else 200


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        received = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps({"received": received, "delivery": self.headers.get("X-Vigil-Delivery"),
                                  "body": json.loads(body)}) + "\n")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
