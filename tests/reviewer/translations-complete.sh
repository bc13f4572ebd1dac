#!/usr/bin/env bash
# Every text the workstation shows has its French translation (and every plural its English
# forms): lupdate reads the tr() calls of reviewer-app/src into a copy of each .ts file; the copy
# must then have no unfinished message. A new tr() text without a translation fails here.
set -euo pipefail
SOURCE_DIR="$(cd "$(dirname "$0")/../.." && pwd)"
QT_BIN="${QT_BIN:-/usr/lib/qt6/bin}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for lang in fr en; do
  ts="$work/tessera-reviewer_$lang.ts"
  cp "$SOURCE_DIR/reviewer-app/translations/tessera-reviewer_$lang.ts" "$ts"
  extra=()
  [ "$lang" = en ] && extra=(-pluralonly)
  "$QT_BIN/lupdate" -silent -locations none -no-obsolete "${extra[@]}" "$SOURCE_DIR/reviewer-app/src" -ts "$ts"
  # Messages still marked unfinished, with their source text, for the person who must translate them.
  missing="$(python3 - "$ts" <<'PY'
import sys, xml.etree.ElementTree as ET
for ctx in ET.parse(sys.argv[1]).getroot().iter('context'):
    name = ctx.findtext('name')
    for m in ctx.iter('message'):
        t = m.find('translation')
        if t is not None and t.get('type') == 'unfinished':
            print(f"  {name}: {m.findtext('source')}")
PY
)"
  if [ -n "$missing" ]; then
    echo "reviewer-app/translations/tessera-reviewer_$lang.ts lacks translations for:"
    echo "$missing"
    status=1
  fi
done
[ $status -eq 0 ] && echo "Every workstation text is translated (fr), with English plural forms (en)."
exit $status
