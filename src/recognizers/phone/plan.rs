//! Numbering plans: is a digit string a valid telephone number of a region?
//!
//! The rules are libphonenumber's metadata (as shipped by the `phonenumber` crate, metadata 9.0.x): for each
//! region, the national significant number (NSN) must have one of the region's possible lengths and fully
//! match its general pattern and the pattern of at least one number type (fixed line, mobile, toll free,
//! premium rate, shared cost, VoIP, personal, pager, UAN, voicemail). That is libphonenumber's
//! `isValidNumberForRegion`.
//!
//! We compile the metadata's patterns ourselves, anchored at both ends, once per region on first use, instead
//! of calling `phonenumber::is_valid`: the crate keeps its compiled patterns in one global LRU cache of 100
//! entries behind a mutex, so validating against a dozen regions recompiles patterns on every call and
//! serialises threads; and its descriptor test only anchors the start of the match. National-prefix
//! stripping follows libphonenumber's `maybeStripNationalPrefixAndCarrierCode`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use phonenumber::metadata::{DATABASE, Descriptor, Metadata};
use regex::Regex;

/// Longest national significant number in the ITU plan (E.164 allows 15 digits with the country code).
pub(crate) const MAX_NSN: usize = 17;

/// One number type's rule: possible lengths (bit `n` set when `n` digits are possible) and an anchored pattern.
struct Desc {
    lengths: u32,
    /// The first two digits the pattern's strings can have: bit `10 * a + b` for digits `a`, `b` (see
    /// [`leading_pairs`]). Rejects most numbers of other types without running the regex.
    starts: u128,
    pattern: Regex,
}

/// Every pair of leading digits that a string matched by `^(?:source)$` can have, as a bit set (bit
/// `10 * a + b` for the ASCII digits `a`, `b`), found by walking an anchored lazy DFA of the pattern two
/// bytes deep: a pair is left out only when the DFA is dead after it, so no string starting with it can
/// match. All pairs when the DFA cannot be built or walked.
fn leading_pairs(source: &str) -> u128 {
    use regex_automata::hybrid::dfa::DFA;
    use regex_automata::{Anchored, Input, util::syntax};
    const ALL: u128 = (1 << 100) - 1;
    let Ok(dfa) = DFA::builder()
        .syntax(syntax::Config::new().unicode(false))
        .build(&format!("^(?:{source})$"))
    else {
        return ALL;
    };
    let mut cache = dfa.create_cache();
    let Ok(start) = dfa.start_state_forward(&mut cache, &Input::new("").anchored(Anchored::Yes))
    else {
        return ALL;
    };
    let mut pairs = 0u128;
    for a in 0..10u8 {
        let Ok(first) = dfa.next_state(&mut cache, start, b'0' + a) else {
            return ALL;
        };
        if first.is_dead() {
            continue;
        }
        for b in 0..10u8 {
            let Ok(second) = dfa.next_state(&mut cache, first, b'0' + b) else {
                return ALL;
            };
            if !second.is_dead() {
                pairs |= 1 << (10 * a + b);
            }
        }
    }
    pairs
}

impl Desc {
    fn new(d: &Descriptor, fallback: u32) -> Option<Desc> {
        let lengths = mask(d.possible_length());
        let source: String = d
            .national_number()
            .as_str()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        // Metadata marks absent types with the pattern "NA".
        if source.is_empty() || source == "NA" {
            return None;
        }
        let pattern = Regex::new(&format!("^(?:{source})$")).ok()?;
        Some(Desc {
            lengths: if lengths == 0 { fallback } else { lengths },
            starts: leading_pairs(&source),
            pattern,
        })
    }

    fn matches(&self, nsn: &str) -> bool {
        (self.lengths == 0 || self.lengths & bit(nsn.len()) != 0) && self.pattern_matches(nsn)
    }

    /// The leading pairs ([`Desc::starts`]) of the strings of `len` digits this type can match: none when
    /// `len` is not a possible length.
    fn starts_of_len(&self, len: usize) -> u128 {
        if self.lengths == 0 || self.lengths & bit(len) != 0 {
            self.starts
        } else {
            0
        }
    }

    /// Whether the anchored pattern matches `s`: [`Desc::starts`] first, then the regex.
    fn pattern_matches(&self, s: &str) -> bool {
        if let [a @ b'0'..=b'9', b @ b'0'..=b'9', ..] = s.as_bytes() {
            if self.starts & (1 << (10 * (a - b'0') + (b - b'0'))) == 0 {
                return false;
            }
        }
        self.pattern.is_match(s)
    }
}

fn bit(len: usize) -> u32 {
    if len < 32 { 1 << len } else { 0 }
}

fn mask(lengths: &[u16]) -> u32 {
    lengths.iter().fold(0, |m, &l| m | bit(usize::from(l)))
}

/// A region's compiled numbering plan.
pub(crate) struct Plan {
    general: Desc,
    types: Vec<Desc>,
    /// How many of `types` (at the front) are service numbers: premium rate, toll free, shared cost, UAN.
    services: usize,
    /// For each length below 32, the leading pairs ([`Desc::starts`]) a string of that length can have and
    /// still match one of `types` (`[0]`) or one of the service types (`[1]`): a necessary condition
    /// checked before any pattern runs (see [`Plan::may_match`]).
    leads: [[u128; 32]; 2],
    /// Whether national numbers are written with the trunk prefix: the prefix is `0` and the region is not
    /// India (where mobiles are usually written without it). NANP's optional `1` is not required.
    trunk_required: bool,
    /// `nationalPrefixForParsing` (or the national prefix), anchored at the start.
    national_prefix: Option<Regex>,
    /// The same when it is a plain digit string (`0`, `1`), compared without the regex.
    literal_prefix: Option<String>,
    /// The fewest and most bytes `national_prefix` can match (all lengths when unknown).
    prefix_lens: (usize, usize),
    /// `nationalPrefixTransformRule`, in `regex` replacement syntax.
    transform: Option<String>,
}

/// A region's number types (the general description aside), the services first.
fn number_types(meta: &Metadata) -> [Option<&Descriptor>; 10] {
    let d = meta.descriptors();
    [
        d.premium_rate(),
        d.toll_free(),
        d.shared_cost(),
        d.uan(),
        d.voip(),
        d.personal_number(),
        d.pager(),
        d.voicemail(),
        d.fixed_line(),
        d.mobile(),
    ]
}

impl Plan {
    fn compile(meta: &Metadata) -> Option<Plan> {
        let d = meta.descriptors();
        let mut general = Desc::new(d.general(), 0)?;
        let services = [d.premium_rate(), d.toll_free(), d.shared_cost(), d.uan()];
        let services_len = services
            .iter()
            .flatten()
            .filter_map(|t| Desc::new(t, general.lengths))
            .count();
        let types: Vec<Desc> = number_types(meta)
            .into_iter()
            .flatten()
            .filter_map(|t| Desc::new(t, general.lengths))
            .collect();
        // The metadata often gives possible lengths per type only: the general ones are their union.
        if general.lengths == 0 {
            general.lengths = types.iter().fold(0, |m, t| m | t.lengths);
        }
        let prefix_source = meta
            .national_prefix_for_parsing()
            .map(|r| r.as_str().to_string())
            .or_else(|| meta.national_prefix().map(regex::escape));
        let prefix_source: Option<String> =
            prefix_source.map(|s| s.chars().filter(|c| !c.is_whitespace()).collect());
        let national_prefix = prefix_source
            .as_ref()
            .and_then(|s| Regex::new(&format!("^(?:{s})")).ok());
        let prefix_lens = prefix_source
            .as_ref()
            .and_then(|s| regex_syntax::parse(&format!("^(?:{s})")).ok())
            .and_then(|hir| {
                let props = hir.properties();
                Some((props.minimum_len()?, props.maximum_len()?))
            })
            .unwrap_or((0, usize::MAX));
        let literal_prefix = prefix_source.filter(|s| {
            national_prefix.is_some() && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
        });
        let transform = meta.national_prefix_transform_rule().map(|rule| {
            // "$1" in the metadata; "${1}" so a following digit is not read as part of the group number.
            let mut out = String::with_capacity(rule.len() + 4);
            let mut chars = rule.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
                    out.push_str("${");
                    while let Some(d) = chars.next_if(char::is_ascii_digit) {
                        out.push(d);
                    }
                    out.push('}');
                } else {
                    out.push(c);
                }
            }
            out
        });
        let mut leads = [[0u128; 32]; 2];
        for (len, slot) in leads[0].iter_mut().enumerate() {
            *slot = types.iter().fold(0, |m, t| m | t.starts_of_len(len));
        }
        for (len, slot) in leads[1].iter_mut().enumerate() {
            *slot = types[..services_len]
                .iter()
                .fold(0, |m, t| m | t.starts_of_len(len));
        }
        Some(Plan {
            general,
            types,
            services: services_len,
            leads,
            trunk_required: meta.national_prefix() == Some("0") && meta.id() != "IN",
            national_prefix,
            literal_prefix,
            prefix_lens,
            transform,
        })
    }

    /// Whether `nsn` (a national significant number, ASCII digits) is a valid number of this region.
    pub(crate) fn is_valid_nsn(&self, nsn: &str) -> bool {
        self.may_match(nsn, false)
            && self.general.matches(nsn)
            && self.types.iter().any(|t| t.matches(nsn))
    }

    /// A necessary condition for `s` to match one of `types` (of the service types when `services`), by
    /// its length and leading pair alone ([`Plan::leads`]); true for strings too short to have a pair.
    #[inline]
    fn may_match(&self, s: &str, services: bool) -> bool {
        match s.as_bytes() {
            [a @ b'0'..=b'9', b @ b'0'..=b'9', ..] => self.leads[usize::from(services)]
                .get(s.len())
                .is_none_or(|set| set >> (10 * (a - b'0') + (b - b'0')) & 1 != 0),
            _ => true,
        }
    }

    /// Whether `digits`, written nationally, is a valid number of this region.
    ///
    /// Where national numbers are written with a trunk `0` (see `trunk_required`), a number without it is
    /// accepted only as a service number (toll free, shared cost, premium rate, UAN), which is dialled
    /// without the prefix (Australia's `1300 …`, `13 …`): `20 7946 0958` alone is not a British number in
    /// running text, though libphonenumber would parse it as one.
    pub(crate) fn is_valid_national(&self, digits: &str) -> bool {
        // Every path below ends in `general.matches` of `digits` or, without a transform rule, of `digits`
        // with a prefix stripped: a string no longer than `digits`, which must have a possible length.
        let lengths = self.general.lengths;
        let up_to_len = 1u32
            .checked_shl(digits.len() as u32 + 1)
            .map_or(u32::MAX, |b| b - 1);
        if self.transform.is_none() && lengths != 0 && lengths & up_to_len == 0 {
            return false;
        }
        // Without a transform rule, the number validated is `digits` or `digits` without what the
        // national prefix matched (the trunk path validates `digits` against service types, a subset of
        // `types`): one of them must pass the length and leading-pair test before any pattern runs.
        if self.transform.is_none() && !self.may_match(digits, false) {
            let stripped_may_match = match (&self.literal_prefix, &self.national_prefix) {
                (_, None) => false,
                (Some(prefix), Some(_)) => digits
                    .strip_prefix(prefix.as_str())
                    .is_some_and(|out| self.may_match(out, false)),
                (None, Some(_)) => {
                    let (lo, hi) = self.prefix_lens;
                    (lo.max(1)..=hi.min(digits.len())).any(|k| {
                        digits
                            .get(k..)
                            .is_some_and(|out| self.may_match(out, false))
                    })
                }
            };
            if !stripped_may_match {
                return false;
            }
        }
        match self.strip_national_prefix(digits) {
            Some(stripped) => self.is_valid_nsn(&stripped),
            None if self.trunk_required => {
                self.general.matches(digits)
                    && self.types[..self.services]
                        .iter()
                        .any(|t| t.matches(digits))
            }
            None => self.is_valid_nsn(digits),
        }
    }

    /// [`Plan::is_valid_national`] without the length and leading-pair tests ([`Plan::may_match`]).
    #[cfg(test)]
    fn is_valid_national_by_patterns(&self, digits: &str) -> bool {
        let nsn = |s: &str| self.general.matches(s) && self.types.iter().any(|t| t.matches(s));
        match self.strip_national_prefix(digits) {
            Some(stripped) => nsn(&stripped),
            None if self.trunk_required => {
                self.general.matches(digits)
                    && self.types[..self.services]
                        .iter()
                        .any(|t| t.matches(digits))
            }
            None => nsn(digits),
        }
    }

    /// Whether `nsn` after a country code is valid, the trunk prefix being optional (`+44 (0)20 …`).
    fn is_valid_after_code(&self, nsn: &str) -> bool {
        match self.strip_national_prefix(nsn) {
            Some(stripped) => self.is_valid_nsn(&stripped),
            None => self.is_valid_nsn(nsn),
        }
    }

    /// libphonenumber's national-prefix stripping: the prefix (or carrier code) is removed when the
    /// pattern matches at the start, unless the number was viable with it and is not without it. Returns
    /// `None` when nothing is stripped.
    fn strip_national_prefix<'a>(&self, digits: &'a str) -> Option<Cow<'a, str>> {
        let re = self.national_prefix.as_ref()?;
        if let (Some(prefix), None) = (&self.literal_prefix, &self.transform) {
            // `^(?:0)` on a digit string is `starts_with("0")`.
            let out = digits.strip_prefix(prefix.as_str())?;
            return self
                .keep_stripped(digits, out)
                .then_some(Cow::Borrowed(out));
        }
        if self.transform.is_none() {
            // The common case: no captures needed.
            let m = re.find(digits)?;
            let out = digits.get(m.end()..)?;
            return self
                .keep_stripped(digits, out)
                .then_some(Cow::Borrowed(out));
        }
        let caps = re.captures(digits)?;
        let whole = caps.get(0)?;
        let last_group = caps.len().checked_sub(1).filter(|&n| n > 0);
        let out = match (&self.transform, last_group.and_then(|n| caps.get(n))) {
            (Some(rule), Some(_)) => {
                let mut s = String::new();
                caps.expand(rule, &mut s);
                s.push_str(digits.get(whole.end()..)?);
                s
            }
            _ => digits.get(whole.end()..)?.to_string(),
        };
        self.keep_stripped(digits, &out).then_some(Cow::Owned(out))
    }

    /// Whether to use the number with its prefix stripped: not when that makes a viable number unviable,
    /// nor (as libphonenumber) when it leaves a number too short for the region.
    fn keep_stripped(&self, digits: &str, out: &str) -> bool {
        let min = self.general.lengths.trailing_zeros() as usize;
        !out.is_empty()
            && out.len() >= min
            && (self.general.pattern_matches(out) || !self.general.pattern_matches(digits))
    }
}

/// Every region's plan slot, by region id ("US", "GB"; "001/800" for each non-geographic country code),
/// compiled on first use.
struct Slots {
    slots: Vec<(&'static Metadata, OnceLock<Option<Plan>>)>,
    /// The index in `slots` of each region id.
    by_id: HashMap<String, usize>,
    /// The `slots` of the regions of each country calling code (the index), the main region first; empty
    /// for a code no region has.
    by_code: Vec<Vec<usize>>,
}

static SLOTS: LazyLock<Slots> = LazyLock::new(|| {
    let mut slots = Vec::new();
    let mut by_id = HashMap::new();
    let mut ids_by_code: Vec<Vec<String>> = vec![Vec::new(); 1000];
    let db: &'static phonenumber::metadata::Database = &DATABASE;
    // Country calling codes have one to three digits. (`Database::iter` can't be used: it is keyed by
    // region id, and every non-geographic code shares the id "001".)
    for code in 1..1000u16 {
        let Some(metas) = db.by_code(&code) else {
            continue;
        };
        for meta in metas {
            let id = if meta.id() == "001" {
                format!("001/{code}")
            } else {
                meta.id().to_string()
            };
            // `by_code` lists the main region first.
            ids_by_code[usize::from(code)].push(id.clone());
            by_id.insert(id, slots.len());
            slots.push((meta, OnceLock::new()));
        }
    }
    // A region id met twice keeps its last slot, for every code that lists it.
    let by_code = ids_by_code
        .iter()
        .map(|ids| ids.iter().map(|id| by_id[id]).collect())
        .collect();
    Slots {
        slots,
        by_id,
        by_code,
    }
});

/// The compiled plan in slot `k` of [`SLOTS`].
fn slot_plan(k: usize) -> Option<&'static Plan> {
    let (meta, slot) = SLOTS.slots.get(k)?;
    slot.get_or_init(|| Plan::compile(meta)).as_ref()
}

/// The compiled plan of a region (ISO 3166 alpha-2, upper case), if libphonenumber knows it.
pub(crate) fn plan(region: &str) -> Option<&'static Plan> {
    slot_plan(*SLOTS.by_id.get(region)?)
}

/// Whether `region` is a region libphonenumber has a plan for.
pub(crate) fn is_known_region(region: &str) -> bool {
    region.len() == 2 && SLOTS.by_id.contains_key(region)
}

/// Whether `digits` (ASCII digits after a `+` or international `00`, trunk markers removed) is a valid
/// number: a country calling code followed by a valid national number of one of that code's regions.
pub(crate) fn is_valid_international(digits: &str) -> bool {
    // Country calling codes are prefix-free, so at most one length fits.
    let mut code = 0usize;
    for cc_len in 1..=3 {
        let (Some(&d), Some(rest)) = (digits.as_bytes().get(cc_len - 1), digits.get(cc_len..))
        else {
            return false;
        };
        if !d.is_ascii_digit() {
            return false;
        }
        code = code * 10 + usize::from(d - b'0');
        let regions = &SLOTS.by_code[code];
        if !regions.is_empty() {
            if rest.len() > MAX_NSN {
                return false;
            }
            return regions
                .iter()
                .filter_map(|&k| slot_plan(k))
                .any(|p| p.is_valid_after_code(rest));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn national(region: &str, digits: &str) -> bool {
        plan(region).unwrap().is_valid_national(digits)
    }

    #[test]
    fn national_numbers() {
        // Ofcom's drama range 020 7946 0xxx is an allocated London range; libphonenumber's GB mobile
        // example 07400 123456. The mobile drama range 07700 900xxx is excluded from the plan.
        assert!(national("GB", "02079460958"));
        assert!(national("GB", "07400123456"));
        assert!(!national("GB", "07700900123"));
        // Without the trunk 0, only service numbers: AU 1300 and 13 numbers (libphonenumber's UAN examples).
        assert!(!national("GB", "2079460958"));
        assert!(national("AU", "1300123456"));
        assert!(!national("AU", "212345678"));
        assert!(!national("GB", "0207946095"));
        // NANP: area code 212, exchange 555, with or without the national prefix 1.
        assert!(national("US", "2125550142"));
        assert!(national("US", "12125550142"));
        // Area codes never start with 0 or 1; 7-digit local numbers are not valid on their own.
        assert!(!national("US", "1125550142"));
        assert!(!national("US", "5550199"));
        // Italy keeps the leading 0 of fixed lines.
        assert!(national("IT", "0612345678"));
        // Argentina's transform rule: 0 343 15 555-1212 is +54 9 343 555 1212 (libphonenumber's docs).
        assert!(national("AR", "0343155551212"));
        assert!(!national("US", ""));
    }

    #[test]
    fn international_numbers() {
        assert!(is_valid_international("442079460958"));
        assert!(is_valid_international("14155550187"));
        // "+44 020 7946 0958": libphonenumber strips the trunk 0 written after the country code.
        assert!(is_valid_international("4402079460958"));
        // +800 universal freephone (non-geographic, region "001"), libphonenumber's example number.
        assert!(is_valid_international("80012345678"));
        assert!(!is_valid_international("4420794609"));
        // Unassigned country code 999.
        assert!(!is_valid_international("9991234567"));
        assert!(!is_valid_international(""));
        assert!(!is_valid_international("4"));
    }

    /// The example numbers libphonenumber gives for every number type of a region.
    fn examples(meta: &Metadata) -> impl Iterator<Item = &str> {
        number_types(meta)
            .into_iter()
            .flatten()
            .filter_map(|t| t.example())
    }

    /// The leading-pair table never rejects what the regex matches: every region's example numbers, and
    /// random digit strings of every length with every pair of leading digits.
    #[test]
    fn leading_pairs_only_reject_non_matches() {
        let mut rng = crate::test_rng::XorShift::new(0x9E37_79B9_7F4A_7C15);
        let mut next = move || rng.next_u64();
        let mut checked = 0;
        let mut rejected = 0;
        for (meta, _) in &SLOTS.slots {
            let Some(plan) = Plan::compile(meta) else {
                continue;
            };
            for example in examples(meta) {
                for desc in std::iter::once(&plan.general).chain(&plan.types) {
                    assert_eq!(
                        desc.pattern_matches(example),
                        desc.pattern.is_match(example),
                        "{} {example}",
                        meta.id()
                    );
                    checked += 1;
                }
            }
            for desc in std::iter::once(&plan.general).chain(&plan.types) {
                for pair in 0..100u64 {
                    let len = 2 + (next() % 12) as usize;
                    let mut s = format!("{pair:02}");
                    while s.len() < len {
                        s.push(char::from(b'0' + (next() % 10) as u8));
                    }
                    let fast = desc.pattern_matches(&s);
                    assert_eq!(fast, desc.pattern.is_match(&s), "{} {s}", meta.id());
                    if desc.starts & (1 << pair) == 0 {
                        rejected += 1;
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
        assert!(rejected > 10_000, "{rejected}");
    }

    /// The length and leading-pair tests never change a verdict: every region's example numbers, written
    /// bare and after `0`, `1` and other prefixes, and random digit strings of every length.
    #[test]
    fn may_match_only_rejects_invalid_numbers() {
        let mut rng = crate::test_rng::XorShift::new(0x2545_F491_4F6C_DD1D);
        let (mut valid, mut total) = (0, 0);
        for (meta, _) in &SLOTS.slots {
            let Some(plan) = Plan::compile(meta) else {
                continue;
            };
            let mut cases: Vec<String> = Vec::new();
            for example in examples(meta) {
                for prefix in ["", "0", "1", "00", "01", "9", "15", "180020", "1831"] {
                    cases.push(format!("{prefix}{example}"));
                }
                let mut cut = example.to_string();
                cut.pop();
                cases.push(cut);
            }
            for _ in 0..60 {
                let len = rng.below(20);
                cases.push(
                    (0..len)
                        .map(|_| char::from(b'0' + rng.below(10) as u8))
                        .collect(),
                );
            }
            for c in &cases {
                let expected = plan.is_valid_national_by_patterns(c);
                assert_eq!(plan.is_valid_national(c), expected, "{} {c}", meta.id());
                valid += usize::from(expected);
                total += 1;
            }
        }
        assert!(valid > 1_000 && valid < total, "{valid} {total}");
    }

    #[test]
    fn regions() {
        assert!(is_known_region("GB"));
        assert!(!is_known_region("XX"));
        assert!(!is_known_region("001/800"));
    }
}
