from pathlib import Path

import pytest

from pipeline.settings import SETTINGS

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_settings_each_is_documented_in_the_readme(setting):
    text = README.read_text(encoding="utf-8")
    assert setting.env in text, f"{setting.env} is not documented in README.md"
    assert setting.help, f"{setting.name} has no help text"
