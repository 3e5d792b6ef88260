"""normalize(): the promises in its docstring."""

import unicodedata

import pytest

from lovkons.parsers.normalize import normalize, squash

CASES = [
    ("nbsp", "§\u00a05. Tekst", "§ 5. Tekst"),
    ("thin-space", "10\u2009000 kr.", "10 000 kr."),
    ("tab", "1)\tpersoner", "1) personer"),
    ("soft-hyphen", "Ting\u00adlysningsretten", "Tinglysningsretten"),
    ("zero-width", "Stk.\u200b 2.", "Stk. 2."),
    ("bom", "\ufeffBekendtgørelse", "Bekendtgørelse"),
    ("crlf", "a\r\nb\rc\n", "a\nb\nc\n"),
    ("nfc", "a\u030a", "å"),
    ("en-dash-kept", "§§ 82–84", "§§ 82–84"),
    ("double-space-kept", "Rimelighedskravet  Førtidspensionister", "Rimelighedskravet  Førtidspensionister"),
]


@pytest.mark.parametrize(("raw", "want"), [(r, w) for _i, r, w in CASES], ids=[c[0] for c in CASES])
def test_normalize(raw: str, want: str) -> None:
    assert normalize(raw) == want


@pytest.mark.parametrize("raw", ["a\r\nb", "a\rb\rc", "x\u2028y\nz", "\u0085\n\n", "a\fb\vc"])
def test_line_count_unchanged(raw: str) -> None:
    editor_lines = raw.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    assert normalize(raw).count("\n") == editor_lines


def test_result_is_nfc() -> None:
    s = normalize("Møller A\u0301 \u00a0x")
    assert unicodedata.is_normalized("NFC", s)


def test_squash() -> None:
    assert squash("  a \n b  c ") == "a b c"
