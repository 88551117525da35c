"""Word lists the extractors use, loaded from plain-text files in ``kg/data``.

One entry per line, ``#`` starts a comment.  Keeping them as data lets a user
read, extend or version them without touching code, and lets the build cache
notice when they change (see ``fingerprint``).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources


def _data(name: str) -> str:
    return (resources.files("kg") / "data" / name).read_text(encoding="utf-8")


@cache
def words(name: str) -> tuple[str, ...]:
    """Entries of ``kg/data/<name>.txt``, longest first so regex alternation is greedy."""
    entries = {line.split("#", 1)[0].strip() for line in _data(f"{name}.txt").splitlines()}
    return tuple(sorted((e for e in entries if e), key=lambda e: (-len(e), e)))


def alternation(name: str) -> str:
    """A regex alternation of a word list, e.g. ``(?:常务副部长|副部长|部长)``."""
    return "(?:" + "|".join(words(name)) + ")"


@cache
def fingerprint() -> str:
    """A hash of every lexicon file: changes whenever any list changes."""
    digest = hashlib.sha256()
    for entry in sorted(resources.files("kg").joinpath("data").iterdir(), key=lambda p: p.name):
        if entry.name.endswith((".txt", ".tsv")):
            digest.update(entry.name.encode() + entry.read_bytes())
    return digest.hexdigest()[:16]


@cache
def table(name: str) -> dict[str, str]:
    """``kg/data/<name>.txt`` as a mapping from the first tab-separated column to the second."""
    out: dict[str, str] = {}
    for line in _data(f"{name}.txt").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if "\t" in line:
            key, value = line.split("\t", 1)
            out[key.strip()] = value.strip()
    return out


@cache
def divisions() -> tuple[tuple[str, str, str, str], ...]:
    """Administrative divisions (province, prefecture, county).

    Each is (name, level, short name, common form): 大理白族自治州 has the common
    form 大理州 and the short name 大理.  Generated from the cpca package's adcode
    table by ``tools/make_divisions.py``; ``divisions_since.tsv`` adds, by hand, the
    divisions created or renamed after that table (那曲市, 库车市), and
    ``divisions_before.tsv`` the 地区 older articles name (日喀则地区, now a city).
    """
    out = []
    tables = ("divisions.tsv", "divisions_since.tsv", "divisions_before.tsv")
    for line in "\n".join(map(_data, tables)).splitlines():
        if line.startswith("#") or not line.strip():
            continue
        _, name, level, short, common = (line.split("\t") + ["", ""])[:5]
        out.append((name, level, short, common))
    return tuple(out + _former_counties(out))


def _former_counties(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """The county a district was before it became one (綦江区 was 綦江县 until 2011), as
    older articles name it: for every district whose short name + 县 names no other
    division.  No short name of their own: 綦江 stays the district's.

    >>> ("綦江县", "county", "", "") in _former_counties([("綦江区", "county", "綦江", "")])
    True
    """
    names = {name for name, *_ in rows}
    return [(short + "县", "county", "", "") for name, level, short, _ in rows
            if level == "county" and name.endswith("区") and len(short) >= 2
            and short + "县" not in names and short + "市" not in names]


@cache
def province_of() -> dict[str, str]:
    """Prefecture or county name -> its province, for names found in one province only
    (鼓楼区 is in several and gives none).  Read from the adcodes of ``divisions.tsv``:
    the first two digits are the province's.
    """
    provinces: dict[str, str] = {}
    seen: dict[str, set[str]] = {}
    rows = [line.split("\t") for line in _data("divisions.tsv").splitlines()
            if line.strip() and not line.startswith("#")]
    for code, name, level, *_ in rows:
        if level == "province":
            provinces[code[:2]] = name
    for code, name, level, *_ in rows:
        if level != "province" and code[:2] in provinces:
            seen.setdefault(name, set()).add(provinces[code[:2]])
    return {name: next(iter(p)) for name, p in seen.items() if len(p) == 1}
