#!/usr/bin/env python3
"""Lists every `default:` of the bundled CRD schemas (file, version, schema path, default as JSON).

Reads the CRD YAML with PyYAML, independently of the Java code, to regenerate the test table
core/src/test/resources/crd-schemas/defaults.tsv after a CRD update:

    core/scripts/list-crd-defaults.py > core/src/test/resources/crd-schemas/defaults.tsv

Schema paths: `.field` for properties, `[]` for list items, `{}` for additionalProperties.
"""
import json
import os
import yaml

ROOT = os.path.join(os.path.dirname(__file__), '..', 'src', 'main', 'resources',
                    'io', 'github', 'kongtranslator', 'core', 'crds')


def walk(schema, path, out):
    if not isinstance(schema, dict):
        return
    if 'default' in schema:
        out.append((path, json.dumps(schema['default'], separators=(',', ':'))))
    for key, sub in schema.get('properties', {}).items():
        walk(sub, path + '.' + key, out)
    if 'items' in schema:
        walk(schema['items'], path + '[]', out)
    if isinstance(schema.get('additionalProperties'), dict):
        walk(schema['additionalProperties'], path + '{}', out)


print("# file\tversion\tschema path\tdefault (JSON). Every default of the bundled CRDs, read from the YAML by")
print("# core/scripts/list-crd-defaults.py (independent of the Java code); CrdDefaultsTest checks each one.")
with open(os.path.join(ROOT, 'index.tsv')) as index:
    for line in index:
        if line.startswith('#'):
            continue
        group, kind, file = line.rstrip('\n').split('\t')
        with open(os.path.join(ROOT, file)) as f:
            crd = yaml.safe_load(f)
        for version in crd['spec']['versions']:
            out = []
            walk(version['schema']['openAPIV3Schema'], '', out)
            for path, default in out:
                print(os.path.basename(file), version['name'], path, default, sep='\t')
