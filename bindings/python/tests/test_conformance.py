"""The bad-input catalogue (tests/conformance/catalogue.jsonl) run through
the Python package: every entry gives its coded error, with a short
message, and leaves the school as it was. Entries of operations the
package does not have (the plan's text) are counted apart."""

import datetime
import decimal
import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Optional

import pytest

import zhurnal

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = ROOT / "tests" / "conformance" / "catalogue.jsonl"
BASE = (ROOT / "tests" / "conformance" / "school-v1.json").read_text(encoding="utf-8")
MAX_MESSAGE = 400
MIN_ENTRIES = 80
# The operations on an input alone; `plan` has no Python API.
PARSERS = {"load", "activation_csv", "term_grades_csv"}
NOT_IN_PYTHON = {"plan"}

Args = dict[str, Any]


def entries() -> list[Args]:
    lines = CATALOGUE.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("//")]


def text_of(spec: Args) -> str:
    """The text of an input, as tests/conformance/README.md describes it."""
    if "text" in spec:
        text: str = spec["text"]
    elif spec.get("base") is True:
        text = BASE
    else:
        raise AssertionError(f"an input needs text or base: {spec}")
    for old, new in spec.get("replace", []):
        assert old in text, f"{old!r} is not in the input"
        text = text.replace(old, new, 1)
    if "repeat" in spec:
        r = spec["repeat"]
        marker = r.get("marker", "@@")
        assert marker in text
        text = text.replace(marker, r.get("text", "x") * r.get("count", 0), 1)
    if "cut_after" in spec:
        cut = spec["cut_after"]
        text = text[: text.index(cut) + len(cut)]
    return text


def bytes_of(spec: Args) -> bytes:
    if "hex" in spec:
        return bytes.fromhex(spec["hex"])
    return text_of(spec).encode("utf-8")


def actor(v: Args) -> zhurnal.Actor:
    return zhurnal.Actor(v["role"], v["id"])


def edit(a: Args) -> zhurnal.Edit:
    at = datetime.datetime.strptime(a["at"], "%Y-%m-%dT%H:%M")
    return zhurnal.Edit(actor(a["actor"]), at, a.get("reason"))


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def weight(a: Args) -> Optional[decimal.Decimal]:
    w = a.get("weight")
    return None if w is None else decimal.Decimal(w)


def consent(c: Args) -> zhurnal.Consent:
    return zhurnal.Consent(day(c["given_on"]), c["channel"], phone=c.get("phone"), email=c.get("email"))


CALLS: dict[str, Callable[[zhurnal.School, Args], object]] = {
    "record_mark": lambda s, a: s.record_mark(
        edit(a), a["lesson"], a["student"], a["value"], a["work_type"], weight(a)
    ),
    "change_mark": lambda s, a: s.change_mark(edit(a), a["mark"], a["value"], a["work_type"], weight(a)),
    "remove_mark": lambda s, a: s.remove_mark(edit(a), a["mark"]),
    "set_attendance": lambda s, a: s.set_attendance(edit(a), a["lesson"], a["student"], a.get("code")),
    "diary_week": lambda s, a: s.diary_week(actor(a["actor"]), a["student"], day(a["date"]), day(a["today"])),
    "export_for": lambda s, a: s.export_for(actor(a["actor"]), day(a["on"])),
    "submit_application": lambda s, a: s.submit_application(
        edit(a), actor(a["applicant"]), a["student"], consent(a["consent"])
    ),
    "register_application": lambda s, a: s.register_application(edit(a), a["application"], a["number"]),
    "approve_application": lambda s, a: s.approve_application(edit(a), a["application"]),
    "reject_application": lambda s, a: s.reject_application(edit(a), a["application"], a["reason"]),
    "revoke_consent": lambda s, a: s.revoke_consent(edit(a), a["application"]),
    "issue_credentials": lambda s, a: s.issue_credentials(edit(a), a["application"]),
    "reissue_credentials": lambda s, a: s.reissue_credentials(edit(a), actor(a["holder"])),
    "log_in": lambda s, a: s.log_in(a["login"], a["password"], day(a["on"])),
    "record_service_access": lambda s, a: s.record_service_access(
        edit(a), a["parent"], day(a["since"]), a["has_access"]
    ),
}


def parse(op: str, a: Args, tmp: Path) -> None:
    if op == "load":
        zhurnal.School.from_json(text_of(a["input"]))
        return
    path = tmp / f"{op}.csv"
    path.write_bytes(bytes_of(a["input"]))
    if op == "activation_csv":
        zhurnal.activation_report(path)
    else:
        zhurnal.term_grades(path)


def run(entry: Args, tmp: Path) -> Optional[str]:
    """How the entry failed its expectation, or None."""
    op, code, args = entry["op"], entry["code"], entry["args"]
    school = zhurnal.School.from_json(BASE)
    for step in entry.get("setup", []):
        CALLS[step["op"]](school, step["args"])
    before = school.to_json()
    try:
        if op in PARSERS:
            parse(op, args, tmp)
        else:
            CALLS[op](school, args)
    except zhurnal.ZhurnalError as e:
        if school.to_json() != before:
            return "the school changed"
        if e.code != code:
            return f"gave {e.code} ({e}), expected {code}"
        if len(str(e)) > MAX_MESSAGE:
            return f"a message of {len(str(e))} characters"
        return None
    return f"accepted, expected {code}"


def test_every_bad_input_gives_its_code_and_changes_nothing(tmp_path: Path) -> None:
    all_entries = entries()
    ours = [e for e in all_entries if e["op"] not in NOT_IN_PYTHON]
    assert len(ours) >= MIN_ENTRIES, f"{len(ours)} entries run in Python"
    failures = [f"{e['name']}: {why}" for e in ours if (why := run(e, tmp_path))]
    by_op = Counter(e["op"] for e in ours)
    print(f"{len(ours)} of {len(all_entries)} bad inputs held in Python, by operation: {dict(by_op)}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("op", sorted(CALLS))
def test_the_runner_knows_every_operation_the_catalogue_uses(op: str) -> None:
    used = {e["op"] for e in entries()}
    assert used <= set(CALLS) | PARSERS | NOT_IN_PYTHON, used - set(CALLS) - PARSERS - NOT_IN_PYTHON
    assert op in used, f"{op} has no entry in the catalogue"
