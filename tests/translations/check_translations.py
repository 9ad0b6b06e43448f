#!/usr/bin/env python3
"""Checks that translations/kensa_ja.ts is complete for the current ui/ sources.

With --plural-only (translations/kensa_en.ts, English plural forms only) lupdate refreshes with -pluralonly,
so every "%n image(s)" text needs its English forms and nothing else is expected.

Refreshes a copy of the .ts file with Qt 6 lupdate (the way the update_translations target does:
-no-obsolete; the live file is never touched), then fails when
  - a message is unfinished, vanished or obsolete, or is new in the sources (not in the committed file);
  - a message of the committed file is gone from the sources (a translation whose source was removed);
  - a translation is empty;
  - a translation's placeholders (%1..%99, %L1, %n, %Ln; %v/%m/%p of progress bars) differ from its source's;
  - a source with a keyboard accelerator ('&File') has a translation without one, or the other way round.

Usage: check_translations.py --lupdate /usr/lib/qt6/bin/lupdate --source-dir /path/to/kensa
Exit status: 0 complete, 1 problems found (each listed), 2 could not run.
Standard library only.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Qt's QString::arg placeholders (%1..%99, %L1) and the plural count (%n, %Ln); QProgressBar's %v %m %p.
PLACEHOLDER = re.compile(r"%(?:L?(?:[1-9][0-9]?|n)|[vmp](?![A-Za-z]))")
# HTML entities such as &nbsp; &amp; &#183; in the (XML-decoded) text are not accelerators.
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def has_accelerator(text):
    text = ENTITY.sub("", text).replace("&&", "")
    return re.search(r"&[^\s&]", text) is not None


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


def messages(ts_path):
    """(context, source, comment) -> (message element, context name) of every message of a .ts file."""
    out = {}
    root = ET.parse(ts_path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            key = (name, message.findtext("source", default=""), message.findtext("comment", default=""))
            out[key] = message
    return out


def forms(message):
    """The translation's texts: one per <numerusform> for plural messages, else the one text."""
    translation = message.find("translation")
    if translation is None:
        return [""]
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")] or [""]
    return [translation.text or ""]


def describe(key):
    context, source, comment = key
    text = source.replace("\n", "\\n")
    return f"[{context}] \"{text}\"" + (f" ({comment})" if comment else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate", required=True, help="Qt 6 lupdate (not Qt 5's /usr/bin/lupdate)")
    parser.add_argument("--source-dir", required=True, help="the repository's top folder")
    parser.add_argument("--ts", default="translations/kensa_ja.ts", help="the .ts file, relative to --source-dir")
    parser.add_argument("--plural-only", action="store_true", help="a file of plural forms only (lupdate -pluralonly)")
    args = parser.parse_args()

    source_dir = os.path.abspath(args.source_dir)
    ts_path = os.path.join(source_dir, args.ts)
    ui_dir = os.path.join(source_dir, "ui")
    for path in (ts_path, ui_dir, args.lupdate):
        if not os.path.exists(path):
            print(f"check_translations: {path} does not exist", file=sys.stderr)
            return 2

    committed = messages(ts_path)
    problems = []
    # A file that still carries vanished/obsolete entries was not refreshed with -no-obsolete.
    for key, message in committed.items():
        kind = message.find("translation").get("type") if message.find("translation") is not None else None
        if kind in ("vanished", "obsolete"):
            problems.append(f"{kind} in {args.ts}: {describe(key)}")

    with tempfile.TemporaryDirectory(prefix="kensa-ts-") as tmp:
        copy = os.path.join(tmp, os.path.basename(ts_path))  # the language comes from the file, not its name
        shutil.copyfile(ts_path, copy)
        plural = ["-pluralonly"] if args.plural_only else []
        run = subprocess.run([args.lupdate, "-no-obsolete", *plural, "-locations", "absolute", "ui", "-ts", copy],
                             cwd=source_dir, capture_output=True, text=True)
        if run.returncode != 0:
            print(f"check_translations: lupdate failed ({run.returncode}):\n{run.stdout}{run.stderr}",
                  file=sys.stderr)
            return 2
        refreshed = messages(copy)

    if not refreshed:
        print("check_translations: lupdate found no messages in ui/ (wrong lupdate or folder?)", file=sys.stderr)
        return 2

    for key in committed:
        if key not in refreshed:
            problems.append(f"source gone (translation of a text no longer in ui/): {describe(key)}")
    for key, message in refreshed.items():
        source = key[1]
        if key not in committed:
            problems.append(f"new in the sources, not in {args.ts}: {describe(key)}")
            continue  # reported once; it is unfinished as well
        kind = message.find("translation").get("type")
        if kind:
            problems.append(f"{kind}: {describe(key)}")
            continue
        texts = forms(message)
        if any(not text.strip() for text in texts):
            problems.append(f"empty translation: {describe(key)}")
            continue
        for text in texts:
            want, got = placeholders(source), placeholders(text)
            if want != got:
                problems.append(f"placeholders {want} != {got} in \"{text}\": {describe(key)}")
            if has_accelerator(source) and not has_accelerator(text):
                problems.append(f"accelerator missing in \"{text}\": {describe(key)}")
            elif has_accelerator(text) and not has_accelerator(source):
                problems.append(f"accelerator the source does not have in \"{text}\": {describe(key)}")

    if problems:
        print(f"{args.ts}: {len(problems)} problem(s) in {len(refreshed)} messages:")
        for problem in problems:
            print(f"  {problem}")
        print("Refresh: /usr/lib/qt6/bin/lupdate -no-obsolete " + ("-pluralonly " if args.plural_only else "") +
              "-locations absolute ui -ts " + args.ts +
              " (from the repository's top folder), then translate; see translations/README.md.")
        return 1
    print(f"{args.ts}: complete, {len(refreshed)} messages translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
