#!/usr/bin/env python3
"""The attacks of issue 15 that only a front holds off, sent as raw bytes through nginx to the bot.

Usage: nginx_front_attack.py NGINX_PORT BOT_PORT. Prints one line of figures per attack and exits 1
on the first that was not held off. Client addresses are spread over 127.0.0.0/8 (all loopback)."""
import socket
import sys
import threading
import time

NGINX, BOT = int(sys.argv[1]), int(sys.argv[2])
failures = []


def connect(port, source="127.0.0.1"):
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def exchange(port, data, source="127.0.0.1", patience=5.0):
    """Sends `data`, returns (everything answered, closed by the server)."""
    s = connect(port, source)
    s.settimeout(patience)
    try:
        s.sendall(data)
    except OSError:
        pass
    received, closed = b"", False
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                closed = True
                break
            received += chunk
    except (socket.timeout, ConnectionResetError):
        closed = closed or received != b""
    s.close()
    return received, closed


def check(name, ok, figures):
    print(("held  " if ok else "FAILED") + f"  {name}: {figures}", flush=True)
    if not ok:
        failures.append(name)


def probe(source="127.0.0.200"):
    start = time.monotonic()
    answer, _ = exchange(NGINX, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", source, 5.0)
    return answer.startswith(b"HTTP/1.1 200"), time.monotonic() - start


def slowloris(sources, per_source, seconds, opening=b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "):
    """Connections that send `opening` and then a byte a second, never finishing the request;
    returns how many there were, how many the front closed, and the probes answered meanwhile."""
    stop = threading.Event()
    closed = []

    def attacker(source):
        try:
            s = connect(NGINX, source)
            s.sendall(opening)
            s.settimeout(1.0)
            while not stop.is_set():
                s.sendall(b"a")
                try:
                    if s.recv(4096) == b"":
                        closed.append(source)
                        return
                except socket.timeout:
                    pass
        except OSError:
            closed.append(source)

    threads = [threading.Thread(target=attacker, args=(src,)) for src in sources for _ in range(per_source)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    probes = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        probes.append(probe())
        time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join()
    return len(threads), len(closed), probes


# 1. Slowloris from 40 addresses, 2 connections each: more than the bot's 32 workers, and no
#    per-address cap can tell them from 40 clients. nginx holds them on its event loop and closes
#    them at client_header_timeout; the bot never sees them.
n, closed, probes = slowloris([f"127.0.1.{i}" for i in range(1, 41)], 2, 4.0)
answered = sum(ok for ok, _ in probes)
check("slowloris, 80 connections from 40 addresses", answered == len(probes) and closed == n,
      f"{answered}/{len(probes)} probes answered (slowest {max(t for _, t in probes):.2f} s), "
      f"{closed}/{n} slow connections closed by nginx")

# 2. A header flood: 2 MB of header lines. nginx stops at its buffers (32 KiB) and answers 400.
flood = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + (b"X-Flood: " + b"a" * 30 + b"\r\n") * 50000 + b"\r\n"
answer, closed = exchange(NGINX, flood)
check("2 MB of headers", answer.split(b"\r\n")[0] in (b"HTTP/1.1 400 Bad Request", b"HTTP/1.1 431 Request Header Fields Too Large")
      and closed, answer.split(b"\r\n")[0].decode(errors="replace") + (", closed" if closed else ", left open"))

# 3. Ambiguous framing: each is refused by nginx before the bot sees it, and the connection closed.
smuggled = (b"POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 27\r\n\r\n{\"client_id\":\"smuggled-2\"}\n")
cases = {
    "Content-Length and Transfer-Encoding": b"POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"Content-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" % (5 + len(smuggled)) + smuggled,
    "two Content-Lengths": b"POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"Content-Length: 0\r\nContent-Length: %d\r\n\r\n" % len(smuggled) + smuggled,
    "space before the colon": b"POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    b"Transfer-Encoding : chunked\r\nContent-Length: %d\r\n\r\n" % len(smuggled) + smuggled,
}
for name, data in cases.items():
    answer, closed = exchange(NGINX, data)
    statuses = [line for line in answer.split(b"\r\n") if line.startswith(b"HTTP/1.1 ")]
    check(name, len(statuses) == 1 and statuses[0].startswith(b"HTTP/1.1 400") and closed,
          b", ".join(statuses).decode(errors="replace") + (", closed" if closed else ", left open"))
history, _ = exchange(NGINX, b"GET /api/history?client_id=smuggled-2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
check("nothing smuggled was stored", b'"sessions":[]' in history, history.split(b"\r\n")[0].decode())

# 4. Slow bodies from 40 addresses, a byte a second each: nginx reads bodies itself
#    (proxy_request_buffering), so the bot's workers never wait on them.
n, closed, probes = slowloris([f"127.0.2.{i}" for i in range(1, 41)], 1, 4.0,
                              b"POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              b"Content-Length: 1000\r\n\r\n{")
answered = sum(ok for ok, _ in probes)
check("slow bodies, 40 connections from 40 addresses", answered == len(probes),
      f"{answered}/{len(probes)} probes answered (slowest {max(t for _, t in probes):.2f} s), "
      f"{closed}/{n} closed by nginx within the test")

# 5. Still serving.
created, _ = exchange(NGINX, b"POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")
check("a real request afterwards", created.startswith(b"HTTP/1.1 201"), created.split(b"\r\n")[0].decode())

sys.exit(1 if failures else 0)
