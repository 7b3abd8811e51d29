#!/usr/bin/env python3
"""Writes the evaluate-example fixture: gold.jsonl, pred.jsonl (byte offsets), pred_chars.jsonl (code points).

Gold spans are marked inline as [[TYPE|value]], distractors as {{KIND|value}}. Predictions are given as
(needle, type, occurrence, (dstart, dend)) with the deltas in code points, or as (from_needle, to_needle, type)
for one span covering both. Offsets are computed here, so the JSONL files never drift from the texts.

Regenerate everything (from the repository root):

    python3 tests/data/eval/make_fixture.py
    cd tests/data/eval
    python3 /work/shared/corpus/eval_spans.py gold.jsonl pred.jsonl --json expected.json > expected.txt
    python3 /work/shared/corpus/eval_spans.py gold.jsonl pred.jsonl --exclude-types ORGANIZATION --top 5 \\
        --json expected_exclude_org_top5.json > expected_exclude_org_top5.txt
    python3 /work/shared/corpus/eval_spans.py gold.jsonl pred_chars.jsonl --offsets chars \\
        --json expected_chars.json > expected_chars.txt
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
EMOJI = "🎉" * 20

# (record fields, marked-up text, predictions)
RECORDS = [
    # 1. exact matches
    ({"id": "ev-01", "style": "email"},
     "From: [[PERSON|Jane Doe]] <[[EMAIL_ADDRESS|jane.doe@example.com]]>\nCall [[PHONE_NUMBER|+1 415 555 0100]].",
     [("Jane Doe", "PERSON"), ("jane.doe@example.com", "EMAIL_ADDRESS"), ("+1 415 555 0100", "PHONE_NUMBER")]),
    # 2. overlapping but not exact boundaries; a split prediction; a duplicate
    ({"id": "ev-02", "style": "ticket"},
     "Dr. [[PERSON|Anna Berg]] called from [[PHONE_NUMBER|020 7946 0958 ext. 12]] about IBAN "
     "[[IBAN_CODE|DE89 3704 0044 0532 0130 00]].",
     [("Dr. Anna Berg", "PERSON"), ("020 7946 0958", "PHONE_NUMBER"), ("DE89 3704", "IBAN_CODE"),
      ("0044 0532 0130 00", "IBAN_CODE"), ("Anna Berg", "PERSON", 0, (0, 0)), ("Anna Berg", "PERSON")]),
    # 3. type confusions (two predicted types on one gold span), a partial miss
    ({"id": "ev-03", "style": "hr"},
     "SSN [[US_SSN|078-05-1120]], hired [[DATE_TIME|05-03-2024]], NI [[UK_NINO|AB 12 34 56 C]].",
     [("078-05-1120", "PHONE_NUMBER"), ("078-05", "US_BANK_NUMBER"), ("05-03-2024", "PHONE_NUMBER"),
      ("AB 12", "PERSON")]),
    # 4. multi-byte text: byte and code-point offsets differ (accents, emoji before the spans)
    ({"id": "ev-04", "style": "chat"},
     "😀 Grüße von [[PERSON|Jürgen Müller]] 🥳 aus [[LOCATION|München]], 📧 [[EMAIL_ADDRESS|jürgen@bücher.de]] — "
     "[[PERSON|Zoë]]!",
     [("Jürgen Müller", "PERSON"), ("München", "LOCATION"), ("jürgen@bücher.de", "EMAIL_ADDRESS"),
      ("Zoë", "LOCATION")]),
    # 5. no predictions at all; misses whose context windows cut 4-byte emoji
    ({"id": "ev-05", "style": "chat"},
     "é" + EMOJI + " [[PERSON|Łukasz Żółć]] " + EMOJI + "x [[PHONE_NUMBER|+48 601 234 567]] é" + EMOJI,
     []),
    # 6. a multi-line address covered by one prediction (finds all four pieces, one correct prediction)
    ({"id": "ev-06", "style": "address"},
     "Ship to:\n[[PERSON|Mary Roe]]\n[[LOCATION|12 Baker Street]]\n[[LOCATION|London]] [[LOCATION|NW1 6XE]]\n"
     "[[LOCATION|United Kingdom]]\nOrder {{ORDER_ID|ORD-2024-004812}}",
     [("12 Baker Street", "United Kingdom", "LOCATION"), ("Mary Roe", "PERSON")]),
    # 7. distractor hits in a log, one distractor left alone
    ({"id": "ev-07", "style": "log"},
     "{{LOG_TIMESTAMP|2024-03-05T14:22:01Z}} INFO login user=[[EMAIL_ADDRESS|bob@corp.example]] "
     "ip=[[IP_ADDRESS|203.0.113.7]] agent=Chrome/{{VERSION|120.0.0.0}} order {{ORDER_NUMBER|4111 1111 1111 1112}} "
     "req {{REQUEST_ID|req_8f3a9c2b1e4d}}",
     [("2024-03-05T14:22:01Z", "DATE_TIME"), ("bob@corp.example", "EMAIL_ADDRESS"), ("203.0.113.7", "IP_ADDRESS"),
      ("120.0.0.0", "IP_ADDRESS"), ("4111 1111 1111 1112", "CREDIT_CARD")]),
    # 8. false positives touching no PII, a type only in predictions (NRP)
    ({"id": "ev-08", "style": "forum"},
     "Hope you're well! I will ask [[PERSON|Will]] on Monday. We are French and Catholic.",
     [("Hope", "PERSON"), ("will", "PERSON"), ("French", "NRP"), ("Catholic", "NRP"), ("Monday", "DATE_TIME")]),
    # 9. a long URL (value shortened in the context), tabs and newlines in the context
    ({"id": "ev-09", "style": "email"},
     "Reset:\t[[URL|https://login.example.com/reset?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ&user=x]]"
     "\n\tThanks,\n[[PERSON|Bo Li]]\nPhoto: [[URL|https://cdn.example.org/u/8f3a9c2b/profile-photos/2024/bo-li-portrait-large.jpg?v=3]]",
     [("https://login.example.com/reset", "URL"), ("Thanks", "PERSON")]),
    # 10. no PII and no predictions
    ({"id": "ev-10", "style": "no_pii"},
     "Release 2.14.1: fixed {{HEX_HASH|3f2a9c1}} and bumped {{VERSION|v3.0.0-rc.2}}.",
     []),
    # 11. no id, a scenario instead of a style, organisations
    ({"scenario": "billing"},
     "Invoice from [[ORGANIZATION|Garcia, Soto and Cummings]] to [[PERSON|Ana Soto]] at [[ORGANIZATION|Acme Ltd]].",
     [("Garcia, Soto and Cummings", "ORGANIZATION"), ("Soto", "PERSON"), ("Acme", "ORGANIZATION"),
      ("Ana Soto", "PERSON")]),
    # 12. ties: equal-length misses (stable order), several confusions, predictions in reverse order
    ({"id": "ev-12", "style": "csv", "locale": "en_US"},
     "[[PERSON|Ann Lee]],[[PERSON|Bob Kim]],[[PERSON|Cal Fox]],[[CREDIT_CARD|4111111111111111]],"
     "[[MAC_ADDRESS|00:1a:2b:3c:4d:5e]]",
     [("00:1a:2b:3c:4d:5e", "IP_ADDRESS"), ("4111111111111111", "US_BANK_NUMBER"), ("Cal Fox", "LOCATION"),
      ("Bob Kim", "LOCATION")]),
]

MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]|\{\{([A-Z_]+)\|(.*?)\}\}")


def render(marked):
    text, spans, negs = "", [], []
    pos = 0
    for m in MARK.finditer(marked):
        text += marked[pos:m.start()]
        kind, value = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        start = len(text)
        text += value
        (spans if m.group(1) else negs).append((start, len(text), kind))
        pos = m.end()
    return text + marked[pos:], spans, negs


def main():
    gold_lines, pred_lines, char_lines = [], [], []
    for fields, marked, preds in RECORDS:
        text, spans, negs = render(marked)
        b = [0]
        for ch in text:
            b.append(b[-1] + len(ch.encode("utf-8")))

        def span(s, e, key, value):
            return {"start": b[s], "end": b[e], "char_start": s, "char_end": e, key: value}

        rec = dict(fields)
        rec["text"] = text
        rec["spans"] = [span(s, e, "entity_type", t) for s, e, t in spans]
        rec["negatives"] = [span(s, e, "kind", k) for s, e, k in negs]
        gold_lines.append(rec)
        out = []
        for p in preds:
            if len(p) == 3 and isinstance(p[2], str):
                a, z, t = p
                s, e = text.index(a), text.index(z) + len(z)
            else:
                needle, t = p[0], p[1]
                occ = p[2] if len(p) > 2 else 0
                ds, de = p[3] if len(p) > 3 else (0, 0)
                s = -1
                for _ in range(occ + 1):
                    s = text.index(needle, s + 1)
                s, e = s + ds, s + len(needle) + de
            out.append((s, e, t))
        if fields.get("id") == "ev-12":
            out.reverse()
        score = lambda i: round(0.3 + 0.05 * i, 2)
        line = {"id": fields["id"]} if "id" in fields else {}
        pred_lines.append(dict(line, spans=[{"start": b[s], "end": b[e], "entity_type": t, "score": score(i)}
                                            for i, (s, e, t) in enumerate(out)]))
        char_lines.append(dict(line, spans=[{"start": s, "end": e, "entity_type": t, "score": score(i)}
                                            for i, (s, e, t) in enumerate(out)]))
    for name, lines in (("gold.jsonl", gold_lines), ("pred.jsonl", pred_lines), ("pred_chars.jsonl", char_lines)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as fh:
            for obj in lines:
                fh.write(json.dumps(obj, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
