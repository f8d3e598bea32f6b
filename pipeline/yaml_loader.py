"""The YAML loader the pipeline reads its files with."""

from __future__ import annotations

import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (much faster), else PyYAML's; the same values."""
