#!/usr/bin/env python3
"""Serve one feed file on 127.0.0.1 and read it with feedparser and (for XML feeds) newsboat.

Prints one JSON object: feedparserBozo, feedparserVersion, feedparserEntries, feedparserError,
newsboatArticles (null when newsboat is not installed or the feed is JSON), newsboatError.
"""
import functools, http.server, json, os, re, shutil, subprocess, sys, tempfile, threading

import feedparser

path = sys.argv[1]
ctype = "application/feed+json" if path.endswith(".json") else (
    "application/atom+xml" if b"http://www.w3.org/2005/Atom\"" in open(path, "rb").read(400) and b"<feed" in open(path, "rb").read(600)
    else "application/rss+xml")

class Handler(http.server.SimpleHTTPRequestHandler):
    def guess_type(self, _path):
        return ctype
    def log_message(self, *args):
        pass

folder = os.path.dirname(os.path.abspath(path))
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=folder))
threading.Thread(target=server.serve_forever, daemon=True).start()
url = "http://127.0.0.1:%d/%s" % (server.server_address[1], os.path.basename(path))

result = {"feedparserBozo": False, "feedparserVersion": "", "feedparserEntries": 0,
          "feedparserError": None, "newsboatArticles": None, "newsboatError": None}
if path.endswith(".json"):
    document = json.load(open(path, encoding="utf-8"))
    result["feedparserVersion"] = document.get("version", "")
    result["feedparserEntries"] = len(document.get("items", []))
else:
    parsed = feedparser.parse(url)
    result["feedparserBozo"] = bool(parsed.bozo)
    result["feedparserVersion"] = parsed.version or ""
    result["feedparserEntries"] = len(parsed.entries)
    if parsed.bozo:
        result["feedparserError"] = str(parsed.get("bozo_exception"))
    if shutil.which("newsboat"):
        home = tempfile.mkdtemp()
        try:
            with open(os.path.join(home, "urls"), "w") as urls:
                urls.write(url + "\n")
            open(os.path.join(home, "config"), "w").close()
            env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
            for key in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
                env.pop(key, None)
            run = subprocess.run(
                ["newsboat", "-u", os.path.join(home, "urls"), "-c", os.path.join(home, "cache.db"),
                 "-C", os.path.join(home, "config"), "-l", "4", "-d", os.path.join(home, "log"),
                 "-x", "reload", "print-unread"],
                cwd=home, env=env, capture_output=True, text=True, timeout=60)
            counts = re.findall(r"^(\d+) unread articles?$", run.stdout, re.M)
            result["newsboatArticles"] = int(counts[-1]) if counts else None
            errors = [l for l in open(os.path.join(home, "log"), errors="replace")
                      if re.search(r"(USERERROR|CRITICAL|ERROR):", l)] if os.path.exists(os.path.join(home, "log")) else []
            if run.returncode != 0 or errors:
                result["newsboatError"] = (errors[0].strip() if errors else "exit %d: %s" % (run.returncode, run.stderr.strip()))
        finally:
            shutil.rmtree(home, ignore_errors=True)
server.shutdown()
print(json.dumps(result))
