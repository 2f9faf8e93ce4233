#!/usr/bin/env python3
"""Writes src/RegenClinic.Web/Resources/<Feature>Text(.nl).resx from tools/text/*.py.
Each of those files is one feature's UI text (FEATURE, TEXT); edit it and run `python3 tools/resx.py`."""
import glob, html, importlib.util, os

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "RegenClinic.Web", "Resources")
for path in sorted(glob.glob(os.path.join(here, "text", "*.py"))):
    spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folded = {}
    for key in module.TEXT:
        if key.lower() in folded:
            raise SystemExit(f"{path}: keys '{folded[key.lower()]}' and '{key}' differ only by case; resource names are case-insensitive")
        folded[key.lower()] = key
    for suffix, pick in (("", 0), (".nl", 1)):
        rows = []
        for key, value in sorted(module.TEXT.items()):
            text = value[pick] if isinstance(value, tuple) else (key if pick == 0 else value)
            rows.append(f'  <data name="{html.escape(key)}" xml:space="preserve"><value>{html.escape(text, quote=False)}</value></data>\n')
        with open(os.path.join(out, f"{module.FEATURE}{suffix}.resx"), "w", encoding="utf-8") as f:
            f.write(HEAD + "".join(rows) + "</root>\n")
print("resx written")
