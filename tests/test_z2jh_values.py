"""The Zero to JupyterHub values file, merged over the chart's defaults as Helm
does, must pass the chart's own values schema (Helm refuses to install otherwise).

The chart's values.yaml and values.schema.yaml are reference files of the CI
machine (../shared/reference/z2jh beside the clone); the project keeps no copy.
"""
from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

from notebooks import ROOT

CHART = ROOT.parent / "shared" / "reference" / "z2jh"
VALUES = ROOT / "deploy" / "z2jh-values.yaml"
HUB_NBGRADER_CONFIG = ROOT / "deploy" / "nbgrader_config.py"

pytestmark = pytest.mark.skipif(
    not (CHART / "values.schema.yaml").is_file(),
    reason=f"the Zero to JupyterHub chart's values.yaml and values.schema.yaml are not in {CHART} "
           "(reference files of the CI machine; a plain clone has none)")


def helm_merge(base: dict, override: dict) -> dict:
    """`override` merged into a copy of `base` the way Helm merges values files:
    maps merge key by key, anything else replaces, and null deletes the key."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = helm_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def course_values() -> dict:
    """The values as `helm upgrade` sees them, with the --set-file of the install command."""
    values = yaml.safe_load(VALUES.read_text(encoding="utf-8"))
    values["singleuser"]["extraFiles"]["nbgrader-config"]["stringData"] = HUB_NBGRADER_CONFIG.read_text()
    return values


def schema_errors(values: dict) -> list[str]:
    defaults = yaml.safe_load((CHART / "values.yaml").read_text(encoding="utf-8"))
    schema = yaml.safe_load((CHART / "values.schema.yaml").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(map(str, e.absolute_path)) or '<top>'}: {e.message}"
            for e in validator.iter_errors(helm_merge(defaults, values))]


def test_values_pass_the_charts_schema():
    assert schema_errors(course_values()) == []


@pytest.mark.parametrize("path, key", [
    (["singleuser", "memory"], "limt"),           # a typo of limit
    (["singleuser"], "exchangeVolume"),           # a key the chart does not have
    ([], "nbgrader"),                             # a top-level section it does not have
])
def test_a_key_the_chart_does_not_know_fails(path, key):
    values = course_values()
    node = values
    for part in path:
        node = node[part]
    node[key] = "3G"
    errors = schema_errors(values)
    assert any(key in e and "Additional properties" in e for e in errors), errors


def test_a_value_of_the_wrong_type_fails():
    values = course_values()
    values["singleuser"]["cpu"]["limit"] = "two cores"
    assert any(e.startswith("singleuser.cpu.limit:") for e in schema_errors(values))


def test_helm_merge_follows_helms_rules():
    base = {"a": {"b": 1, "c": [1, 2]}, "d": 4}
    assert helm_merge(base, {"a": {"c": [3]}, "d": None}) == {"a": {"b": 1, "c": [3]}}
    assert base == {"a": {"b": 1, "c": [1, 2]}, "d": 4}


def test_the_exchange_volume_is_mounted_at_nbgraders_exchange_root():
    config = PyFileConfigLoader(HUB_NBGRADER_CONFIG.name, path=str(HUB_NBGRADER_CONFIG.parent)).load_config()
    root = config.Exchange.root
    single = course_values()["singleuser"]
    mounts = {m["name"]: m["mountPath"] for m in single["storage"]["extraVolumeMounts"]}
    volumes = {v["name"] for v in single["storage"]["extraVolumes"]}
    assert mounts["nbgrader-exchange"] == root and "nbgrader-exchange" in volumes
    init = {c["name"]: c for c in single["initContainers"]}["exchange-permissions"]
    assert f"chmod 1777 {root}" in " ".join(init["command"])
    assert single["extraFiles"]["nbgrader-config"]["mountPath"] == "/etc/jupyter/nbgrader_config.py"
    course = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert config.CourseDirectory.course_id == course.CourseDirectory.course_id


def test_each_student_gets_bounded_resources_and_the_course_image():
    single = course_values()["singleuser"]
    assert single["cpu"]["limit"] and single["memory"]["limit"]
    assert single["memory"]["guarantee"] and single["cpu"]["guarantee"]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert single["image"]["tag"] == version, "the image tag is the package version it was built from"
