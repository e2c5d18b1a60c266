"""Date formats researchers write (issue 18): 27/03/2023, 28.03.2023, 2023-3-30."""

import pandas as pd
import pytest

from frameshift.cli import main
from frameshift.corpus.readers import from_frame, read_corpus
from frameshift.errors import CorpusError, OptionError


def _frame(dates):
    return pd.DataFrame({"id": [f"s{i}" for i in range(len(dates))],
                         "text": ["Words here."] * len(dates), "date": dates})


def _dates(corpus):
    return corpus.statements.set_index("statement_id")["date"].dt.strftime("%Y-%m-%d").to_dict()


def test_unpadded_iso_is_read_by_default():
    c = from_frame(_frame(["2023-3-30", "2023-03-27", "2023-03"]))
    assert _dates(c) == {"s0": "2023-03-30", "s1": "2023-03-27", "s2": "2023-03-01"}


def test_dayfirst_reads_slashes_dots_dashes_and_iso():
    c = from_frame(_frame(["27/03/2023", "28.03.2023", "1-4-2023", "2023-3-30"]),
                   date_format="dayfirst")
    assert _dates(c) == {"s0": "2023-03-27", "s1": "2023-03-28", "s2": "2023-04-01",
                         "s3": "2023-03-30"}


def test_monthfirst_and_strptime_format():
    c = from_frame(_frame(["03/27/2023", "4/1/2023"]), date_format="monthfirst")
    assert _dates(c) == {"s0": "2023-03-27", "s1": "2023-04-01"}
    c = from_frame(_frame(["27 March 2023", "2023-03-28"]), date_format="%d %B %Y")
    assert _dates(c) == {"s0": "2023-03-27", "s1": "2023-03-28"}


def test_day_month_dates_without_an_option_say_which_option(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("id,text,date\na,One.,27/03/2023\nb,Two.,28.03.2023\nc,Three.,2023-3-30\n",
                    encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        read_corpus(path)
    msg = str(err.value)
    assert f"{path}:2: cannot read the date '27/03/2023'" in msg
    assert f"{path}:3: cannot read the date '28.03.2023'" in msg
    assert "date_format='dayfirst' (--date-format dayfirst)" in msg
    assert "the day comes first (27 > 12)" in msg
    assert ":4:" not in msg   # 2023-3-30 is fine


def test_impossible_dates_and_bad_formats_are_errors():
    with pytest.raises(CorpusError, match=r"'31/02/2023'.*date_format='dayfirst'"):
        from_frame(_frame(["31/02/2023"]), date_format="dayfirst")
    with pytest.raises(OptionError, match="'DD/MM/YYYY' is not understood"):
        from_frame(_frame(["27/03/2023"]), date_format="DD/MM/YYYY")


def test_cli_date_format(tmp_path, capsys):
    path = tmp_path / "s.csv"
    path.write_text("id,text,date\na,One.,27/03/2023\nb,Two.,28.03.2023\n", encoding="utf-8")
    assert main(["corpus", "info", str(path)]) == 2
    assert "--date-format dayfirst" in capsys.readouterr().err
    assert main(["corpus", "info", str(path), "--date-format", "dayfirst"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == ["statement_id,actor,date,tokens,opening",
                                "a,,2023-03-27,1,One.", "b,,2023-03-28,1,Two."]
    assert main(["count", "--corpus", str(path), "--date-format", "dayfirst"]) == 0
