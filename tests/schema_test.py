#!/usr/bin/env python3
"""Checks content/schema/*.schema.json against the seed bank.

Usage: tests/schema_test.py [REPO_ROOT]   (default: the parent of this script's directory)

Every content/seed/*.json must validate (bank.json against bank.schema.json, every other file
against question.schema.json), and mutated copies of a seed question / bank.json must be rejected
for the expected reason. Needs python3-jsonschema (scripts/install-deps test). Exits non-zero on
any problem.
"""

import copy
import json
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    sys.exit("schema_test: the python module 'jsonschema' is missing; "
             "install python3-jsonschema (scripts/install-deps test)")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
    return f"{where}: {error.message}"


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    schema_dir = root / "content" / "schema"
    seed_dir = root / "content" / "seed"
    passed, failures = 0, []

    def check(name, ok, detail=""):
        nonlocal passed
        if ok:
            passed += 1
            print(f"ok    {name}")
        else:
            failures.append(name)
            print(f"FAIL  {name}" + (f"\n      {detail}" if detail else ""))

    validators = {}
    for kind in ("question", "bank"):
        path = schema_dir / f"{kind}.schema.json"
        try:
            schema = load_json(path)
            jsonschema.Draft202012Validator.check_schema(schema)
        except (OSError, ValueError, jsonschema.SchemaError) as e:
            check(f"{path.name} is a valid draft 2020-12 schema", False, str(e).splitlines()[0])
            continue
        check(f"{path.name} is a valid draft 2020-12 schema", True)
        validators[kind] = jsonschema.Draft202012Validator(schema)
    if len(validators) != 2:
        print(f"{passed} passed, {len(failures)} failed")
        return 1

    def errors(kind, instance):
        return sorted(validators[kind].iter_errors(instance), key=lambda e: list(e.absolute_path))

    # 1. Every seed file validates.
    files = sorted(seed_dir.glob("*.json"))
    questions = [f for f in files if f.name != "bank.json"]
    check(f"{seed_dir} holds question files", bool(questions), "no *.json question files found")
    for path in files:
        kind = "bank" if path.name == "bank.json" else "question"
        try:
            errs = errors(kind, load_json(path))
        except (OSError, ValueError) as e:
            check(f"seed/{path.name} validates", False, f"cannot read: {e}")
            continue
        check(f"seed/{path.name} validates against {kind}.schema.json", not errs,
              "\n      ".join(describe(e) for e in errs))

    # 2. Mutated copies must be rejected, with an error at the expected place.
    def mutation(kind, name, base, mutate, path, keyword):
        doc = copy.deepcopy(base)
        mutate(doc)
        errs = errors(kind, doc)
        hit = any(list(e.absolute_path) == path and e.validator == keyword for e in errs)
        if hit:
            check(f"rejects {name}", True)
        elif errs:
            check(f"rejects {name}", False,
                  f"expected a '{keyword}' error at /{'/'.join(map(str, path))}, got: "
                  + "; ".join(describe(e) for e in errs))
        else:
            check(f"rejects {name}", False, "the mutated document validates")

    def accepts(kind, name, base, mutate):
        doc = copy.deepcopy(base)
        mutate(doc)
        errs = errors(kind, doc)
        check(f"accepts {name}", not errs, "; ".join(describe(e) for e in errs))

    if questions:
        q = load_json(questions[0])
        print(f"(mutating {questions[0].name})")
        Q = "question"
        mutation(Q, "a question without title", q, lambda d: d.pop("title"), [], "required")
        mutation(Q, "a concept weight of 7", q,
                 lambda d: d["rubric"]["concepts"][0].__setitem__("weight", 7),
                 ["rubric", "concepts", 0, "weight"], "maximum")
        mutation(Q, "an unknown top-level field", q, lambda d: d.__setitem__("colour", "blue"),
                 [], "additionalProperties")
        mutation(Q, "a non-kebab-case id", q, lambda d: d.__setitem__("id", "Payment_Race"),
                 ["id"], "pattern")
        mutation(Q, "an id with a double hyphen", q, lambda d: d.__setitem__("id", "a--b"),
                 ["id"], "pattern")
        mutation(Q, "number 0", q, lambda d: d.__setitem__("number", 0), ["number"], "minimum")
        mutation(Q, "a blank title", q, lambda d: d.__setitem__("title", " \n"), ["title"],
                 "pattern")
        mutation(Q, "time_limit_minutes 241", q, lambda d: d.__setitem__("time_limit_minutes", 241),
                 ["time_limit_minutes"], "maximum")
        mutation(Q, "reference_score 10.5", q, lambda d: d.__setitem__("reference_score", 10.5),
                 ["reference_score"], "maximum")
        mutation(Q, "rubric version 1.0", q, lambda d: d["rubric"].__setitem__("version", "1.0"),
                 ["rubric", "version"], "pattern")
        mutation(Q, "an empty concept pattern list", q,
                 lambda d: d["rubric"]["concepts"][0].__setitem__("patterns", []),
                 ["rubric", "concepts", 0, "patterns"], "minItems")
        mutation(Q, "an unknown field in a framework step", q,
                 lambda d: d["framework"]["steps"][0].__setitem__("probe", "x"),
                 ["framework", "steps", 0], "additionalProperties")
        mutation(Q, "a question without rubric or model_answer", q,
                 lambda d: (d.pop("rubric"), d.pop("model_answer")), [], "required")
        mutation(Q, "a hand-written rubric without a framework", q, lambda d: d.pop("framework"),
                 [], "required")
        mutation(Q, "an id of 81 characters", q, lambda d: d.__setitem__("id", "a" * 81),
                 ["id"], "maxLength")
        accepts(Q, "a question with only a model answer (its rubric is derived)", q,
                lambda d: [d.pop(k) for k in ("rubric", "tests", "framework", "scenario",
                                              "difficulty", "role", "level", "reference_score",
                                              "score_rationale", "company_examples",
                                              "constraints") if k in d])
        accepts(Q, "time_limit_minutes 240 and key_terms", q,
                lambda d: d.update(time_limit_minutes=240, key_terms=["outbox"]))
        if q.get("rubric", {}).get("red_flags"):
            mutation(Q, "a red-flag penalty of 6", q,
                     lambda d: d["rubric"]["red_flags"][0].__setitem__("penalty", 6),
                     ["rubric", "red_flags", 0, "penalty"], "maximum")

    # bank.json: the seed bank has none, so check the documented example and mutations of it.
    bank = {
        "$schema": "../schema/bank.schema.json",
        "name": "Senior full-stack (seed)",
        "description": "The 15 questions interview-bot was created from.",
        "synonyms": [["idempotency key", "dedup key", "request id"]],
    }
    accepts("bank", "the documented bank.json example", bank, lambda d: None)
    mutation("bank", "a synonym group of one term", bank,
             lambda d: d["synonyms"].append(["alone"]), ["synonyms", 1], "minItems")
    mutation("bank", "an unknown field in bank.json", bank, lambda d: d.__setitem__("owner", "x"),
             [], "additionalProperties")
    accepts("bank", "answer_style short", bank, lambda d: d.__setitem__("answer_style", "short"))
    mutation("bank", "answer_style long", bank, lambda d: d.__setitem__("answer_style", "long"),
             ["answer_style"], "enum")

    print(f"{passed} passed, {len(failures)} failed")
    if failures:
        print("schema_test: FAILED: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
