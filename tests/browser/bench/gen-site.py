#!/usr/bin/env python3
"""A throwaway site for measuring search: N initiatives (default 3000) with texts in Hebrew,
Arabic and English of a few hundred words each, drawn from the example site's own words so
that the vocabulary and word lengths are realistic. Not a test fixture; see bench/README.md.

    python3 tests/browser/bench/gen-site.py OUT_DIR [N]
"""
import os
import random
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rng = random.Random(5)

vocab = {}
for lang in ("he", "ar", "en"):
    words = []
    for root, _, files in os.walk(os.path.join(REPO, "content")):
        if f"{lang}.md" in files:
            with open(os.path.join(root, f"{lang}.md"), encoding="utf-8") as f:
                words += re.findall(r"[^\W\d_][\w\u0591-\u05C7\u064B-\u065F'״׳-]*", f.read())
    vocab[lang] = [w.replace("'", "’") for w in words if not w.isascii() or lang == "en"]

def sentence(lang, k):
    return " ".join(rng.choice(vocab[lang]) for _ in range(k)) + "."

def text(lang, i):
    title = " ".join(rng.choice(vocab[lang]) for _ in range(rng.randint(2, 4)))
    summary = sentence(lang, rng.randint(12, 20))
    paras = []
    for _ in range(rng.randint(4, 7)):
        paras.append(" ".join(sentence(lang, rng.randint(8, 16)) for _ in range(rng.randint(3, 5))))
    return f"---\ntitle: '{title} {i}'\nsummary: '{summary}'\n---\n" + "\n\n".join(paras) + "\n"

os.makedirs(os.path.join(out, "content", "initiatives"), exist_ok=True)
with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as f:
    f.write("base_url: https://example.org/kb/\nlanguages: [he, ar, en]\n"
            "title:\n  he: מדידה\n  ar: قياس\n  en: Measure\n"
            "accessibility:\n  reviewed: 2026-01-01\n  coordinator:\n    name: Test\n    email: a@example.org\n")
for i in range(n):
    d = os.path.join(out, "content", "initiatives", f"i-{i:04d}")
    os.makedirs(d, exist_ok=True)
    for lang in ("he", "ar", "en"):
        with open(os.path.join(d, f"{lang}.md"), "w", encoding="utf-8") as f:
            f.write(text(lang, i))
# One known entry to look for.
d = os.path.join(out, "content", "initiatives", "municipal-mobility")
os.makedirs(d, exist_ok=True)
for lang in ("he", "ar", "en"):
    with open(os.path.join(REPO, "content", "initiatives", "municipal-mobility", f"{lang}.md"), encoding="utf-8") as src:
        with open(os.path.join(d, f"{lang}.md"), "w", encoding="utf-8") as dst:
            dst.write(src.read())
print(f"{n} initiatives in {out}")
