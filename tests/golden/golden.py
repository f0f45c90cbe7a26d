#!/usr/bin/env python3
"""Golden results: every answer in the repository's answer sets, scored by `interview-bot score
--batch`, must give exactly the result JSON stored in tests/data/golden/. It pins the scorer's
behaviour while its mechanism changes (speed work): a change to how results are computed keeps
them byte for byte.

  golden.py check  BINARY REPO   compare the build's results with the stored ones (ctest)
  golden.py update BINARY REPO   rewrite the stored ones (scripts/update-golden)

When content/ or a scoring rule changes on purpose, the results change with it: regenerate them
with scripts/update-golden and commit them with the change, after reading their diff.
"""
import glob
import json
import os
import subprocess
import sys

# One golden file per answer set: (name, bank directory, the lines to score).


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def dev_lines(repo):
    rows = read_jsonl(os.path.join(repo, "tests/data/dev/answers.jsonl"))
    return [{"id": r["id"], "question": r["question"], "answer": r["answer"]} for r in rows]


def follow_up_lines(repo):
    # The follow-up path: per question, its first four dev answers, each with the next one as the
    # answer to the probe.
    by_question = {}
    for r in read_jsonl(os.path.join(repo, "tests/data/dev/answers.jsonl")):
        by_question.setdefault(r["question"], []).append(r)
    lines = []
    for question in sorted(by_question):
        rows = by_question[question]
        for a, b in zip(rows[:4], rows[1:5]):
            lines.append({"id": a["id"] + "+" + b["id"], "question": question,
                          "answer": a["answer"], "follow_up": b["answer"]})
    return lines


def probe_lines(repo):
    lines = []
    for path in sorted(glob.glob(os.path.join(repo, "tests/data/probes/*.jsonl"))):
        for r in read_jsonl(path):
            lines.append({"id": "probe-%s-%s" % (r["question"], r["kind"]),
                          "question": r["question"], "answer": r["answer"]})
    return lines


def model_lines(repo):
    lines = []
    for path in sorted(glob.glob(os.path.join(repo, "content/seed/*.json"))):
        with open(path, encoding="utf-8") as f:
            q = json.load(f)
        lines.append({"id": "model-" + q["id"], "question": q["id"], "answer": q["model_answer"]})
    return lines


def mini_lines(repo):
    rows = read_jsonl(os.path.join(repo, "tests/data/mini-graded.jsonl"))
    return [{"id": r["id"], "question": r["question"], "answer": r["answer"]} for r in rows]


SETS = [
    ("dev", "content/seed", dev_lines),
    ("follow-up", "content/seed", follow_up_lines),
    ("probes", "content/seed", probe_lines),
    ("model", "content/seed", model_lines),
    ("mini", "tests/data/mini-bank", mini_lines),
]


def score(binary, repo, bank, lines):
    stdin = "".join(json.dumps(l) + "\n" for l in lines)
    proc = subprocess.run([binary, "score", "--content", os.path.join(repo, bank), "--batch", "-"],
                          input=stdin.encode("utf-8"), capture_output=True)
    if proc.returncode != 0:
        sys.exit("interview-bot score --batch failed (exit %d): %s"
                 % (proc.returncode, proc.stderr.decode("utf-8", "replace")))
    out = proc.stdout.decode("utf-8").splitlines()
    if len(out) != len(lines):
        sys.exit("expected %d results, got %d" % (len(lines), len(out)))
    return out


def first_difference(want, got, path=""):
    """The path of the first field where two JSON values differ, with both values."""
    if type(want) != type(got):
        return path or "(whole result)", want, got
    if isinstance(want, dict):
        for key in list(want) + [k for k in got if k not in want]:
            if key not in want or key not in got:
                return path + "." + key, want.get(key, "(absent)"), got.get(key, "(absent)")
            diff = first_difference(want[key], got[key], path + "." + key)
            if diff:
                return diff
        if list(want) != list(got):
            return path + " (key order)", list(want), list(got)
        return None
    if isinstance(want, list):
        for i, (w, g) in enumerate(zip(want, got)):
            diff = first_difference(w, g, "%s[%d]" % (path, i))
            if diff:
                return diff
        if len(want) != len(got):
            return path + " (length)", len(want), len(got)
        return None
    return None if want == got else (path, want, got)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("check", "update"):
        sys.exit(__doc__)
    mode, binary, repo = sys.argv[1:]
    golden_dir = os.path.join(repo, "tests/data/golden")
    failures, total = 0, 0
    for name, bank, make_lines in SETS:
        lines = make_lines(repo)
        results = score(binary, repo, bank, lines)
        path = os.path.join(golden_dir, name + ".jsonl")
        total += len(results)
        if mode == "update":
            os.makedirs(golden_dir, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("".join(r + "\n" for r in results))
            print("%s: %d results" % (path, len(results)))
            continue
        with open(path, encoding="utf-8") as f:
            stored = f.read().splitlines()
        if len(stored) != len(results):
            print("FAIL %s: %d stored results, %d answers now" % (name, len(stored), len(results)))
            failures += 1
            continue
        for line, want, got in zip(lines, stored, results):
            if want == got:
                continue
            failures += 1
            where, w, g = first_difference(json.loads(want), json.loads(got)) or (
                "(formatting)", want, got)
            print("FAIL %s: answer %s differs first at %s\n  stored: %s\n  now:    %s"
                  % (name, line["id"], where, json.dumps(w)[:300], json.dumps(g)[:300]))
            break  # the first difference of each set is enough to start from
    if mode == "check":
        if failures:
            print("\nThe results differ from tests/data/golden. A speed or refactoring change must "
                  "keep them identical. If content/ or a scoring rule changed on purpose, run "
                  "scripts/update-golden [BUILD_DIR] and commit the new golden files with it.")
            sys.exit(1)
        print("golden: %d results identical" % total)


if __name__ == "__main__":
    main()
