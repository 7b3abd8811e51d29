//! Example numbers: Ofcom's drama ranges (020 7946 0xxx is allocated and valid; 07700 900xxx is not),
//! ACMA's fictitious ranges (0491 570 xxx, 02 5550 xxxx), NANP 555-01xx, and libphonenumber's example
//! numbers for each region (`exampleNumber` in its metadata). Every "valid" one was checked with Python
//! `phonenumbers` 9.0.43 `is_valid_number`.

use super::*;

fn find_with(rec: &PhoneRecognizer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let ents = [EntityType::PHONE_NUMBER];
    rec.analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
        .unwrap();
    out.iter()
        .map(|r| text[r.start..r.end].to_string())
        .collect()
}

fn find(text: &str) -> Vec<String> {
    find_with(&phone(), text)
}

fn score(text: &str) -> f64 {
    let mut out = Vec::new();
    let ents = [EntityType::PHONE_NUMBER];
    phone()
        .analyze(text, &RecognizerContext::new(&ents, "en"), &mut out)
        .unwrap();
    assert_eq!(out.len(), 1, "{text}");
    out[0].score
}

#[test]
fn international_any_region() {
    for n in [
        "+44 20 7946 0958",
        "+44 (0)20 7946 0958",
        "+44 020 7946 0958",
        "0044 20 7946 0958",
        "+14155550187",
        "+1 (212) 555-0142",
        "+1-212-555-0142",
        "+1.212.555.0142",
        "+49 30 901820",
        "+61 491 570 156",
        "+33 1 09 75 83 51",
        "+39 06 6988 4000",
        "+91 98765 43210",
        "+27 21 123 4567",
        "+86 10 1234 5678",
        "+81 3-1234-5678",
        "+55 11 91234-5678",
        "+972 3-123-4567",
        "+800 1234 5678",
        "(+44) 20 7946 0958",
    ] {
        assert_eq!(find(n), [n], "{n}");
    }
    // Not valid: New Zealand 9 123 4567 is unallocated; the UK drama mobile range; unassigned code 999.
    for n in [
        "+64 9 123 4567",
        "+44 7700 900123",
        "+999 1234 5678",
        "+44 20 7946 095",
    ] {
        assert!(find(n).is_empty(), "{n}: {:?}", find(n));
    }
}

#[test]
fn national_default_regions() {
    for n in [
        "(212) 555-0142",
        "212-555-0142",
        "212.555.0142",
        "1-800-555-0199",
        "020 7946 0958",
        "0800 123 4567",
        "030 901820",
        "0491 570 156",
        "(02) 5550 1234",
        "1300 975 707",
        "01 09 75 83 51",
        "06 12 34 56 78",
        "612 345 678",
        "06 12345678",
        "06 6988 4000",
        "98765 43210",
        "6123 4567",
        "0711/3033252",
    ] {
        assert_eq!(find(n), [n], "{n}");
    }
    // British numbers need their trunk 0 when written nationally (7946 0958 alone is nobody's number;
    // 20 7946 0958 would be, as 207-946-0958 in Maine).
    assert!(find("7946 0958").is_empty());
    assert_eq!(find("0141 642 0737"), ["0141 642 0737"]);
    let gb = PhoneRecognizer::with_regions(&["GB"]).unwrap();
    assert!(find_with(&gb, "07700 900123").is_empty());
    assert_eq!(find_with(&gb, "07400 123456"), ["07400 123456"]);
}

#[test]
fn with_regions() {
    let de = PhoneRecognizer::with_regions(&["de"]).unwrap();
    assert_eq!(find_with(&de, "Tel. 030 901820"), ["030 901820"]);
    // A US number written nationally is not German; written internationally it is found.
    assert!(find_with(&de, "(212) 555-0142").is_empty());
    assert_eq!(find_with(&de, "+1 212 555 0142"), ["+1 212 555 0142"]);
    let err = PhoneRecognizer::with_regions(&["US", "XX"]).unwrap_err();
    assert!(err.to_string().contains("XX"));
    assert!(PhoneRecognizer::with_regions(&["001/800"]).is_err());
}

#[test]
fn extensions_inside_span() {
    for (text, want) in [
        ("call 212-555-0142 ext. 204 now", "212-555-0142 ext. 204"),
        ("212-555-0142 x204", "212-555-0142 x204"),
        ("212-555-0142 #204", "212-555-0142 #204"),
        ("+44 20 7946 0958, ext 12", "+44 20 7946 0958, ext 12"),
        ("030 901820-103", "030 901820-103"),
        ("+49 (0)30 901820-103", "+49 (0)30 901820-103"),
        ("tel:+1-212-555-0142;ext=204", "+1-212-555-0142;ext=204"),
    ] {
        assert_eq!(find(text), [want], "{text}");
    }
}

#[test]
fn span_boundaries() {
    for (text, want) in [
        ("Call +44 20 7946 0958.", "+44 20 7946 0958"),
        ("(+44 20 7946 0958)", "+44 20 7946 0958"),
        ("((212) 555-0142)", "(212) 555-0142"),
        ("<a href=\"tel:+14155550187\">", "+14155550187"),
        ("😀+14155550187😀", "+14155550187"),
        ("Tél : 01 09 75 83 51 — merci", "01 09 75 83 51"),
        ("SMS from 020 7946 0958 (17:22): hi", "020 7946 0958"),
        ("\"Phone:\\n+44 20 7946 0958\"", "+44 20 7946 0958"),
        ("a,+14155550187,b", "+14155550187"),
    ] {
        assert_eq!(find(text), [want], "{text}");
    }
    // A '(' without its ')' stays out.
    assert_eq!(find("(call 212) 555-0142"), Vec::<String>::new());
    assert_eq!(find("(020 7946 0958"), ["020 7946 0958"]);
    // Two numbers in a list.
    assert_eq!(
        find("020 7946 0958 / +1 212 555 0142"),
        ["020 7946 0958", "+1 212 555 0142"]
    );
}

#[test]
fn rejections() {
    for text in [
        // Dates and times: 05.03.2024 is a valid German number to libphonenumber.
        "on 2024-03-05 we",
        "05.03.2024",
        "03/05/2024",
        "19.02.1892",
        "14:22:01",
        // IPs, versions, SKUs, OIDs.
        "192.168.1.20",
        "4.18.2.1",
        "473.558.09",
        "1.3.6.1.4.1.9",
        // ISBN, card (Luhn-valid), SSN layout (612 34 5678 is a valid Spanish mobile), US ZIP+4.
        "ISBN 978-3-16-148410-0",
        "card 4111 1111 1111 1111",
        "SSN 612-34-5678",
        "Austin, TX 78701-4523",
        // Long runs in identifiers, order and tracking numbers, epoch seconds.
        "INV-2024-00831",
        "ORD-0207-9460958",
        "id_02079460958",
        "x02079460958y",
        "111-2233445-6677889",
        "9400 1000 0000 0000 0000 00",
        "ts=1709648521",
        // Pieces of a longer grouped number.
        "order 5651 1487 5449 6502",
        // Labelled as something else.
        "Passport: 612345678",
        "NHS No. 020 7946 0958",
        "IBAN NL91 ABNA 0417 1643 00",
    ] {
        assert!(find(text).is_empty(), "{text}: {:?}", find(text));
    }
}

#[test]
fn scores() {
    assert_eq!(score("+44 20 7946 0958"), SCORE_INTERNATIONAL);
    assert_eq!(score("0044 20 7946 0958"), SCORE_INTERNATIONAL);
    assert_eq!(score("020 7946 0958"), SCORE_NATIONAL);
    assert_eq!(score("02079460958"), SCORE_BARE);
    assert_eq!(score("02079460958 ext. 4"), SCORE_NATIONAL);
}

#[test]
fn hostile_input_does_not_panic() {
    let long = "1 ".repeat(10_000);
    for text in [
        "",
        "(",
        ")",
        "+",
        "+(",
        "(((((((1234567)))))))",
        "0000000000000000000000000000000",
        "+0000000000000",
        "((0)) (0) (0)",
        "1)2(3)4(5)6(7",
        "é1234567é",
        "\u{a0}020\u{a0}7946\u{a0}0958\u{a0}",
        long.as_str(),
    ] {
        let _ = find(text);
    }
    assert_eq!(
        find("\u{a0}020\u{a0}7946\u{a0}0958\u{a0}"),
        ["020\u{a0}7946\u{a0}0958"]
    );
}

/// `next_run` finds exactly the matches of the regex it replaces, on random strings of digits, separators
/// and other characters.
#[test]
fn runs_match_the_regex() {
    let re = Regex::new(r"[+(]{0,2}[0-9](?:[ \x{a0}\-./()]{0,3}[0-9])*\)?").unwrap();
    let alphabet: Vec<char> = "0123456789 +()-./\u{a0}a\u{e9}\n".chars().collect();
    let mut rng = crate::test_rng::XorShift::new(0x9E37_79B9_7F4A_7C15);
    let mut next = || rng.next_u64();
    let mut texts: Vec<String> = [
        "",
        "+44 (0)20 7946 0958",
        "(+(5",
        "+++5",
        "1 - - - 2",
        "1 - - 2)",
        "12\u{a0}\u{a0}\u{a0}34",
        "call 555-0142 or (212) 555-0142.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        texts.push(
            (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect(),
        );
    }
    for text in &texts {
        let expected: Vec<(usize, usize, usize)> = re
            .find_iter(text)
            .map(|m| {
                let digits = m.as_str().bytes().filter(u8::is_ascii_digit).count();
                (m.start(), m.end(), digits)
            })
            .collect();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(run) = next_run(text, at) {
            found.push(run);
            at = run.1;
        }
        assert_eq!(found, expected, "{text:?}");
    }
}

/// `scan_segment` skips windows starting after a bare space or a tight join, and windows of fewer than
/// seven digits: `window` rejects every one of them, on random runs of digit groups and separators.
#[test]
fn skipped_windows_are_rejected() {
    let pieces: &[&str] = &[
        "0", "1", "00", "020", "7946", "0958", "212", "555", "0142", "44", "+", "(", ")", " ", "-",
        ".", "/", "  ", " - ", ") ", "\u{a0}", "x", "ext. 2", ", ", "30", "901820", "49", "0491",
        "570", "156", "1234", "5678",
    ];
    let mut rng = crate::test_rng::XorShift::new(0x2545_F491_4F6C_DD1D);
    let mut next = || rng.next_u64();
    let rec = phone();
    let (mut groups, mut joins, mut found) = (Vec::new(), Vec::new(), Vec::new());
    let (mut checked, mut accepted) = (0, 0);
    for _ in 0..20_000 {
        let n = 1 + next() % 14;
        let text: String = (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        let mut at = 0;
        while let Some((start, end, _)) = next_run(&text, at) {
            at = end;
            rec.scan_run(&text, (start, end), &mut groups, &mut joins, &mut found);
            // The segments, as `scan_run` splits the run.
            let mut seg = 0;
            for k in 1..=groups.len() {
                if k < groups.len() && joins[k - 1] != Join::Break {
                    continue;
                }
                let (g, jn) = (&groups[seg..k], &joins[seg..k - 1]);
                for i in 0..g.len() {
                    let left = i > 0
                        && (jn[i - 1] == Join::Space
                            || matches!(jn[i - 1], Join::Tight(p) if p != b'('));
                    let mut digits = 0;
                    for j in i..g.len() {
                        digits += g[j].end - g[j].start;
                        let window = rec.window(&text, (start, end), g, jn, i, j);
                        accepted += usize::from(window.is_some());
                        if left || digits < 7 {
                            checked += 1;
                            assert!(window.is_none(), "{text:?} {i} {j}");
                        }
                    }
                }
                seg = k;
            }
        }
    }
    assert!(checked > 10_000 && accepted > 1_000, "{checked} {accepted}");
}

/// `extension_end` finds exactly what the extension regex finds at the start of random tails of
/// separators, labels, digits and other characters; and no character outside ASCII folds to a label's
/// first letter, which its byte test relies on.
#[test]
fn extension_prefilter_matches_the_regex() {
    let first = Regex::new(r"^(?i:[expdati])$").unwrap();
    for c in (0x80..=0x10_FFFFu32).filter_map(char::from_u32) {
        assert!(!first.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
    }
    let pieces: &[&str] = &[
        " ",
        "\u{a0}",
        ",",
        ";",
        ";ext=",
        "ext",
        "EXT",
        "Ext.",
        "extension",
        "extn",
        "x",
        "X",
        "#",
        "poste",
        "Durchwahl",
        "apparat",
        "toestel",
        "interno",
        "\u{17f}",
        "\u{212a}",
        ":",
        ".",
        "1",
        "204",
        "a",
        "e",
        "q",
        "\n",
        "-",
        "é",
    ];
    let mut rng = crate::test_rng::XorShift::new(0x5DEE_CE66_D1CE_4E5B);
    let (mut found, mut total) = (0, 0);
    for _ in 0..50_000 {
        let text = rng.text(pieces, 7);
        let expected = EXTENSION.find(&text).map(|m| m.end());
        assert_eq!(extension_end(text.as_bytes(), &text), expected, "{text:?}");
        found += usize::from(expected.is_some());
        total += 1;
    }
    assert!(found > 1_000 && found < total, "{found} {total}");
}

/// `labelled_as_other` reads the same words and finds the same labels as the character-wise reading, on
/// generated prefixes of labels, number words, separators and non-ASCII letters and marks (also where
/// the 40-byte window cuts a word or a character).
#[test]
fn labels_read_in_place_match_the_char_reading() {
    let pieces: &[&str] = &[
        "account",
        "ACCT",
        "Order",
        "iban",
        "rechnungsnummer",
        "ref",
        "number",
        "No",
        "nr",
        "numéro",
        "número",
        "NUMERO",
        "value",
        "phone",
        "call",
        " ",
        ": ",
        ". ",
        "#",
        "\u{a0}",
        "\u{2014}",
        "é",
        "ß",
        "x",
        "1",
        "_",
        "(",
        "\n",
        "xxxxxxxxxxxxxxxxxxxxxxx",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];
    // Every label and number word, upper-cased, and cut or lengthened by a letter (near misses).
    let mut words: Vec<String> = Vec::new();
    for w in OTHER_LABELS.iter().chain(NUMBER_WORDS) {
        words.push(w.to_string());
        words.push(w.to_uppercase());
        let mut cut = w.to_string();
        cut.pop();
        words.push(cut);
        words.push(format!("{w}s"));
    }
    let mut all: Vec<&str> = pieces.to_vec();
    all.extend(words.iter().map(String::as_str));
    let mut rng = crate::test_rng::XorShift::new(0x0DDB_1A5E_5BAD_5EED);
    // Each word alone before a number, then random texts of pieces.
    for w in &words {
        for sep in [" ", ": ", " no. ", " number "] {
            let text = format!("{w}{sep}020 7946 0958");
            let start = text.len() - "020 7946 0958".len();
            let expected = labelled_as_other_by_chars(&text, start);
            assert_eq!(labelled_as_other(&text, start), expected, "{text:?}");
        }
    }
    let (mut labelled, mut total) = (0, 0);
    for _ in 0..50_000 {
        let text = if total % 2 == 0 {
            rng.text(pieces, 8)
        } else {
            rng.text(&all, 4)
        };
        let start = text.len();
        let text = format!("{text}020 7946 0958");
        let expected = labelled_as_other_by_chars(&text, start);
        assert_eq!(labelled_as_other(&text, start), expected, "{text:?}");
        labelled += usize::from(expected);
        total += 1;
    }
    assert!(labelled > 1_000 && labelled < total, "{labelled} {total}");
}

/// `classify` on bytes joins as `classify_chars` on characters, on random separators of spaces,
/// no-break spaces, punctuation, parentheses and other characters.
#[test]
fn classify_bytes_match_chars() {
    let alphabet: Vec<char> = " \u{a0}-./()x\u{e9}\u{c2}\u{2014}".chars().collect();
    let mut rng = crate::test_rng::XorShift::new(0xA076_1D64_78BD_642F);
    let mut kinds = std::collections::HashSet::new();
    for _ in 0..50_000 {
        let len = rng.below(6);
        let sep: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let expected = classify_chars(&sep);
        assert_eq!(classify(sep.as_bytes()), expected, "{sep:?}");
        kinds.insert(format!("{expected:?}"));
    }
    assert!(kinds.len() >= 7, "{kinds:?}");
}

/// The runs read from the digit-bearing words are the runs `next_run` finds in the bytes, with the same
/// digit counts and groups, on generated texts of digits, separators (also four in a row and no-break
/// spaces), leading `+` and `(`, letters glued to digits, `_` and non-ASCII characters.
#[test]
fn runs_from_words_match_the_byte_scan() {
    let pieces: &[&str] = &[
        "0",
        "1",
        "7",
        "42",
        "2079",
        "4915104177683",
        " ",
        "  ",
        "    ",
        "-",
        ".",
        "/",
        "(",
        ")",
        "+",
        "++",
        "(+",
        "\u{a0}",
        "\u{a0}\u{a0}\u{a0}",
        "x",
        "ab",
        "_",
        "é",
        "€",
        ", ",
        "\n",
        "#",
        ":",
    ];
    let mut rng = crate::test_rng::XorShift::new(0x5851_F42D_4C95_7F2D);
    let (mut long_runs, mut total) = (0, 0);
    let mut groups = Vec::new();
    for _ in 0..30_000 {
        let text = rng.text(pieces, 24);
        let words = DigitWords::of(&text);
        assert!(words.exact);
        let mut by_words = Vec::new();
        runs_from_words(&text, &words, &mut groups, |run, digits, groups| {
            let groups: Vec<(usize, usize)> = groups.iter().map(|g| (g.start, g.end)).collect();
            by_words.push((run, digits, groups));
        });
        let mut by_bytes = Vec::new();
        let mut at = 0;
        while let Some((start, end, digits)) = next_run(&text, at) {
            let groups: Vec<(usize, usize)> = (start..end)
                .filter(|&i| {
                    text.as_bytes()[i].is_ascii_digit()
                        && (i == start || !text.as_bytes()[i - 1].is_ascii_digit())
                })
                .map(|i| {
                    let len = text.as_bytes()[i..end]
                        .iter()
                        .take_while(|b| b.is_ascii_digit())
                        .count();
                    (i, i + len)
                })
                .collect();
            by_bytes.push(((start, end), digits, groups));
            at = end;
        }
        assert_eq!(by_words, by_bytes, "{text:?}");
        long_runs += by_bytes.iter().filter(|r| r.1 >= 7).count();
        total += by_bytes.len();
    }
    assert!(long_runs > 10_000 && total > 40_000, "{long_runs} {total}");
}
