"""Our Krippendorff's alpha agrees with the `krippendorff` package (Castro 2017, PyPI) on
random reliability data with missing codes, at every level of measurement (issue 14 asks for
the package; frameshift keeps its own implementation, checked against Krippendorff 2011 in
tests/test_reliability.py, and uses the package as an independent second implementation)."""

import numpy as np
import pytest

from frameshift.measures.reliability import krippendorff_alpha

krippendorff = pytest.importorskip("krippendorff")  # in the test extra; skips only without it


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
@pytest.mark.parametrize("seed", range(8))
def test_alpha_equals_the_krippendorff_package(level, seed):
    rng = np.random.default_rng(seed)
    coders, units = int(rng.integers(2, 5)), int(rng.integers(5, 30))
    data = rng.integers(1, 5, size=(coders, units)).astype(float)
    data[rng.random(data.shape) < 0.2] = np.nan
    # keep it computable: at least two pairable units with variation
    data[:2, :2] = [[1, 2], [1, 3]]
    ours = krippendorff_alpha([[None if np.isnan(v) else float(v) for v in row] for row in data],
                              level=level)
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_binary_two_coders_equals_package_on_krippendorff_section_a():
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    theirs = krippendorff.alpha(reliability_data=[a, b], level_of_measurement="nominal")
    assert krippendorff_alpha([a, b]) == pytest.approx(theirs, abs=1e-12)
    assert round(theirs, 3) == 0.095   # Krippendorff (2011), section A
