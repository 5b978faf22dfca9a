"""What pyxform reads in an XLSForm, summarised for Saathi's agreement test (crates/xlsform/tests/agreement.rs).

Usage: python pyxform_summary.py FORM  -> one JSON object on stdout.
"""
import json
import re
import sys

from pyxform.xls2json import parse_file_to_json

TYPES = {
    "text": "text", "string": "text", "phone number": "text",
    "integer": "integer", "int": "integer", "decimal": "decimal",
    "date": "date", "time": "time", "dateTime": "datetime", "datetime": "datetime",
    "select one": "select_one", "select_one": "select_one",
    "select all that apply": "select_multiple", "select_multiple": "select_multiple",
    "note": "note", "calculate": "calculate",
    "acknowledge": "acknowledge", "trigger": "acknowledge", "range": "range",
    "geopoint": "geopoint", "gps": "geopoint",
    "image": "image", "photo": "image", "audio": "audio", "file": "file",
}
METADATA = {"start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber",
            "username", "email", "audit", "start-geopoint", "background-audio", "imei", "hidden"}
LANGUAGES = {"english": "en", "en": "en", "bengali": "bn", "bangla": "bn", "bn": "bn",
             "hindi": "hi", "hi": "hi"}


def language(name):
    m = re.search(r"\(([^)]*)\)\s*$", name)
    key = (m.group(1) if m else name).strip().lower()
    return LANGUAGES.get(key, name)


def refs(expression):
    return re.findall(r"\$\{\s*([^}\s]+)\s*\}", expression or "")


summary = {"types": {}, "selects": {}, "groups": [], "repeats": [], "relevance": {},
           "languages": set()}
survey = parse_file_to_json(sys.argv[1])
default = survey.get("default_language", "default")


def walk(children, in_group, inherited):
    for c in children:
        kind = c.get("type")
        name = c.get("name")
        relevant = refs(c.get("bind", {}).get("relevant"))
        label = c.get("label")
        if isinstance(label, dict):
            summary["languages"].update(language(k) for k in label if label[k])
        elif label:
            summary["languages"].add("en" if default == "default" else language(default))
        if kind == "group":
            if name == "meta" and c.get("control", {}).get("bodyless"):
                continue
            summary["groups"].append(name)
            if not in_group:
                if relevant:
                    summary["relevance"][name] = sorted(set(relevant))
                walk(c.get("children", []), True, [])
            else:
                walk(c.get("children", []), True, inherited + relevant)
        elif kind == "repeat":
            summary["repeats"].append(name)
            own = inherited + relevant
            if own:
                summary["relevance"][name] = sorted(set(own))
            walk(c.get("children", []), in_group, [])
        elif kind in METADATA:
            continue
        else:
            t = TYPES.get(kind, kind)
            summary["types"][t] = summary["types"].get(t, 0) + 1
            own = inherited + relevant
            if own:
                summary["relevance"][name] = sorted(set(own))
            if t in ("select_one", "select_multiple"):
                listed = c.get("choices") or survey.get("choices", {}).get(c.get("itemset"), [])
                summary["selects"][name] = [x["name"] for x in listed]


walk(survey.get("children", []), False, [])
summary["languages"] = sorted(summary["languages"])
summary["groups"].sort()
summary["repeats"].sort()
print(json.dumps(summary, sort_keys=True))
