#!/usr/bin/env python3
"""The wasm's size by part: what each dependency's code and the data cost.

    scripts/size-profile.py NAMED.wasm [SHIPPED.wasm]

NAMED.wasm is cargo's build before wasm-bindgen and wasm-opt (with function names, which
twiggy reads); its code is bucketed by the crate each function comes from (a generic
function counts for the crate that defines it). The shares are then scaled to SHIPPED.wasm
(the wasm-opt -Oz build the visitor loads), whose code and data sections are measured raw and
gzip-compressed. Needs `twiggy` (cargo install twiggy).
"""
import csv, gzip, io, re, subprocess, sys
from collections import defaultdict

def sections(path):
    b = open(path, "rb").read()
    def leb(i):
        r = s = 0
        while True:
            x = b[i]; i += 1; r |= (x & 0x7F) << s; s += 7
            if x < 0x80: return r, i
    i, out = 8, {}
    while i < len(b):
        sid = b[i]; i += 1; n, i = leb(i)
        out.setdefault(sid, []).append(b[i:i + n]); i += n
    return out

BUCKETS = [
    ("engine: documents (templates)", r"^engine::documents|documents::"),
    ("engine: assess, search, wording, report, fragment", r"^engine::"),
    ("widget: components", r"messenger_check::components"),
    ("widget: bindings (JS API, takeover)", r"messenger_check::bindings|wasm_bindgen::convert|__wbg|__wbindgen"),
    ("widget: app, state, i18n, browser", r"messenger_check::"),
    ("yew (with gloo, slab, indexmap, implicit-clone)", r"^yew|<yew|yew::|gloo|slab|indexmap|implicit_clone|prokio"),
    ("serde, serde_json", r"serde"),
    ("wasm-bindgen, js-sys, web-sys", r"wasm_bindgen|js_sys|web_sys"),
    ("std: formatting", r"core::fmt|alloc::fmt|<.* as core::fmt"),
    ("std: allocation, collections, strings", r"alloc::|hashbrown|dlmalloc|core::str|<str|String"),
    ("std: other", r"^core::|^std::|<core::|<std::|<alloc::|^<&"),
]

def main():
    named = sys.argv[1]
    shipped = sys.argv[2] if len(sys.argv) > 2 else None
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", named],
                         check=True, capture_output=True, text=True).stdout
    sizes = defaultdict(int)
    code = 0
    for row in csv.DictReader(io.StringIO(out)):
        name, size = row["Name"], int(row["ShallowSize"])
        if name.startswith(("custom section", '"function names"', "\"function names\"")) or "subsection" in name:
            continue
        if name.startswith("data segment") or name.startswith("data["):
            sizes["data (catalog texts, tables)"] += size
            continue
        code += size
        for bucket, pat in BUCKETS:
            if re.search(pat, name):
                sizes[bucket] += size
                break
        else:
            sizes["other (entry points with code inlined, tables)"] += size
    total = sum(sizes.values())
    print(f"{'part':52} {'raw, named build':>18} {'share':>7}")
    for bucket, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{bucket:52} {size/1000:15.1f} KB {100*size/total:6.1f}%")
    if shipped:
        s = sections(shipped)
        c = b"".join(s.get(10, [])); d = b"".join(s.get(11, []))
        gz = lambda x: len(gzip.compress(x, 9))
        print(f"\nshipped {shipped}: code {len(c)/1000:.1f} KB raw / {gz(c)/1000:.1f} KB gzip, "
              f"data {len(d)/1000:.1f} KB raw / {gz(d)/1000:.1f} KB gzip")

main()
