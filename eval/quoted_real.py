"""Find text in the repository that also stands verbatim in a real text (a dev tool, not run in CI).

    python eval/quoted_real.py [REAL_DIR ...] [--max-texts N] [--rare N]

REAL_DIR defaults to ../shared/real beside the repository; pass /tmp/unseenN as well to cover the held-out
sets. The real texts are the `NNN.txt` files of each directory. The tracked files under src/, tests/,
samples/, prompts/ and eval/ are searched, except the labels (eval/real/{gold,drafts},
eval/heldout/*/{gold,drafts}), which must hold real figures, and binary files (samples/make writes those).
Each hit prints as `file:line  kind  run`, then `    <- dir/NNN.txt:line  the real line`. Kinds:

- `words`: a run of 14+ characters (4+ CJK; whitespace and punctuation ignored) that stands in a real text
  and holds `--rare` (default 4) character 4-grams found in at most `--max-texts` (default 2) real texts,
  once template vocabulary is masked. Template vocabulary is every CJK cell (2–12 characters between
  spaces, rules or punctuation) that stands alone in 3+ real texts: `一级指标 | 二级指标`, `年初预算数`,
  `满意度指标` never count, while a document's names, places and sentences do.
- `figures`: two distinctive numbers of one repository line that stand within 60 characters of each other
  on one real line (`| 28.6 | 27.93 |`, or `("28.6", "27.93")` in a test).
- `figure`: a distinctive number with its unit (`3.17(万人)`, `15360人`) or a number of 8+ characters
  (`36.400000`) that stands as such in a real text.

A number is distinctive when it has 3+ significant digits and is not a year (`2,000`, `100.00`, `9.5`
and `2023` are not). Web addresses are ignored on both sides: a source's URL is a citation, not a quote.
A hit is a candidate: national template wording (the 中央转移支付 form's section titles, a fund's statutory
name, the list of 就业补助资金 uses) is fine to share and stays; a document's own words and figures do not.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("src", "tests", "samples", "prompts", "eval")
LABELS = re.compile(r"^eval/(real|heldout/[^/]+)/(gold|drafts)/")
WIDTH = 14
CJK = re.compile(r"[\u3400-\u9fff]")
CJK_RUN = re.compile(r"[\u3400-\u9fff]{2,12}")
NOT_WORD = re.compile(r"[^\w.%]+")  # whitespace, rules and punctuation: `| 分值 |` and `分值` compare equal
CELL_BREAK = re.compile(r"[^\u3400-\u9fff]+")
URL = re.compile(r"(?:https?://|www\.)\S+")
NUMBER = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?![\d])")
WITH_UNIT = re.compile(
    r"(?<![\d.,])\d[\d,]*(?:\.\d+)?\s*(?:[(（][\u3400-\u9fff]{1,3}[)）]|[\u3400-\u9fff]{1,3}(?![\u3400-\u9fff])|%)"
)
NEAR = 60

Place = tuple[str, int]  # (dir/NNN.txt, line number)


def distinctive(token: str) -> bool:
    """3+ significant digits and not a year: 31.69 and 204.46 are, 2023, 100.00 and 9.5 are not."""
    plain = token.replace(",", "")
    if "." not in plain and 1900 <= int(plain) <= 2099:
        return False
    if "." in plain:
        plain = plain.rstrip("0").rstrip(".")
    return len(plain.replace(".", "").strip("0")) >= 3


def unit_key(fragment: str) -> str:
    """`3.17 (万人)` and `3.17（万人）` compare equal; the number keeps its digits."""
    return re.sub(r"[\s,()（）]", "", fragment)


class Real:
    """The real texts, indexed: their 14-character windows, 4-grams, numbers and numbers with units."""

    def __init__(self, dirs: list[Path]) -> None:
        self.lines: dict[Place, str] = {}
        self.compact: dict[Place, str] = {}
        self.windows: dict[str, set[str]] = defaultdict(set)
        self.grams: dict[str, set[str]] = defaultdict(set)
        self.numbers: dict[str, list[tuple[Place, int]]] = defaultdict(list)
        self.with_unit: dict[str, Place] = {}
        cells: dict[str, set[str]] = defaultdict(set)
        for directory in dirs:
            for path in sorted(directory.glob("[0-9]*.txt")):
                name = f"{directory.name}/{path.name}"
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    self._add((name, number), URL.sub(" ", line), cells)
        vocabulary = sorted((cell for cell, texts in cells.items() if len(texts) >= 3), key=len, reverse=True)
        self.template = re.compile("|".join(map(re.escape, vocabulary)) or "(?!)")

    def _add(self, place: Place, line: str, cells: dict[str, set[str]]) -> None:
        self.lines[place] = line
        compact = self.compact[place] = NOT_WORD.sub("", line)
        for start in range(len(compact) - 3):
            self.grams[compact[start : start + 4]].add(place[0])
            window = compact[start : start + WIDTH]
            if len(window) == WIDTH and len(CJK.findall(window)) >= 4:
                self.windows[window].add(place[0])
        for cell in re.split(r"[\s|,，。、:：;；()（）]+", line):
            if CJK_RUN.fullmatch(cell):
                cells[cell].add(place[0])
        for match in NUMBER.finditer(line):
            if distinctive(match.group()):
                self.numbers[match.group().replace(",", "")].append((place, match.start()))
        for match in WITH_UNIT.finditer(line):
            self.with_unit.setdefault(unit_key(match.group()), place)

    def where(self, fragment: str) -> Place | None:
        """The first real line holding the (compacted) fragment."""
        return next((p for p, line in self.compact.items() if fragment in line), None)

    def rare(self, run: str, max_texts: int) -> int:
        """How many 4-grams of the run, clear of template vocabulary, stand in at most max_texts real texts."""
        masked = self.template.sub(lambda m: "#" * len(m.group()), run)
        return sum(
            1
            for i in range(len(run) - 3)
            if "#" not in masked[i : i + 4]
            and CJK.search(run[i : i + 4])
            and len(self.grams[run[i : i + 4]]) <= max_texts
        )


def word_runs(line: str, real: Real, max_texts: int, rare: int) -> Iterator[str]:
    """Maximal runs of the compacted line whose 14-character windows all stand in a real text."""
    compact = NOT_WORD.sub("", line)
    hits = [compact[i : i + WIDTH] in real.windows for i in range(len(compact) - WIDTH + 1)]
    start = None
    for i, hit in enumerate([*hits, False]):
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            run = compact[start : i - 1 + WIDTH]
            if real.rare(run, max_texts) >= rare:
                yield run
            start = None


def figure_hits(line: str, real: Real) -> Iterator[tuple[str, str, Place]]:
    """A pair of distinctive numbers near each other on one real line, a long number, a number with its unit."""
    tokens = sorted({t.replace(",", "") for t in NUMBER.findall(line) if distinctive(t)})
    for i, first in enumerate(tokens):
        for second in tokens[i + 1 :]:
            near = [
                a
                for a, at in real.numbers.get(first, [])
                for b, bt in real.numbers.get(second, [])
                if a == b and abs(at - bt) <= NEAR
            ]
            if near:
                yield "figures", f"{first} … {second}", near[0]
    for token in NUMBER.findall(line):
        if len(token) >= 8 and distinctive(token) and token.replace(",", "") in real.numbers:
            yield "figure", token, real.numbers[token.replace(",", "")][0][0]
    for match in WITH_UNIT.finditer(line):
        number = NUMBER.match(match.group())
        place = real.with_unit.get(unit_key(match.group()))
        if number and distinctive(number.group()) and place:
            yield "figure", match.group(), place


def scanned_files() -> list[Path]:
    """Tracked files under the scanned folders, labels left out."""
    listed = subprocess.run(["git", "ls-files", *SCANNED], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / name for name in listed.stdout.splitlines() if not LABELS.match(name)]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("real_dirs", nargs="*", type=Path, default=[ROOT.parent / "shared" / "real"])
    parser.add_argument("--max-texts", type=int, default=2, help="a 4-gram in more real texts is common")
    parser.add_argument("--rare", type=int, default=4, help="rare 4-grams a run of words needs to count")
    args = parser.parse_args()
    real = Real(args.real_dirs)
    if not real.lines:
        raise SystemExit(f"no real texts (NNN.txt) in {', '.join(map(str, args.real_dirs))}")
    count = 0
    for path in scanned_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary, or a link to a folder
        for number, line in enumerate(text.splitlines(), 1):
            line = URL.sub(" ", line)
            hits = [("words", run, real.where(run)) for run in word_runs(line, real, args.max_texts, args.rare)]
            hits += list(figure_hits(line, real))
            for kind, run, place in hits:
                count += 1
                print(f"{path.relative_to(ROOT)}:{number}  {kind}  {run}")
                if place:
                    print(f"    <- {place[0]}:{place[1]}  {real.lines[place].strip()[:160]}")
    print(f"{count} hits")


if __name__ == "__main__":
    main()
