//! LOCATION without a NER model: an address grammar, a gazetteer and place cues.
//!
//! Each part of an address is its own result, as a redactor removes it: the street line
//! (`221B Baker Street`, `Flat 60, Paula Court`, `Herrmannstraße 14`, `23, boulevard de Faivre`,
//! `Canale Solari, 35`), the city, the state or province (`CA`, `NSW`, `(RM)`), the postcode (`90210`,
//! `LN6Y 3TG`, `M0E 1JX`, `560001`, `1447 AR`) and the country. Separators, `c/o` and `Attn:` are left out.
//!
//! Evidence, strongest first:
//! 1. structure ([`address`]): a house number and a street type, a postcode or region next to a
//!    city-shaped word (`City, ST 12345`, `12345 City`, `City NSW 2000`, `City - 560001`), which makes that
//!    word a city even when it is invented or too small for the gazetteer (0.7–0.85);
//! 2. keys and labels: `"city": "Kehl"`, `<PostalCode>77332</PostalCode>`, `state: Ohio` (0.85);
//! 3. the gazetteer: countries, states and regions (0.85), cities after a cue (`in`, `from`, `lives in`,
//!    0.85) or of 200,000 people or more (0.6); places that are ordinary words (`Nice`) or common names
//!    (`Florence`) only after a cue (0.7); never a place glued to a capitalised name (`Georgia Smith`),
//!    after an honorific, or inside an organisation name (`Columbus General Hospital`);
//! 4. shape ([`places`]): toponymic prefixes after a cue (`in West Andrew`, 0.7) and suffixes
//!    (`Collinschester`, `Russellshire`: 0.5 alone, 0.7 after a cue);
//! 5. tables ([`table`]): cells under a `city`, `Ort`, `postcode`, `country` or `Straße` header (0.85).
//!
//! Presidio gets LOCATION from spaCy's `GPE`/`LOC` labels with one score (0.85) and no address grammar.

mod address;
pub(crate) mod lexicon;
mod places;
pub(crate) mod table;
pub(crate) mod tokens;
mod words;

use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

use super::catalog::{Languages, Spec};
use super::organization;
use crate::analyzer::{PerText, Shared};
use crate::scratch;
use crate::{EntityType, Error, Recognizer, RecognizerContext, RecognizerResult};

const NAME: &str = "LocationRecognizer";

/// Which part of an address a result is (for explanations and merging).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Street,
    City,
    Region,
    Postcode,
    Country,
}

impl Part {
    fn label(self) -> &'static str {
        match self {
            Part::Street => "street line",
            Part::City => "city",
            Part::Region => "state or region",
            Part::Postcode => "postcode",
            Part::Country => "country",
        }
    }
}

/// One found place, byte offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) score: f64,
    pub(crate) part: Part,
}

/// `LocationRecognizer`: street lines, cities, states and provinces, postcodes and countries, each as its
/// own `LOCATION` result: street lines by structure, cities and regions next to postcodes, labelled and tabulated
/// values, GeoNames places (countries and regions 0.85, cities 0.6–0.85, ambiguous names only after a cue),
/// toponym shapes (0.5–0.7).
pub struct LocationRecognizer {
    name: Arc<str>,
    entities: [EntityType; 1],
}

impl Default for LocationRecognizer {
    fn default() -> Self {
        LocationRecognizer {
            name: Arc::from(NAME),
            entities: [EntityType::LOCATION],
        }
    }
}

/// The predefined location recognizer.
pub fn location() -> LocationRecognizer {
    LocationRecognizer::default()
}

/// What the place and organisation recognizers both need from a text: its tokens, its table cells
/// under recognised headers, and the organisation names in it. Computed once per `analyze` call.
pub(crate) struct Layout {
    pub(crate) toks: Vec<tokens::Tok>,
    /// Indices of the capitalised word tokens, in order.
    pub(crate) caps: Vec<usize>,
    /// Indices of the number tokens, in order.
    pub(crate) nums: Vec<usize>,
    /// Indices of the word tokens that may start a place key or a street, or hold characters other than
    /// ASCII letters and digits, in order (see [`tokens::tokenize_marked`]).
    pub(crate) marked: Vec<usize>,
    /// Indices of the tokens that make a neighbouring lower-case word an organisation anchor, in order
    /// (see [`tokens::tokenize_marked`]).
    pub(crate) org_marks: Vec<usize>,
    /// The union of every token's word lists (what no token is on, no pass needs to look for).
    pub(crate) lex_any: lexicon::Lex,
    pub(crate) cells: Vec<(usize, usize, table::Column)>,
    pub(crate) orgs: Vec<(usize, usize, f64)>,
}

/// The buffers of a dropped [`Layout`], kept for the next text on the same thread so that a layout
/// allocates nothing once its buffers are large enough.
#[derive(Default)]
struct Spare {
    toks: Vec<tokens::Tok>,
    caps: Vec<usize>,
    nums: Vec<usize>,
    marked: Vec<usize>,
    org_marks: Vec<usize>,
    cells: Vec<(usize, usize, table::Column)>,
    orgs: Vec<(usize, usize, f64)>,
}

thread_local! {
    static SPARE: RefCell<Spare> = const {
        RefCell::new(Spare {
            toks: Vec::new(),
            caps: Vec::new(),
            nums: Vec::new(),
            marked: Vec::new(),
            org_marks: Vec::new(),
            cells: Vec::new(),
            orgs: Vec::new(),
        })
    };
}

/// Buffers of more tokens than this are freed rather than kept (a huge text should not pin its memory).
const KEEP_TOKENS: usize = 1 << 16;

impl PerText for Layout {
    fn slot(shared: &Shared) -> &OnceLock<Self> {
        &shared.layout
    }
}

impl Layout {
    pub(crate) fn of(text: &str) -> Layout {
        let Spare {
            mut toks,
            mut caps,
            mut nums,
            mut marked,
            mut org_marks,
            mut cells,
            mut orgs,
        } = scratch::take(&SPARE);
        // About one token per four bytes of prose: one allocation instead of a doubling series.
        toks.clear();
        toks.reserve(text.len() / 3 + 8);
        // About one capitalised word per twenty bytes of prose.
        caps.clear();
        caps.reserve(text.len() / 16 + 4);
        nums.clear();
        nums.reserve(text.len() / 16 + 4);
        let lex_any = tokens::tokenize_marked(
            text,
            &mut toks,
            &mut caps,
            &mut nums,
            &mut marked,
            &mut org_marks,
        );
        cells.clear();
        table::cells(text, &mut cells);
        orgs.clear();
        organization::find(text, &toks, &caps, &org_marks, &cells, &mut orgs);
        Layout {
            toks,
            caps,
            nums,
            marked,
            org_marks,
            lex_any,
            cells,
            orgs,
        }
    }
}

impl Drop for Layout {
    fn drop(&mut self) {
        if self.toks.capacity() > KEEP_TOKENS {
            return;
        }
        let spare = Spare {
            toks: std::mem::take(&mut self.toks),
            caps: std::mem::take(&mut self.caps),
            nums: std::mem::take(&mut self.nums),
            marked: std::mem::take(&mut self.marked),
            org_marks: std::mem::take(&mut self.org_marks),
            cells: std::mem::take(&mut self.cells),
            orgs: std::mem::take(&mut self.orgs),
        };
        scratch::put_back(&SPARE, spare);
    }
}

thread_local! {
    /// [`find`]'s output buffer for [`LocationRecognizer::analyze`], kept between texts.
    static FOUND: RefCell<Vec<Found>> = const { RefCell::new(Vec::new()) };
}

/// Finds places in `text` into `found` (cleared first), sorted by start, without overlaps.
fn find(text: &str, layout: &Layout, found: &mut Vec<Found>) {
    found.clear();
    let Layout {
        toks,
        caps,
        nums,
        marked,
        lex_any,
        cells,
        orgs,
        ..
    } = layout;
    address::Grammar::new(text, toks, found).run(caps, nums, marked);
    let p = places::Places {
        text,
        toks,
        caps,
        marked,
        lex_any: *lex_any,
        orgs,
        cells,
    };
    p.table_cells(found);
    p.key_values(found);
    p.cued_words(found);
    p.toponyms(found);
    p.gazetteer(found);
    // Structure and labels win over gazetteer hits they overlap; among equals the longer one wins.
    found.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(b.score.total_cmp(&a.score))
    });
    // In place: the kept results are the first `kept` entries (never ahead of the one read).
    let mut kept: usize = 0;
    for r in 0..found.len() {
        let f = found[r];
        if let Some(last) = kept.checked_sub(1).map(|k| &mut found[k]) {
            if f.start < last.end {
                if f.end > last.end && f.score > last.score {
                    // A better result that sticks out: keep the better one.
                    *last = f;
                } else {
                    last.score = last.score.max(f.score.min(last.score + 0.0));
                }
                continue;
            }
        }
        found[kept] = f;
        kept += 1;
    }
    found.truncate(kept);
}

impl Recognizer for LocationRecognizer {
    fn name(&self) -> &str {
        &self.name
    }

    fn supported_entities(&self) -> &[EntityType] {
        &self.entities
    }

    fn analyze(
        &self,
        text: &str,
        ctx: &RecognizerContext<'_>,
        results: &mut Vec<RecognizerResult>,
    ) -> Result<(), Error> {
        if !ctx.wants(&self.entities[0]) {
            return Ok(());
        }
        let layout = ctx.shared(|| Layout::of(text));
        let mut found = scratch::take(&FOUND);
        find(text, &layout, &mut found);
        for &f in &found {
            results.push(
                RecognizerResult::new(
                    self.entities[0].clone(),
                    f.start,
                    f.end,
                    f.score,
                    self.name.clone(),
                )
                .explained(ctx, f.part.label()),
            );
        }
        if found.capacity() <= KEEP_TOKENS {
            scratch::put_back(&FOUND, found);
        }
        Ok(())
    }
}

/// Catalog entry: on by default, like Presidio's spaCy LOCATION. Addresses in German, French, Spanish,
/// Italian and Dutch layouts are recognised in every listed language.
pub(crate) const SPECS: &[Spec] = &[Spec {
    name: NAME,
    languages: Languages::Only(&["en", "de", "es", "fr", "it", "nl"]),
    enabled_by_default: true,
    build: || Arc::new(location()),
}];
