"""A built site on 127.0.0.1, served as a static host such as GitHub Pages serves it.

Text (HTML, CSS, JavaScript, JSON, SVG) goes out gzip-compressed to a browser that
accepts it, with a short cache lifetime: Lighthouse then measures what a phone
downloads from the published site, not a development server's uncompressed bytes.
"""
from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

HOST = "127.0.0.1"
INPAKKEN = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class StatischeSite(http.server.BaseHTTPRequestHandler):
    map: Path  # set per server by `serveer`

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        pad = self._bestand()
        status = 200
        if pad is None:
            pad, status = self.map / "404.html", 404
        inhoud = pad.read_bytes()
        soort = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", soort + ("; charset=utf-8" if soort.startswith("text/") else ""))
        self.send_header("Cache-Control", "max-age=600")
        if soort.startswith(INPAKKEN) and "gzip" in self.headers.get("Accept-Encoding", ""):
            inhoud = gzip.compress(inhoud, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        self.wfile.write(inhoud)

    def _bestand(self) -> Path | None:
        pad = unquote(urlsplit(self.path).path).lstrip("/")
        doel = (self.map / pad).resolve()
        if not doel.is_relative_to(self.map.resolve()):
            return None
        if doel.is_dir():
            doel = doel / "index.html"
        return doel if doel.is_file() else None

    def log_message(self, *args):  # quiet: the benchmark prints its own report
        pass


@contextmanager
def serveer(map: Path):
    """Serve `map` at http://127.0.0.1:<free port>/ while the block runs; yields the address."""
    handler = type("Site", (StatischeSite,), {"map": Path(map)})
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        draad.join(timeout=5)
