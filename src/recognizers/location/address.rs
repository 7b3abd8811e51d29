//! Address grammar: street lines by structure, then the city, region and postcode around them.
//!
//! A street line is a house number and capitalised words ending in a street type (`221B Baker Street`,
//! `4133 Peter Mountains Apt. 641`), a glued German or Dutch type and a number (`Herrmannstraße 14`), a
//! leading Romance type, a name and a number (`Canale Solari, 35`, `Calle Mayor 3 Piso 2`), or a French
//! `23, boulevard de Faivre`. Around it: `City, ST 12345`, `City NSW 2000`, `City LN6Y 3TG`,
//! `City - 560001`, `12345 City`, `00184 Roma (RM)`. A postcode or region next to a city-shaped word
//! makes that word a city even when no gazetteer knows it (invented or small towns).

use super::lexicon::Lex;
use std::sync::LazyLock;

use super::tokens::{Kind, Suffixes, Tok, is_all_caps, is_cap, is_lower, one_of};
use super::words::*;
use super::{Found, Part};

/// Scores: a full structure (number + type, or postcode + city) is strong evidence.
const STREET: f64 = 0.85;
const CITY_WITH_CODE: f64 = 0.85;
const CODE_WITH_CITY: f64 = 0.85;
const CITY_AFTER_STREET: f64 = 0.7;
const STATE_IN_PARENS: f64 = 0.5;

/// [`GLUED_TYPES`] indexed by last byte.
static GLUED: LazyLock<Suffixes> = LazyLock::new(|| Suffixes::new(GLUED_TYPES));

pub(super) struct Grammar<'a> {
    text: &'a str,
    toks: &'a [Tok],
    out: &'a mut Vec<Found>,
    /// Token index just past the last street found, and its line number.
    last_street_end: Option<usize>,
}

impl<'a> Grammar<'a> {
    pub(super) fn new(text: &'a str, toks: &'a [Tok], out: &'a mut Vec<Found>) -> Self {
        Grammar {
            text,
            toks,
            out,
            last_street_end: None,
        }
    }

    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Whether token `i` starts with an upper-case letter (false past either end).
    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// The lists token `i` is on (none past either end).
    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::NONE, |t| t.lex)
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        // Bytes compared directly: a token's range is always on character boundaries.
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Punct && self.text.as_bytes().get(t.start..t.end) == Some(p.as_bytes())
        })
    }

    /// Token `i` follows the previous one after a space on the same line.
    fn spaced(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.space_before)
    }

    /// Token `i` directly follows the previous one (no space).
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn push(&mut self, from: usize, to: usize, score: f64, part: Part) {
        if let (Some(a), Some(b)) = (self.toks.get(from), self.toks.get(to)) {
            if a.start < b.end {
                self.out.push(Found {
                    start: a.start,
                    end: b.end,
                    score,
                    part,
                });
            }
        }
    }

    /// A segment boundary: start or end of text, a line break, or separating punctuation.
    fn boundary_at(&self, i: usize) -> bool {
        match self.toks.get(i) {
            None => true,
            Some(t) => match t.kind {
                Kind::Newline => true,
                Kind::Punct => {
                    matches!(
                        t.text(self.text),
                        "," | ";"
                            | "."
                            | ":"
                            | "("
                            | ")"
                            | "\""
                            | "'"
                            | "“"
                            | "”"
                            | "·"
                            | "|"
                            | "<"
                            | ">"
                            | "["
                            | "]"
                            | "{"
                            | "}"
                            | "!"
                            | "?"
                            | "\\\""
                            | "•"
                            | "/"
                            | "–"
                            | "—"
                    ) || (t.text(self.text) == "-" && t.space_before)
                }
                _ => false,
            },
        }
    }

    fn boundary_before(&self, i: usize) -> bool {
        i == 0
            || self.boundary_at(i - 1)
            || self
                .toks
                .get(i)
                .is_some_and(|t| t.space_before && self.w(i - 1) == "\t")
    }

    /// Finds every street, city, region and postcode; `caps` and `nums` are the indices of the
    /// capitalised word tokens and of the number tokens, in order, and `marked` those of the word
    /// tokens [`tokenize_marked`](super::tokens::tokenize_marked) lists (among them every word on a
    /// [`Lex::STREET_START`] list).
    pub(super) fn run(&mut self, caps: &[usize], nums: &[usize], marked: &[usize]) {
        self.streets(nums, marked);
        self.regions_and_postcodes(caps, nums);
    }

    /// Every street, from left to right, resuming after each one found. A street starts on a number, on a
    /// word on a [`Lex::STREET_START`] list, or on a word before a number or before a dot and a number
    /// ([`Self::word_may_start_street`]); on no other token can [`Self::street_at`] find one, so only
    /// those tokens are tried, in order, from the number and marked-word indices.
    fn streets(&mut self, nums: &[usize], marked: &[usize]) {
        // Tokens before `next` are inside a street found, or tried already.
        let mut next = 0;
        let mut try_at = |g: &mut Self, i: usize| {
            if i < next {
                return;
            }
            next = i + 1;
            if g.number_starts_no_street(i) {
                return;
            }
            if let Some(end) = g.street_at(i) {
                g.after_street(end);
                next = end + 1;
            }
        };
        let mut m = marked
            .iter()
            .copied()
            .filter(|&i| self.toks[i].lex.has(Lex::STREET_START))
            .peekable();
        for &d in nums {
            // The words a number can start a street from: the word before it, or before a dot before it.
            let dot_word = d >= 2 && self.is_punct(d - 1, ".") && self.is_word(d - 2);
            let word = d >= 1 && self.is_word(d - 1);
            let first = if dot_word {
                d - 2
            } else if word {
                d - 1
            } else {
                d
            };
            while let Some(w) = m.next_if(|&w| w < first) {
                try_at(self, w);
            }
            if dot_word {
                try_at(self, d - 2);
            }
            if word {
                try_at(self, d - 1);
            }
            try_at(self, d);
        }
        for w in m {
            try_at(self, w);
        }
    }

    /// Regions and postcodes, after the streets.
    fn regions_and_postcodes(&mut self, caps: &[usize], nums: &[usize]) {
        // Regions and UK or Canadian postcodes start on a word; other postcodes on a number.
        // Each is tried only on tokens of the length it needs (the gates the functions open with).
        // Region codes are listed in ASCII capitals and UK and Canadian postcodes start with one, so
        // only capitalised words (`caps`) can start either; the others start on numbers (`nums`).
        // Both lists are walked together, in token order.
        let bytes = self.text.as_bytes();
        let (mut a, mut b) = (0, 0);
        loop {
            let i = match (caps.get(a), nums.get(b)) {
                (Some(&c), Some(&d)) if c < d => {
                    a += 1;
                    c
                }
                (_, Some(&d)) => {
                    b += 1;
                    d
                }
                (Some(&c), None) => {
                    a += 1;
                    c
                }
                (None, None) => break,
            };
            let Some(&t) = self.toks.get(i) else { break };
            let len = t.end - t.start;
            match t.kind {
                Kind::Word => {
                    if (2..=3).contains(&len) {
                        self.region_code_at(i);
                    }
                    // A UK postcode's outward part before a number, or a three-letter Canadian half.
                    if bytes[t.start].is_ascii_uppercase()
                        && (len == 3 || (self.is_num(i + 1) && self.spaced(i + 1)))
                    {
                        self.uk_postcode_at(i);
                    }
                }
                Kind::Num => {
                    if (4..=6).contains(&len) {
                        self.postcode_city_at(i);
                    }
                    if len == 6 {
                        self.indian_pin_at(i);
                    }
                }
                Kind::Punct | Kind::Newline => {}
            }
        }
    }

    // ----- street lines -----

    /// A street starting at token `i`; returns its last token index and records it.
    fn street_at(&mut self, i: usize) -> Option<usize> {
        // The same order as written for either kind of first token, skipping the shapes that cannot
        // start on it.
        let (start, end) = if self.is_num(i) {
            // A number starts a numbered or French street only as a house number (numbers are on no
            // word list, so `french_street` needs one too).
            // Both need a spaced word after the number (and a glued comma): the street name or the
            // French type. A number starts an Indian house number only with a `/` in it.
            let mut j = i + 1;
            if self.is_punct(j, ",") && self.glued(j) {
                j += 1;
            }
            let slash = || self.w(i).bytes().any(|b| b == b'/');
            if self.is_word(j) && self.spaced(j) && self.house_number(i) {
                self.numbered_street_after(i)
                    .or_else(|| self.french_street_at(i, true))
                    .or_else(|| if slash() { self.indian_house(i) } else { None })?
            } else if slash() {
                self.indian_house(i)?
            } else {
                return None;
            }
        } else if self.word_may_start_street(i) {
            self.unit_then_street(i)
                .or_else(|| self.glued_street(i))
                .or_else(|| self.leading_type_street(i))
                // A word is no house number.
                .or_else(|| self.french_street_at(i, false))
                .or_else(|| self.indian_house(i))?
        } else {
            return None;
        };
        let end = self.unit_suffix(end);
        self.push(start, end, STREET, Part::Street);
        self.last_street_end = Some(end);
        Some(end)
    }

    /// Whether token `i` is a number on which [`Self::street_at`] finds nothing for want of a spaced
    /// word after it (maybe after a glued comma): every street starting on a number needs one (the
    /// name or type after a house number, and the name after `99/773,` of an Indian house number).
    /// Inlined, unlike `street_at`, since most numbers fail it.
    #[inline]
    fn number_starts_no_street(&self, i: usize) -> bool {
        if !self.is_num(i) {
            return false;
        }
        let mut j = i + 1;
        if self.is_punct(j, ",") && self.glued(j) {
            j += 1;
        }
        !(self.is_word(j) && self.spaced(j))
    }

    /// Whether word `i` can start a street: a unit (`Flat`), a leading or French street type (`Via`,
    /// `rue`), or a word before a number or a dot (`Herrmannstraße 14`, `Sagerstr. 5`, `C. Eli`, `H.No.`).
    fn word_may_start_street(&self, i: usize) -> bool {
        // Before a dot without a number after it, only the abbreviations `C.`, `Avda.`, `H.` (of
        // `leading_type_street` and `indian_house`) can start one.
        self.lex(i)
            .has(Lex::UNIT_BEFORE | Lex::LEADING_TYPE | Lex::FR_TYPE)
            || self.is_num(i + 1)
            || (self.is_punct(i + 1, ".") && (self.w(i).len() <= 4 || self.is_num(i + 2)))
    }

    /// A house number: digits, maybe a letter or `/`/`-` parts (`221B`, `8/80`, `7-6`), at most 8 chars.
    fn house_number(&self, i: usize) -> bool {
        if !self.is_num(i) {
            return false;
        }
        let w = self.w(i);
        !(w == "0" && self.wide_gap_after(i))
            && w.len() <= 8
            && w.bytes().filter(u8::is_ascii_alphabetic).count() <= 1
            && !w.as_bytes().windows(2).any(|p| p == b"--")
    }

    /// Two or more spaces after token `i` (aligned table columns, not an address).
    fn wide_gap_after(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.end..b.start).is_some_and(|g| g.len() >= 2),
            _ => false,
        }
    }

    /// Capitalised name words from `i` on the same line, each after a space, up to `max`; lower-case
    /// particles allowed inside. Returns the index of the last word, if any.
    fn name_words(&self, i: usize, max: usize) -> Option<usize> {
        let mut last = None;
        let mut j = i;
        let mut count = 0;
        while count < max && self.is_word(j) && (j == i || self.spaced(j)) {
            let w = self.w(j);
            if is_cap(w) {
                last = Some(j);
            } else if !self.lex(j).has(Lex::PARTICLE) {
                break;
            }
            count += 1;
            j += 1;
        }
        last
    }

    /// `NUM Cap… Type` (English layouts); also `NUM, Cap… Type` (`960, Edwin Nagar`).
    fn numbered_street(&self, i: usize) -> Option<(usize, usize)> {
        if !self.house_number(i) {
            return None;
        }
        self.numbered_street_after(i)
    }

    /// [`Self::numbered_street`] at a token known to be a house number.
    fn numbered_street_after(&self, i: usize) -> Option<(usize, usize)> {
        if self.is_punct(i.wrapping_sub(1), "$") {
            return None;
        }
        let mut j = i + 1;
        if self.is_punct(j, ",") && self.glued(j) {
            j += 1;
        }
        if !self.spaced(j) {
            return None;
        }
        // Capitalised words; the last street type among them ends the street.
        let mut end = None;
        let mut k = j;
        let mut words = 0;
        while words < 6 && self.is_word(k) && (k == j || self.spaced(k)) {
            let w = self.w(k);
            if !(is_cap(w) || (words > 0 && one_of(w, &["de", "of", "the", "la", "le"]))) {
                break;
            }
            if words > 0 && self.lex(k).has(Lex::EN_TYPE) {
                end = Some(k);
            }
            words += 1;
            k += 1;
        }
        let end = end?;
        // `Right Of Way` and similar: a type word followed by more capitalised words that end in a type
        // was handled by taking the last type. A type directly after the number (`5 Street`) is not a street.
        Some((i, end))
    }

    /// `Flat 60, Paula Court`, `Suite 217 301 Dixon Trunkway`, `Studio 11n, Parker Brooks`, `Flat 65` alone
    /// on its line.
    fn unit_then_street(&self, i: usize) -> Option<(usize, usize)> {
        if !self.lex(i).has(Lex::UNIT_BEFORE) || !self.cap(i) {
            return None;
        }
        let mut j = i + 1;
        if self.is_punct(j, ".") && self.glued(j) {
            j += 1;
        }
        if !self.is_num(j) || !self.spaced(j) || self.w(j).len() > 6 {
            return None;
        }
        let unit_end = j;
        let mut k = j + 1;
        if self.is_punct(k, ",") && self.glued(k) {
            k += 1;
        }
        if let Some((_, e)) = self.numbered_street(k) {
            return Some((i, e));
        }
        if self.spaced(k) && self.is_word(k) {
            if let Some(last) = self.name_words(k, 5) {
                if last > k && self.lex(last).has(Lex::EN_TYPE) {
                    return Some((i, last));
                }
                // `Flat 58Y, Adam Land,`: a UK flat, then the street name up to the next comma or line.
                let flat = one_of(self.w(i), &["flat", "studio", "apartment"]) && k > unit_end + 1;
                if flat && last > k && (self.is_punct(last + 1, ",") || self.boundary_at(last + 1))
                {
                    return Some((i, last));
                }
            }
        }
        // `Flat 65` alone on a line of an address block.
        let line_start = i == 0
            || self.kind(i - 1) == Some(Kind::Newline)
            || (self.is_punct(i - 1, "\"")
                && (i == 1 || matches!(self.w(i - 2), "," | ";" | "\n")));
        let line_end = matches!(self.kind(unit_end + 1), None | Some(Kind::Newline));
        if line_start && line_end && one_of(self.w(i), &["flat", "studio", "unit", "apartment"]) {
            return Some((i, unit_end));
        }
        None
    }

    /// `Herrmannstraße 14`, `Olga-Hellwig-Straße 157`, `Sagerstr. 5`, `Lukasstraat 7`, `SAARRING 97`.
    fn glued_street(&self, i: usize) -> Option<(usize, usize)> {
        if !self.is_word(i) {
            return None;
        }
        // Cheap gate: a house number must follow (`Sagerstr. 5` has a dot between).
        if !(self.is_num(i + 1) || (self.is_punct(i + 1, ".") && self.is_num(i + 2))) {
            return None;
        }
        let w = self.w(i);
        let suffix = GLUED.find(w, 2)?;
        // Lower case (`elisabaan 58` in a chat) only for endings no English word has.
        if !(is_cap(w) || (is_lower(w) && one_of(suffix, LOWER_OK_TYPES))) {
            return None;
        }
        let mut j = i + 1;
        if suffix == "str" {
            if !(self.is_punct(j, ".") && self.glued(j)) {
                return None;
            }
            j += 1;
        }
        if !(self.house_number(j) && self.spaced(j)) || self.w(j).len() > 7 {
            return None;
        }
        // Capitalised words before a hyphenated type belong to the name (`Ambrose-Grein Groth-Allee`).
        let mut start = i;
        if w.contains('-') || is_all_caps(w) {
            while start > 0
                && self.is_word(start - 1)
                && self.spaced(start)
                && self.cap(start - 1)
                && self.w(start - 1).contains('-')
                && start + 2 > i
            {
                start -= 1;
            }
        }
        Some((start, j))
    }

    /// `Canale Solari, 35`, `Via Visintini, 72 Piano 6`, `Alameda de Florentino Manzano 7 Puerta 4`,
    /// `C. Eli Campos 91`.
    fn leading_type_street(&self, i: usize) -> Option<(usize, usize)> {
        if !self.is_word(i) || !self.cap(i) {
            return None;
        }
        let w = self.w(i);
        let mut j = i + 1;
        if one_of(w, &["c", "avda", "av", "pza", "pl"]) {
            if !(self.is_punct(j, ".") && self.glued(j)) {
                return None;
            }
            j += 1;
        } else if !self.lex(i).has(Lex::LEADING_TYPE) {
            return None;
        }
        if !self.spaced(j) {
            return None;
        }
        let last = self.name_words(j, 6)?;
        let mut k = last + 1;
        if self.is_punct(k, ",") && self.glued(k) {
            k += 1;
        }
        if !(self.house_number(k) && self.spaced(k)) {
            return None;
        }
        Some((i, k))
    }

    /// `23, boulevard de Faivre`, `426, chemin Alexandria Gilbert`, `rue Renée Ferrand`.
    /// `house`: whether token `i` is a [`Self::house_number`].
    fn french_street_at(&self, i: usize, house: bool) -> Option<(usize, usize)> {
        let (start, ty) = if house {
            let mut j = i + 1;
            if self.is_punct(j, ",") && self.glued(j) {
                j += 1;
            }
            (i, j)
        } else {
            (i, i)
        };
        if !self.lex(ty).has(Lex::FR_TYPE) || (ty > start && !self.spaced(ty)) {
            return None;
        }
        let numbered = ty > start;
        let bare_ok = self.lex(ty).has(Lex::FR_BARE_TYPE) && is_lower(self.w(ty));
        if !numbered && !bare_ok {
            return None;
        }
        if numbered && self.lex(ty).has(Lex::EN_TYPE) && self.cap(ty) {
            // `12 Avenue Road` is English; leave it to `numbered_street`.
            return None;
        }
        let mut j = ty + 1;
        // Particles: de, du, des, de la, d', l'.
        while self.is_word(j)
            && self.spaced(j)
            && one_of(
                self.w(j),
                &["de", "du", "des", "la", "le", "les", "aux", "au"],
            )
        {
            j += 1;
        }
        if !(self.spaced(j) || self.is_word(j) && self.w(j).contains('\'')) {
            return None;
        }
        let last = self.name_words(j, 4)?;
        Some((start, last))
    }

    /// Indian layouts: `H.No. 584, Rege Circle`, `H.No. 933, Subramanian`, `99/773, Tiwari`.
    fn indian_house(&self, i: usize) -> Option<(usize, usize)> {
        let mut j;
        if self.w(i) == "H" && self.is_punct(i + 1, ".") && self.w(i + 2).eq_ignore_ascii_case("no")
        {
            j = i + 3;
            if self.is_punct(j, ".") {
                j += 1;
            }
            if !self.house_number(j) {
                return None;
            }
        } else if self.is_num(i)
            && self.w(i).len() <= 7
            && self.w(i).bytes().filter(|&b| b == b'/').count() == 1
            && !self.w(i).contains('-')
        {
            j = i;
        } else {
            return None;
        }
        if !(self.is_punct(j + 1, ",") && self.glued(j + 1)) {
            return None;
        }
        let last = self.name_words(j + 2, 3)?;
        if !self.spaced(j + 2) || !self.boundary_at(last + 1) {
            return None;
        }
        Some((i, last))
    }

    /// Extends a street over unit designators: `Apt. 641`, `Suite 939`, `Piso 8`, `Puerta 0`, `#12`.
    fn unit_suffix(&self, mut end: usize) -> usize {
        loop {
            let mut j = end + 1;
            if self.is_punct(j, ",") && self.glued(j) && self.lex(j + 1).has(Lex::UNIT_AFTER) {
                j += 1;
            }
            if !(self.lex(j).has(Lex::UNIT_AFTER) && self.spaced(j)) {
                if self.is_punct(j, "#")
                    && self.spaced(j)
                    && self.is_num(j + 1)
                    && self.glued(j + 1)
                {
                    end = j + 1;
                    continue;
                }
                return end;
            }
            let mut k = j + 1;
            if self.is_punct(k, ".") && self.glued(k) {
                k += 1;
            }
            if self.is_num(k) && self.spaced(k) && self.w(k).len() <= 6 {
                end = k;
            } else {
                return end;
            }
        }
    }

    /// After a street: `, City` up to a boundary, or a bare postcode (`Herrmannstraße 14 45819`); after a
    /// unit alone on its line (`Flat 65`), the next line when it is a street name (`Hayley Crossing`).
    fn after_street(&mut self, end: usize) {
        let j = end + 1;
        if self.kind(j) == Some(Kind::Newline) && self.is_word(j + 1) {
            if let Some(last) = self.name_words(j + 1, 5) {
                let line_end = matches!(self.kind(last + 1), None | Some(Kind::Newline));
                if last > j + 1 && line_end && self.lex(last).has(Lex::EN_TYPE) {
                    self.push(j + 1, last, STREET, Part::Street);
                    self.last_street_end = Some(last);
                }
            }
            return;
        }
        if self.is_num(j) && self.spaced(j) && is_postcode_digits(self.w(j)) {
            self.push(j, j, CODE_WITH_CITY, Part::Postcode);
            return;
        }
        if !(self.is_punct(j, ",") && self.spaced(j + 1) && self.is_word(j + 1)) {
            return;
        }
        if let Some(last) = self.city_forward(j + 1) {
            if self.boundary_at(last + 1) {
                self.push(j + 1, last, CITY_AFTER_STREET, Part::City);
            } else if self.is_num(last + 1)
                && self.spaced(last + 1)
                && is_postcode_digits(self.w(last + 1))
                && self.boundary_at(last + 2)
            {
                // `232 WARD CIRCUS, PORT COURTNEYSTAD 0928`, `…, PADOVA 34077`
                self.push(j + 1, last, CITY_WITH_CODE, Part::City);
                self.push(last + 1, last + 1, CODE_WITH_CITY, Part::Postcode);
            }
        }
    }

    // ----- cities, regions, postcodes -----

    /// City words from `i`: capitalised words (or ALL CAPS), particles inside, `St.` abbreviations.
    fn city_forward(&self, i: usize) -> Option<usize> {
        if !self.is_word(i) || !self.cap(i) || self.lex(i).has(Lex::NOT_PLACE) {
            return None;
        }
        let mut last = i;
        let mut j = i + 1;
        let mut words = 1;
        while words < 5 {
            if self.is_punct(j, ".")
                && self.glued(j)
                && one_of(self.w(j - 1), &["st", "ste", "mt", "ft", "pt"])
            {
                j += 1;
                continue;
            }
            if !(self.is_word(j) && self.spaced(j)) {
                break;
            }
            let w = self.w(j);
            if is_cap(w) && !self.lex(j).has(Lex::AU_STATE) && !(w.len() == 2 && is_all_caps(w)) {
                last = j;
            } else if !self.lex(j).has(Lex::PARTICLE) {
                break;
            }
            words += 1;
            j += 1;
        }
        Some(last)
    }

    /// City words ending at `end` (inclusive), walking back on the same line.
    fn city_backward(&self, end: usize) -> Option<usize> {
        if !self.is_word(end) || !self.cap(end) {
            return None;
        }
        let mut first = end;
        let mut j = end;
        let mut words = 1;
        while j > 0 && words < 4 {
            let prev = j - 1;
            if !(self.spaced(j) || self.is_punct(prev, ".") && self.is_word(j)) {
                break;
            }
            if self.is_punct(prev, ".")
                && prev > 0
                && one_of(self.w(prev - 1), &["st", "ste", "mt", "ft", "pt"])
            {
                j = prev - 1;
                first = j;
                words += 1;
                continue;
            }
            if !self.is_word(prev) {
                break;
            }
            let w = self.w(prev);
            let lex = self.lex(prev);
            let type_word = lex.has(Lex::EN_TYPE) && !lex.has(Lex::TOPONYM_PREFIX);
            if is_cap(w) && !lex.has(Lex::NOT_PLACE) && !type_word {
                first = prev;
            } else if !lex.has(Lex::PARTICLE) || prev == 0 {
                break;
            }
            words += 1;
            j = prev;
        }
        // Drop leading particles.
        while first < end && !self.cap(first) {
            first += 1;
        }
        if self.lex(first).has(Lex::NOT_PLACE) {
            return None;
        }
        Some(first)
    }

    /// `City, ST 12345`, `City ST 2000`, `City, ON M5V 3L9`; `(NJ)` after an identifier.
    fn region_code_at(&mut self, s: usize) {
        let st = self.w(s);
        if !self.is_word(s) || !(2..=3).contains(&st.len()) {
            return;
        }
        // Listed codes are capitals only, so a listed code is all capitals.
        let listed = region_code(st);
        if listed == 0 {
            return;
        }
        let us = listed & REGION_US != 0;
        let au = listed & REGION_AU != 0;
        let ca = listed & REGION_CA != 0;
        // `(NJ)` right after a licence or registration number.
        if self.is_punct(s.wrapping_sub(1), "(")
            && self.is_punct(s + 1, ")")
            && s >= 2
            && (self.is_num(s - 2) || self.w(s - 2).bytes().any(|b| b.is_ascii_digit()))
        {
            self.push(s, s, STATE_IN_PARENS, Part::Region);
            return;
        }
        if !self.spaced(s) || s == 0 {
            return;
        }
        let comma = self.is_punct(s - 1, ",");
        let city_end = if comma { s.wrapping_sub(2) } else { s - 1 };
        if comma && !self.spaced(s) {
            return;
        }
        let code = s + 1;
        let code_ok = self.spaced(code)
            && match self.w(code) {
                z if us && is_zip(z) => true,
                z if au && z.len() == 4 && z.bytes().all(|b| b.is_ascii_digit()) => true,
                _ if ca => self.ca_postcode(code).is_some(),
                _ => false,
            };
        let city = self.city_backward(city_end);
        let Some(city_start) = city else { return };
        if !comma && !code_ok {
            return;
        }
        let near_street = self
            .last_street_end
            .is_some_and(|e| e < city_start && city_start - e <= 12);
        if us && AMBIGUOUS_STATES.contains(&st) && !near_street {
            // `Silvia Naccari, ID 25796`: a word-like code needs a street, a ZIP+4 or a known city.
            let known_city = self
                .toks
                .get(city_start)
                .zip(self.toks.get(city_end))
                .is_some_and(|(a, b)| super::places::lookup(&self.text[a.start..b.end]).is_some());
            if !(known_city || self.w(code).len() == 10) {
                return;
            }
        }
        if !code_ok {
            // `Port Jamie, UT` without ZIP: only right after a street on the same line.
            let near_street =
                near_street && self.last_street_end.is_some_and(|e| self.same_line(e, s));
            if !(near_street && self.boundary_at(s + 1)) {
                return;
            }
        }
        self.push(city_start, city_end, CITY_WITH_CODE, Part::City);
        self.push(s, s, CITY_WITH_CODE, Part::Region);
        if code_ok {
            let end = if ca {
                self.ca_postcode(code).unwrap_or(code)
            } else {
                code
            };
            self.push(code, end, CODE_WITH_CITY, Part::Postcode);
        }
    }

    fn same_line(&self, a: usize, b: usize) -> bool {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        !self
            .toks
            .get(a..=b)
            .is_some_and(|ts| ts.iter().any(|t| t.kind == Kind::Newline))
    }

    /// A Canadian postcode `M5V 3L9` starting at `i`; returns its last token.
    fn ca_postcode(&self, i: usize) -> Option<usize> {
        let a = self.w(i).as_bytes();
        if a.len() != 3 {
            return None;
        }
        let b = self.w(i + 1).as_bytes();
        let ok = b.len() == 3
            && a[0].is_ascii_uppercase()
            && a[1].is_ascii_digit()
            && a[2].is_ascii_uppercase()
            && b[0].is_ascii_digit()
            && b[1].is_ascii_uppercase()
            && b[2].is_ascii_digit()
            && self.spaced(i + 1);
        ok.then_some(i + 1)
    }

    /// A UK postcode `LN6Y 3TG` (or Canadian `M0E 1JX`) at `i`; returns its last token.
    pub(super) fn uk_shape(&self, i: usize) -> Option<usize> {
        if !(self.is_word(i) && self.is_num(i + 1) && self.spaced(i + 1)) {
            return self.ca_postcode(i);
        }
        let out = self.w(i).as_bytes();
        let inw = self.w(i + 1).as_bytes();
        let letters = out.iter().take_while(|b| b.is_ascii_uppercase()).count();
        let rest = out.get(letters..).unwrap_or(&[]);
        let out_ok = (1..=2).contains(&letters)
            && (1..=2).contains(&rest.len())
            && rest.first().is_some_and(u8::is_ascii_digit)
            && rest
                .iter()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
        let in_ok = inw.len() == 3
            && inw[0].is_ascii_digit()
            && inw[1].is_ascii_uppercase()
            && inw[2].is_ascii_uppercase();
        if out_ok && in_ok {
            Some(i + 1)
        } else {
            self.ca_postcode(i)
        }
    }

    /// `Reading M9B 0EX`, `Oxford OX85 0HY`, `Brighton, M3E 4AB`; a UK or Canadian postcode anywhere is
    /// reported too, with a lower score when no city or cue is next to it.
    fn uk_postcode_at(&mut self, i: usize) {
        let Some(end) = self.uk_shape(i) else { return };
        if !self.boundary_at(end + 1) && !self.spaced(end + 1) {
            return;
        }
        let mut city_end = i.wrapping_sub(1);
        if self.is_punct(city_end, ",") {
            city_end = city_end.wrapping_sub(1);
        }
        let mut city = if self.spaced(i) {
            self.city_backward(city_end)
        } else {
            None
        };
        // `Lake Kimberleystad⏎NP3 8YQ`: a line of city words right above a postcode line.
        if city.is_none() && self.kind(i.wrapping_sub(1)) == Some(Kind::Newline) {
            city_end = i.wrapping_sub(2);
            city = self
                .city_backward(city_end)
                .filter(|&c| c == 0 || self.kind(c - 1) == Some(Kind::Newline));
        }
        if let Some(c) = city {
            self.push(c, city_end, CITY_WITH_CODE, Part::City);
            self.push(i, end, CODE_WITH_CITY, Part::Postcode);
        } else {
            self.push(i, end, 0.6, Part::Postcode);
        }
    }

    /// `12345 City`, `1447 AR Arnhem`, `3836YF Egchel`, `00184 Roma (RM)` at a segment start.
    fn postcode_city_at(&mut self, i: usize) {
        if !self.is_num(i) {
            return;
        }
        let w = self.w(i);
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let tail = w.get(digits..).unwrap_or("");
        let (code_end, dutch) = if digits == 4 && tail.len() == 2 && is_all_caps(tail) {
            (i, true)
        } else if digits == 4
            && tail.is_empty()
            && self.is_word(i + 1)
            && self.spaced(i + 1)
            && self.w(i + 1).len() == 2
            && is_all_caps(self.w(i + 1))
        {
            (i + 1, true)
        } else if (digits == 5 || digits == 4) && tail.is_empty() {
            (i, false)
        } else {
            return;
        };
        let after_street = self.last_street_end.is_some_and(|e| e < i && i - e <= 3);
        if !(self.boundary_before(i) || after_street) {
            return;
        }
        // `110.200.120.36:11157`: a port, not a postcode.
        if self.is_punct(i.wrapping_sub(1), ":") && self.glued(i.wrapping_sub(1)) && self.glued(i) {
            return;
        }
        if digits == 4 && !dutch && !after_street {
            return;
        }
        let c = code_end + 1;
        if !self.spaced(c) {
            return;
        }
        let Some(last) = self.city_forward(c) else {
            return;
        };
        let prov = self.is_punct(last + 1, "(")
            && self.spaced(last + 1)
            && self.w(last + 2).len() == 2
            && is_all_caps(self.w(last + 2))
            && self.is_punct(last + 3, ")");
        let runs_on = after_street && self.is_word(last + 1) && is_lower(self.w(last + 1));
        if !(self.boundary_at(last + 1) || prov || runs_on) {
            return;
        }
        self.push(i, code_end, CODE_WITH_CITY, Part::Postcode);
        self.push(c, last, CITY_WITH_CODE, Part::City);
        if prov {
            self.push(last + 2, last + 2, CITY_WITH_CODE, Part::Region);
        }
    }

    /// `Jaipur 072387`, `Kochi - 375425`, `Sultan Pur Majra - 756899`.
    fn indian_pin_at(&mut self, i: usize) {
        let w = self.w(i);
        if !(self.is_num(i)
            && w.len() == 6
            && w.bytes().all(|b| b.is_ascii_digit())
            && self.spaced(i))
        {
            return;
        }
        let dash = self.is_punct(i.wrapping_sub(1), "-") && self.spaced(i.wrapping_sub(1));
        let city_end = if dash {
            i.wrapping_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        let Some(city_start) = self.city_backward(city_end) else {
            return;
        };
        let after = self.boundary_at(i + 1);
        let street_before = self
            .last_street_end
            .is_some_and(|e| e < city_start && city_start - e <= 2);
        if !(after && (dash || street_before)) {
            return;
        }
        self.push(city_start, city_end, CITY_WITH_CODE, Part::City);
        self.push(i, i, CODE_WITH_CITY, Part::Postcode);
    }
}

/// US ZIP or ZIP+4.
pub(super) fn is_zip(z: &str) -> bool {
    let b = z.as_bytes();
    (b.len() == 5 && b.iter().all(u8::is_ascii_digit))
        || (b.len() == 10
            && b[..5].iter().all(u8::is_ascii_digit)
            && b[5] == b'-'
            && b[6..].iter().all(u8::is_ascii_digit))
}

/// 4–6 digits, or a ZIP+4.
fn is_postcode_digits(z: &str) -> bool {
    (4..=6).contains(&z.len()) && z.bytes().all(|b| b.is_ascii_digit()) || is_zip(z)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognizers::location::Layout;

    /// The street walk as it was: every word and number token tried in turn.
    fn streets_reference(g: &mut Grammar<'_>) {
        let n = g.toks.len();
        let mut i = 0;
        while i < n {
            if matches!(g.toks[i].kind, Kind::Word | Kind::Num) {
                if let Some(end) = g.street_at(i) {
                    g.after_street(end);
                    i = end + 1;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Street spans from the index walk and from the walk over every token.
    type Spans = Vec<(usize, usize)>;

    fn both(text: &str) -> (Spans, Spans) {
        let layout = Layout::of(text);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        Grammar::new(text, &layout.toks, &mut a).streets(&layout.nums, &layout.marked);
        streets_reference(&mut Grammar::new(text, &layout.toks, &mut b));
        let spans = |v: Vec<Found>| v.iter().map(|f| (f.start, f.end)).collect();
        (spans(a), spans(b))
    }

    #[test]
    fn region_codes_as_the_lists() {
        let mut codes: Vec<String> = Vec::new();
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                codes.push(format!("{}{}", a as char, b as char));
                codes.push(format!("{}{}{}", a as char, b as char, 'W'));
            }
        }
        codes.extend(["ca", "Ca", "NSW", "QLD", "É1", "N", "", "NSWX", "A1"].map(String::from));
        for c in &codes {
            let c = c.as_str();
            let want = (u8::from(US_STATES.contains(&c)) * REGION_US)
                | (u8::from(AU_STATES.contains(&c)) * REGION_AU)
                | (u8::from(CA_PROVINCES.contains(&c)) * REGION_CA);
            assert_eq!(region_code(c), want, "{c}");
        }
        assert_eq!(region_code("WA"), REGION_US | REGION_AU);
    }

    #[test]
    fn streets_from_the_indices_as_from_every_token() {
        for text in [
            "221B Baker Street, London",
            "Flat 60, Paula Court\nHayley Crossing",
            "Herrmannstraße 14 45819 Kehl; Sagerstr. 5; C. Eli Campos 91, Avda. de Goya 3",
            "H.No. 584, Rege Circle; 99/773, Tiwari\n23, boulevard de Faivre; rue Renée Ferrand",
            "Canale Solari, 35 and Via Visintini, 72 Piano 6, Suite 217 301 Dixon Trunkway",
        ] {
            let (a, b) = both(text);
            assert_eq!(a, b, "{text}");
            assert!(!a.is_empty(), "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn streets_from_the_indices_as_from_every_token_on_random_texts(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "12", "221B", "99/773", "7-6", "0", " ", "  ", ", ", ".", "\n", "H", "No", "C", "Avda",
                    "Baker", "Street", "street", "Flat", "flat", "Suite", "Apt", "Via", "via", "rue", "boulevard",
                    "de", "la", "Herrmannstraße", "Sagerstr", "Lukasstraat", "Renée", "Court", "Crossing", "#",
                    "Piano", "x", "$", "Kehl", "London", "45819",
                ]),
                0..30,
            )
        ) {
            let text: String = parts.concat();
            let (a, b) = both(&text);
            proptest::prop_assert_eq!(a, b, "{:?}", text);
        }
    }
}
