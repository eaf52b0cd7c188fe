#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the repository's own invented texts (tests/fixtures, the bundled
# sample) and the saved regression inputs, in the input layout each target expects (see
# fuzz/src/lib.rs). Safe to run again: seeds are named by content.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=fuzz/corpus
mkdir -p "$corpus"/{load,html,html_structure,segment,compare,forms,documents}

# seed TARGET PREFIX-BYTES FILE...: writes PREFIX followed by the files' contents (joined by 0xff).
seed() {
    local target=$1 prefix=$2
    shift 2
    local tmp
    tmp=$(mktemp)
    printf "$prefix" >"$tmp"
    local first=1
    for file in "$@"; do
        [[ $first == 1 ]] || printf '\xff' >>"$tmp"
        first=0
        cat "$file" >>"$tmp"
    done
    mv "$tmp" "$corpus/$target/seed-$(sha1sum "$tmp" 2>/dev/null | cut -c1-16 || cksum <"$tmp" | cut -d' ' -f1)"
}

texts=(tests/fixtures/harbor-fire/*.txt assets/samples/*.txt)
pages=(tests/fixtures/harbor-fire/*.html tests/fixtures/loading/*.html)

for file in "${texts[@]}"; do
    seed load '\x00' "$file"
    seed load '\x01' "$file"
    seed segment '\x00' "$file"
    seed segment '\x01' "$file"
    seed forms '\x01' "$file"
    seed forms '\x02' "$file"
done
for file in "${pages[@]}"; do
    seed load '\x02' "$file"
    seed load '\x03' "$file"
    seed html '' "$file"
    seed segment '\x02' "$file"
    seed forms '\x00' "$file"
done
seed compare '\x00\x00' tests/fixtures/harbor-fire/wire.txt tests/fixtures/harbor-fire/outlet-a.txt
seed compare '\x01\x04' tests/fixtures/harbor-fire/outlet-b.txt tests/fixtures/harbor-fire/outlet-c.txt \
    tests/fixtures/harbor-fire/wire-wrapped.txt
seed compare '\x02\x00' assets/samples/wire.txt assets/samples/the-courier.txt \
    assets/samples/daily-ledger.txt assets/samples/northern-post.txt
seed compare '\x00\x01' assets/samples/wire.txt assets/samples/northern-post.txt

# Structure programs (see `structured_page` in fuzz/src/lib.rs): <li><dd> repeated, an element
# with thousands of attributes, a table of unclosed cells, SVG left by a <span/>.
structure() {
    local tmp
    tmp=$(mktemp)
    printf "$1" >"$tmp"
    mv "$tmp" "$corpus/html_structure/seed-$2"
}
structure '\x00\x00\x00\x01\x0a\x05\x0c\xfe' li-dd
structure '\x06\xc8\x0a\x01\x06\xc9' attributes
structure '\x00\x0c\x00\x0d\x00\x0e\x0a\x02\x0c\x7e' table
structure '\x00\x17\x07\x05\x0a\x03\x0c\x42' svg-span

# Documents: the XML parts of the Word and OpenDocument fixtures.
command -v unzip >/dev/null && for file in tests/fixtures/documents/*.docx; do
    { printf '\x00'; unzip -p "$file" word/document.xml; } >"$corpus/documents/seed-$(basename "$file")"
done
command -v unzip >/dev/null && for file in tests/fixtures/documents/*.odt; do
    { printf '\x01'; unzip -p "$file" content.xml; } >"$corpus/documents/seed-$(basename "$file")"
done

# The saved crashing inputs are seeds too.
for target in load html html_structure segment compare forms documents; do
    regressions=tests/fixtures/fuzz-regressions/$target
    if [[ -d $regressions ]]; then
        find "$regressions" -type f ! -name '*.md' ! -name '.*' -exec cp {} "$corpus/$target/" \;
    fi
done
