"""Stage 1 (parsers): the part of an amending act an LBK says it incorporates, as its intro names it —
"med de ændringer, der følger af § 1, nr. 1-4 og nr. 6, i lov nr. …" — read into Parts: a § of the act and
maybe the numbers of its changes. Intros also name several §§ of one act ("§§ 1 og 3 i lov nr. 1004 af
…", "§ 3 og § 7 i lov nr. …", "§ 2, nr. 31, § 4, nr. 1, 2, 4, 10, 12 og 14, i lov nr. …"): `parse_parts`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lovkons.parsers.tokens import TokenTable, first_token

_SPACES = regex.compile(r"\s+")
# The widest range a part names: intros name at most some sixty numbered changes in one range ("nr. 1-62");
# a wider one is a slip (or no part at all), refused before it is spelled out number by number.
MAX_RANGE = 500


@dataclass(frozen=True, slots=True)
class Part:
    paragraf: str
    items: frozenset[int] | None  # None = the whole §
    partly: frozenset[int] = frozenset()  # "24 delvis"


# A part as an LBK's intro names it ("med de ændringer, der følger af § 1, nr. 1-4 og nr. 6, i lov nr. …"):
# one § of the amending act, maybe the stk. holding its numbered changes, then the numbers. The table
# is read token by token; anything else in the text is an error that names it.
_PART_TOKENS: TokenTable = (
    ("sep", regex.compile(r"[\s,]+|og\b")),                                  # "," / "og" between numbers
    ("paragraf", regex.compile(r"§(?!§)\s*(?P<label>\d+(?:\s*[a-zA-Z](?![a-zæøå]))?)")),  # "§ 1", "§ 132 c"
    ("paragrafs", regex.compile(r"§§")),                                      # "§§ 2 og 3": several §§
    ("stk", regex.compile(r"stk\.\s*\d+")),                                   # "§ 18, stk. 1, nr. 5"
    ("nr", regex.compile(r"nr\.")),                                           # "nr. 1-4 og nr. 6" (repeated)
    ("numbers", regex.compile(r"(?P<lo>\d+)(?:\s*[-–‑−]\s*(?P<hi>\d+))?")),  # "6", "1-13", "2–7"
    ("partly", regex.compile(r"\(?delvis[t]?\)?|vedrørende\b.*$")),          # "24 delvis", "nr. 6 (delvist)",
)  # "nr. 13 vedrørende § 132 b og § 132 c": only the part of the change that concerns those §§


def _range(lo: int, hi: int, written: str, text: str) -> tuple[int, int]:
    if hi < lo or hi - lo > MAX_RANGE:
        raise ValueError(f"not a range of numbers: {written!r} in {text!r}")
    return lo, hi


def parse_part(text: str) -> Part:
    """"§ 7" / "§ 1, nr. 1-5, 7-11, 13 og 16-18" / "§ 1, nr. 1-4, 24 delvis, 25," / "§ 1, nr. 1-13 og
    nr. 15-19," / "§ 1, nr. 1-3 og nr. 4 (delvist)," → Part. ValueError names what is not a part."""
    s = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip(" ,.")
    par: str | None = None
    items: list[tuple[int, int]] = []
    partly: set[int] = set()
    pos = 0
    numbered = False  # "nr." seen: the numbers after it are numbered changes ("§ 2 og 3" names no change 3)
    while pos < len(s):
        token = first_token(_PART_TOKENS, s, pos)
        if token is None:
            what = "not a part of an amending act" if par is None else "not a list of numbers"
            raise ValueError(f"{what}: {s[pos:pos + 30]!r} in {text!r}")
        name, m = token
        pos = m.end()
        if name == "paragrafs":
            raise ValueError(f"a part names one § of the amending act (one entry per §), not several: {text!r}")
        if name == "paragraf":
            label = _SPACES.sub(" ", m["label"])
            if par is not None and label != par:
                raise ValueError(f"a part names one § of the amending act (one entry per §), not § {par} "
                                 f"and § {label}: {text!r}")
            par = label
            numbered = False
        elif par is None and name != "sep":
            raise ValueError(f"not a part of an amending act (it starts with the §): {text!r}")
        elif name == "nr":
            numbered = True
        elif name == "numbers":
            if not numbered:
                raise ValueError(f"a number without 'nr.' before it: {m[0]!r} in {text!r} (a numbered change is "
                                 f"'§ 2, nr. 3'; several §§ are '§§ 2 og 3')")
            items.append(_range(int(m["lo"]), int(m["hi"] or m["lo"]), m[0], text))
        elif name == "partly":
            if not items:
                raise ValueError(f"'{m[0]}' without a number before it in {text!r}")
            partly.update(range(items[-1][0], items[-1][1] + 1))
    if par is None:
        raise ValueError(f"not a part of an amending act: {text!r}")
    if not items:
        return Part(par, None)
    return Part(par, frozenset(n for lo, hi in items for n in range(lo, hi + 1)), frozenset(partly))


# Several §§ of one act, as LBK intros name them (real intros of the development corpus):
_SEVERAL: tuple[tuple[str, regex.Pattern[str], str], ...] = (
    # "§§ 1 og 3" (LBK 287/2011), "§§ 1-3" (LBK 314/2011), "§§ 57, 58 og 59": whole §§, their numbers listed
    ("paragrafs", regex.compile(r"""^§§\s*(?P<list>\d+(?:\s*[a-z](?![a-zæøå]))?
        (?:\s*(?:,|og|[-–])\s*\d+(?:\s*[a-z](?![a-zæøå]))?)+)$""", regex.VERBOSE), "§§ 1 og 3"),
    # "§ 3 og § 7" (LBK 913/2010), "§ 2, nr. 31, § 4, nr. 1, 2, 4, 10, 12 og 14" (LBK 807/2015): a new "§"
    # starts the next part
    ("each", regex.compile(r"""(?<=\S)\s*(?:,\s*|\s+og\s+)(?=§\s*\d)""", regex.VERBOSE), "§ 3 og § 7"),
)
_LIST = regex.compile(r"""(?P<lo>\d+)(?:\s*(?P<lab>[a-z])(?![a-zæøå]))?
    (?:\s*[-–]\s*(?P<hi>\d+)(?:\s*(?P<hilab>[a-z])(?![a-zæøå]))?)?""", regex.VERBOSE)


def parse_parts(text: str) -> tuple[Part, ...]:
    """One Part per § of the act the text names: "§ 1, nr. 1-5" → (Part("1", {1..5}),); "§§ 1 og 3" →
    (Part("1", None), Part("3", None)); "§ 3 og § 7"; "§ 2, nr. 31, § 4, nr. 1 og 2". ValueError names what
    is not a part (as `parse_part`)."""
    s = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip(" ,.")
    m = _SEVERAL[0][1].match(s)
    if m:
        out: list[Part] = []
        for n in _LIST.finditer(m["list"]):
            if n["hi"] and (n["lab"] or n["hilab"]):  # "§§ 12 a-12 c", "§§ 18-25 k": which §§ lie between is the act's
                raise ValueError(f"a range of lettered §§ ({n[0]!r} in {text!r}): name each § of the act")
            if n["hi"]:
                lo, hi = _range(int(n["lo"]), int(n["hi"]), n[0], text)
                out.extend(Part(str(k), None) for k in range(lo, hi + 1))
            else:
                out.append(Part(n["lo"] + (f" {n['lab']}" if n["lab"] else ""), None))
        return _distinct(out, text)
    cut = s.find("vedrørende")  # "§ 1, nr. 13 vedrørende § 132 b og § 132 c": §§ of the law, not the act
    head, tail = (s, "") if cut < 0 else (s[:cut], s[cut:])
    pieces = [p for p in _SEVERAL[1][1].split(head) if p.strip(" ,")] or [""]
    pieces[-1] += tail
    return _distinct([parse_part(p) for p in pieces], text)


def _distinct(parts: list[Part], text: str) -> tuple[Part, ...]:
    """One Part per § (in the order first named): "§ 1, nr. 12, og § 1, nr. 13 (delvist)" is one part
    of § 1 (LBK intros repeat the § for each number); a whole § and its numbers is the whole §."""
    merged: dict[str, Part] = {}
    for part in parts:
        key = part.paragraf.replace(" ", "")
        had = merged.get(key)
        if had is None:
            merged[key] = part
        else:
            items = None if had.items is None or part.items is None else had.items | part.items
            merged[key] = Part(had.paragraf, items, had.partly | part.partly)
    if not merged:
        raise ValueError(f"not a part of an amending act: {text!r}")
    return tuple(merged.values())
