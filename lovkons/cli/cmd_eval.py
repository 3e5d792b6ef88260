"""Stage 4 (cli): `lovkons eval MANIFEST…|DIR [-f table|json]` — consolidate each case and score it
§ by § against the official consolidation (`expected` in the manifest). Exit 3 when an instruction
was refused in some case, 2 on bad input, else 0.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lovkons.cli.options import Color, ColorOption, OutputOption, use_color
from lovkons.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_HELP,
    EXIT_NOT_APPLIED,
    EXIT_OK,
    is_terminal,
    output,
    report_bad_input,
)
from lovkons.model.document import LovkonsError

if TYPE_CHECKING:
    from lovkons.amender.manifest import Manifest

EXAMPLE = "Example: lovkons eval tests/cases · lovkons eval data/corpus/cases.json --corpus love-2010-2017.tar.xz"


class Format(StrEnum):
    table = "table"
    json = "json"


def manifests(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(x for x in p.iterdir() if x.suffix.lower() in (".yaml", ".yml"))
        else:
            out.append(p)
    return out


Loader = Callable[[], "Manifest"]


def _case_root(cases_file: Path, cases: list[object], corpus: Path | None) -> Path:
    """The corpus folder a cases file's paths are in: --corpus (a folder or an archive), else the file's own
    folder when it holds them, else the one archive beside it (cases.json next to love-2010-2017.tar.xz)."""
    from lovkons.amender.cases_file import first_path
    from lovkons.history.archive import is_archive
    from lovkons.history.cache import corpus_folder

    if corpus is not None:
        return corpus_folder(corpus)
    folder, first = cases_file.parent, first_path(cases)
    if first is None or (folder / first).is_file():
        return folder
    archives = sorted(p for p in folder.iterdir() if is_archive(p))
    if len(archives) == 1:
        return corpus_folder(archives[0])
    raise LovkonsError(f"the cases' documents ({first}, …) are not in {folder}: give --corpus DIR or an archive",
                       file=str(cases_file))  # fmt: skip


def loaders(paths: list[Path], corpus: Path | None, follow_links: bool) -> list[tuple[Path, str, Loader]]:
    """(file, case id or "", how to load its Manifest) for each manifest and each case of a cases file; a cases
    file that does not read at all is one entry whose loader raises."""
    from lovkons.amender.cases_file import case_manifest, is_cases_file, read_cases
    from lovkons.amender.manifest import load_manifest

    out: list[tuple[Path, str, Loader]] = []
    for path in manifests(paths):
        if not is_cases_file(path):
            out.append((path, "", lambda path=path: load_manifest(path, follow_links=follow_links)))  # type: ignore[misc]
            continue
        try:
            cases = read_cases(path)
            root = _case_root(path, cases, corpus)
        except OSError as exc:  # a path the system cannot look at (too long, no permission)
            err = LovkonsError(f"cannot look for the cases' documents: {exc.strerror or exc}", file=str(path))
            out.append((path, "", lambda err=err: _raise(err)))  # type: ignore[misc]
            continue
        except LovkonsError as err:
            out.append((path, "", lambda err=err: _raise(err)))  # type: ignore[misc]
            continue
        for i, case in enumerate(cases, 1):
            name = str(case.get("id") or i) if isinstance(case, dict) else str(i)
            out.append((path, name, lambda case=case, i=i, root=root, path=path: case_manifest(case, i, root, path)))  # type: ignore[misc]
    return out


def _raise(err: LovkonsError) -> Manifest:
    raise err


def register(app: typer.Typer) -> None:
    @app.command(name="eval", epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def eval_(
        paths: Annotated[list[Path], typer.Argument(help="Manifests (.yaml), directories of them, or a cases file (.json: {\"cases\": [{id, base, amendments: [{path, part}], expected}]}, as data/corpus/cases.json; its paths are in --corpus).")],
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="table: one row per case and a total; json: {schema, cases, total}."),
        ] = Format.table,
        out: OutputOption = None,
        color: ColorOption = Color.auto,
        literal: Annotated[bool, typer.Option("--literal", help="Score the text as the amending acts leave it, without the ressort layer (ministry and authority renames on the LBK's date).")] = False,
        follow_links: Annotated[bool, typer.Option(
            "--follow-links", help="Read manifest paths that lead outside its folder and the current folder.")] = False,
        corpus: Annotated[Path | None, typer.Option("--corpus", help="For a cases file: the corpus folder its paths are in, or a tar archive of it (unpacked once into the cache); default: the cases file's folder, else the one archive beside it.", show_default=False)] = None,
    ) -> None:
        """Score consolidations against the official consolidated texts, § by §.

        Each manifest needs 'expected' (the official LBK). Every selected change is applied whatever its date of commencement (an LBK prints the changes it lists, also those that take effect after its own date), except the changes the LBK says in its introduction or notes it has not incorporated ("er ikke indarbejdet i denne lovbekendtgørelse"): those are left pending and reported (ITEM_NOT_INCORPORATED). Refused instructions count as wrong, and give exit 3. A bad manifest is reported (stderr, and under "failed" in JSON) and the others are still scored; the exit code is then 2.

        A touched § is one where base and LBK differ; "instructed ok" = identical / touched §§ that some instruction (applied, refused or pending) addresses: the figure that measures the amender. Each wrong § has one category, first match wins: refused (an error names it) > editorial (equal once the LBK's own wording changes are undone: a substitution it made in ≥ 2 §§ no instruction touched, "(Udelades)", a moved §) > typo-fix (spacing, hyphenation, glyphs, minister titles) > uninstructed (no instruction addressed the § or anything in it, or — at unit grain — any unit where ours and the LBK differ, and there our text is the base's: the LBK changed it on its own; or — at word grain — an addressed unit differs only at words no instruction touched) > act-mended (every difference lies inside text an instruction wrote; ours is the amending act's text verbatim, as its source file reads raw, and the LBK prints something no act of the case says: the LBK mended the act's slip or made its own; JSON gives per § what the act says and what the LBK prints) > unexplained (instructed, silent: where amender bugs live; JSON says why it is not act-mended).
        """
        from lovkons.amender.cases_file import is_cases_file
        from lovkons.amender.manifest import run_manifest
        from lovkons.renderers.eval_out import eval_json, eval_text
        from lovkons.renderers.json_out import dumps
        from lovkons.ressort.layer import consolidated_at
        from lovkons.review.evaluate import CaseScore, score

        scores: list[CaseScore] = []
        failed: list[dict[str, str]] = []  # a bad manifest is a failed case: reported, the others go on
        found = loaders(paths, corpus, follow_links)
        if not found:
            raise LovkonsError(f"{', '.join(map(str, paths))}: no manifests (.yaml) or cases (.json) found")
        if corpus is not None and not any(is_cases_file(p) for p, _, _ in found):
            raise LovkonsError("--corpus is for a cases file (.json); a manifest names its own documents",
                               file=str(corpus))  # fmt: skip
        refused = False
        for path, case, load in found:
            try:
                manifest = load()
                if manifest.expected is None:
                    raise LovkonsError("the manifest has no 'expected' document", file=str(path))
                run = run_manifest(manifest, lenient=True, as_printed=True)
            except LovkonsError as err:
                report_bad_input(err, path)
                failed.append({"manifest": str(path), **({"case": case} if case else {}), "reason": err.reason})
                continue
            assert run.expected is not None
            refused = refused or bool(run.result.refused)
            # the official text names the ministers in office on its own date: so does ours (unless --literal)
            result, ressort = consolidated_at(run.result, run.expected.meta.date, base=run.base, orders=run.orders,
                                              literal=literal)
            scores.append(score(manifest.name, run.base, result, run.expected, orders=run.orders,
                                renames=sum(c.count for c in ressort.changes),
                                renamed=[c.address for c in ressort.changes]))
        with output(out) as stream:
            if fmt is Format.json:
                stream.write(dumps({**eval_json(scores), "failed": failed}))
            elif scores:
                stream.write(eval_text(scores, color=use_color(color, stream), terminal=is_terminal(stream)))
        if failed:
            raise typer.Exit(EXIT_BAD_INPUT)
        raise typer.Exit(EXIT_NOT_APPLIED if refused else EXIT_OK)
