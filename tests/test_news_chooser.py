"""The learned speaker chooser (frameshift.news.chooser, frameshift.news.train): features of a
short article written for the test with values counted by hand, the mechanics of choosing with
hand-written models, the shipped model (loads offline, is what the training script rebuilds),
and the founding article with the model."""

import io
import json
import math
from contextlib import redirect_stdout

import numpy as np
import pandas as pd
import pytest
from frameshift.cli import main
from frameshift.errors import ArgumentTypeError, CorpusError
from frameshift.files import corpus_dir
from frameshift.news.articles import (
    _attributed,
    _read_actors,
    evaluate_segmentation,
    read_news,
    read_segments,
    segment_article,
)
from frameshift.news.chooser import FEATURES, SpeakerModel, candidates, load_model

REG = pd.DataFrame({"id": ["vale", "ivers"], "name": ["Tom Vale", "Anna Ivers"],
                    "aliases": ["Vale", "Ivers"]})
ART = ('Talks resume\n\nTom Vale met Anna Ivers on Monday. "We will sign the deal soon," Vale '
       'said.\n')


def _features():
    _, quotes, att = _attributed(ART, _read_actors(REG), None)
    (q,) = quotes
    return q, {c.actor: dict(zip(FEATURES, c.x)) for c in candidates(att, q)}


def test_candidates_are_nobody_and_the_two_persons_named():
    q, f = _features()
    assert q.actor == "vale"  # the rules: "Vale said" after the quote
    assert set(f) == {None, "vale", "ivers"}


def test_features_of_the_speaker_named_after_the_quote():
    _, f = _features()
    v = f["vale"]
    assert v["rule"] == 1 and v["rule_conf_0.85"] == 1  # (confidence of "after": 0.85)
    assert v["same_sentence_after"] == 1  # "Vale said." closes the quote's sentence
    assert v["same_sentence_before"] == 0  # "Tom Vale" is in the sentence before
    assert v["subject_previous_sentence"] == 1  # ... as its first words
    assert v["log_tokens_after"] == 0  # no word between the closing mark and "Vale"
    # between "Tom Vale" and the opening mark: met Anna Ivers on Monday
    assert v["log_tokens_before"] == pytest.approx(math.log1p(5))
    assert v["verb_after_mention"] == 1  # "Vale said"
    assert v["mentions_near"] == pytest.approx(math.log1p(2))
    assert v["registered_person"] == 1 and v["new_id"] == 0
    assert v["none"] == 0 and v["previous_quote_speaker"] == 0


def test_features_of_the_other_person_and_of_nobody():
    _, f = _features()
    i = f["ivers"]
    assert i["rule"] == 0 and i["same_sentence_before"] == 0 and i["same_paragraph"] == 1
    assert i["log_tokens_before"] == pytest.approx(math.log1p(2))  # on Monday
    assert i["log_tokens_after"] == pytest.approx(math.log1p(200))  # not named after it
    assert i["verb_after_mention"] == 0  # "on Monday." ends the sentence first
    n = f[None]
    assert n["none"] == 1 and n["none_rules_none"] == 0 and n["rule"] == 0
    assert n["none_log_words"] == pytest.approx(math.log1p(6))  # We will sign the deal soon
    assert n["none_ends_with_punctuation"] == 1  # the comma inside the marks
    assert n["none_inside_sentence"] == 0  # the quote opens its sentence
    assert n["none_unit_starts_with_quote"] == 0


def _model(weights: dict) -> SpeakerModel:
    w = np.array([weights.get(f, 0.0) for f in FEATURES])
    return SpeakerModel(FEATURES, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), w, 0.0, {})


TWO = ('Talks resume\n\nTom Vale met Anna Ivers on Monday. "We will sign the deal soon," Vale '
       'said.\n\n"Nothing is agreed until everything is agreed," Ivers said.\n')


def test_a_model_that_trusts_the_rules_gives_the_rules_speakers():
    rules = segment_article(TWO, actors=REG)
    model = segment_article(TWO, actors=REG, speakers=_model({"rule": 5.0}))
    assert list(rules["actor"].fillna("-")) == list(model["actor"].fillna("-"))
    q = model[model["role"] == "quote"]
    assert list(q["actor"]) == ["vale", "ivers"]


def test_a_model_that_prefers_nobody_cannot_take_a_quote_from_the_rules_speaker():
    # chooser.NONE_MARGIN is infinite: "nobody" replaces a rules' speaker only by the term rule
    seg = segment_article(TWO, actors=REG, speakers=_model({"none": 5.0}))
    q = seg[seg["role"] == "quote"]
    assert q["actor"].tolist() == ["vale", "ivers"]
    assert not any(e.startswith("speaker model") for e in q["evidence"])


def test_a_model_that_prefers_the_person_named_closest_before():
    # before the first quote: "Tom Vale" 5 words away, "Anna Ivers" 2 (met Anna Ivers on Monday)
    seg = segment_article(TWO, actors=REG, speakers=_model({"log_tokens_before": -1.0,
                                                            "none": -5.0}))
    q = seg[seg["role"] == "quote"]
    assert q["actor"].iloc[0] == "ivers"
    assert q["evidence"].iloc[0].startswith('speaker model: ivers (mention "Anna Ivers")')


def test_speakers_must_be_rules_model_or_a_model():
    with pytest.raises(ArgumentTypeError, match=r'speakers must be "rules", "model" or a '
                                                r'SpeakerModel, got str .*magic'):
        segment_article(TWO, actors=REG, speakers="magic")


def test_the_shipped_model_loads_offline_and_is_plain_numbers():
    m = load_model()
    assert m.features == FEATURES
    assert np.isfinite(m.weights).all() and np.isfinite(m.mean).all() and (m.scale > 0).all()
    assert m.meta["trained_on"] == ["heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                                    "heldout7", "heldout8", "heldout9"]


def test_a_model_file_of_other_features_is_refused_with_the_fix():
    body = json.loads(load_model().to_json())
    body["features"] = body["features"][:-1]
    with pytest.raises(CorpusError, match=r"model\.json: not a speaker model of this version.*"
                                          r"python -m frameshift\.news\.train"):
        SpeakerModel.from_json(json.dumps(body), "x/model.json")
    with pytest.raises(CorpusError, match="not JSON"):
        SpeakerModel.from_json("{", "x/model.json")


def test_retraining_rebuilds_the_shipped_file_byte_for_byte():
    from importlib import resources

    from frameshift.news.train import train

    shipped = (resources.files("frameshift") / "data" / "speaker_model.json").read_text(
        encoding="utf-8")
    assert train().to_json() == shipped


SEED = corpus_dir() / "karabakh_2023"
SEED_ARTICLE = SEED / "sources" / "commonspace-2023-03-28.txt"


def test_seed_article_with_the_model_matches_the_hand_coded_segmentation():
    corpus = read_news(SEED_ARTICLE, actors=SEED / "actors.csv", speakers="model")
    ev = evaluate_segmentation(corpus.meta["segments"], read_segments(SEED / "segments.csv"),
                               texts=corpus.sources).set_index(["scope", "metric"])["value"]
    assert ev["attribution", "actor_accuracy"] == 1.0
    assert ev["attribution", "statement_accuracy"] == 1.0


def test_seed_article_with_the_model_counts_per_actor_as_the_hand_coded_corpus():
    from frameshift.corpus.readers import read_corpus
    from frameshift.matching.engine import count_matches

    auto = read_news(SEED_ARTICLE, actors=SEED / "actors.csv", speakers="model")
    gold = read_corpus("karabakh_2023")
    cols = ["actor", "category", "count", "negated", "tokens"]
    a = count_matches(auto, "karabakh_framing").sort_values(["actor", "category"])
    g = count_matches(gold, "karabakh_framing").sort_values(["actor", "category"])
    pd.testing.assert_frame_equal(a[cols].reset_index(drop=True),
                                  g[cols].reset_index(drop=True), check_dtype=False)


def test_cli_speakers_model(tmp_path):
    art = tmp_path / "talks-2024-05-12.txt"
    art.write_text(TWO, encoding="utf-8")
    reg = tmp_path / "actors.csv"
    REG.to_csv(reg, index=False)
    buf = io.StringIO()
    with redirect_stdout(buf):
        status = main(["quotes", str(art), "--actors", str(reg), "--speakers", "model"])
    assert status == 0
    seg = pd.read_csv(io.StringIO(buf.getvalue()), comment="#")
    assert list(seg.loc[seg["role"] == "quote", "actor"]) == ["vale", "ivers"]


def test_training_without_the_coded_sets_says_where_they_are(tmp_path, capsys):
    from frameshift.news.train import main as train_main

    assert train_main(["--root", str(tmp_path), "--out", str(tmp_path / "m.json")]) == 2
    err = capsys.readouterr().err
    assert "no coded set dev, heldout" in err and "--root FOLDER" in err
    assert not (tmp_path / "m.json").exists()
