"""`match-titles` writes the user's titles into a CSV opened in a spreadsheet: formula-looking text is made
inert (issue 14), as the table exports do."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from gpect_core.cli import main as cli_main

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"


def test_match_titles_output_neutralises_formula_like_titles(tmp_path):
    source = tmp_path / "titres.csv"
    source.write_text('Poste;Nb\n"=HYPERLINK(""http://evil.example"",""clic"")";1\n@SUM(A1);1\nconducteur PL;2\n',
                      encoding="utf-8")
    out = tmp_path / "out.csv"
    assert cli_main(["match-titles", str(source), "--column", "poste", "--out", str(out), "--pack", str(DEMO)]) == 0
    written = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert written["title"].tolist() == ['\'=HYPERLINK("http://evil.example","clic")', "'@SUM(A1)", "conducteur PL"]
    assert written.loc[2, "rome_code"] == "N4101"
    assert not any(str(v).startswith(("=", "+", "-", "@")) for v in written.to_numpy().ravel())
