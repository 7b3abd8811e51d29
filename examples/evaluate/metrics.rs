//! The metrics of `eval_spans.py`, number for number.
//!
//! Definitions (see the corpus README, "Evaluation"):
//! - overlap + same type: a gold span is *found* when a prediction of its type shares a byte with it (recall);
//!   a prediction is *correct* when it shares a byte with a gold span of its type (precision);
//! - exact: identical `(start, end, type)`, counted as a multiset intersection;
//! - byte recall: gold bytes inside the union of predictions, whatever their type.
//!
//! Overlap queries go through [`crate::intervals::Index`] instead of Python's all-pairs loops; results,
//! orderings and tie-breaks are the Python ones.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::input::{Doc, Span};
use crate::intervals::{Index, by_type, covered, merge, total};

/// An ordered JSON object: `(key, value)` pairs serialized in this order.
#[derive(Debug, Default)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Precision, recall, F1 and F2 of one cell. `tp` counts found gold spans, `tp_pred` correct predictions.
#[derive(Debug, Serialize, Clone)]
pub struct Prf {
    pub gold: usize,
    pub pred: usize,
    pub tp: usize,
    pub tp_pred: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    pub f2: Option<f64>,
}

pub fn prf(tp: usize, gold: usize, pred: usize, tp_pred: usize) -> Prf {
    let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    let (precision, recall) = (ratio(tp_pred, pred), ratio(tp, gold));
    // Same expression order as Python, so the last bit agrees too.
    let (f1, f2) = match (precision, recall) {
        (None, None) => (None, None),
        (Some(p), Some(r)) if p != 0.0 && r != 0.0 => (
            Some(2.0 * p * r / (p + r)),
            Some(5.0 * p * r / (4.0 * p + r)),
        ),
        _ => (Some(0.0), Some(0.0)),
    };
    Prf {
        gold,
        pred,
        tp,
        tp_pred,
        precision,
        recall,
        f1,
        f2,
    }
}

#[derive(Debug, Serialize)]
pub struct Table {
    pub per_type: Ordered<Prf>,
    pub overall: Prf,
    pub macro_f1: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct TypeBytes {
    pub bytes: usize,
    pub covered: usize,
    pub recall: Option<f64>,
    pub spans: usize,
    pub fully_covered: usize,
    pub fully_covered_rate: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ByteStats {
    pub pii_bytes: usize,
    pub covered_bytes: usize,
    pub recall: Option<f64>,
    pub per_type: Ordered<TypeBytes>,
    pub non_pii_bytes: usize,
    pub non_pii_bytes_predicted: usize,
    pub non_pii_predicted_rate: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct NegStat {
    pub total: usize,
    pub hit: usize,
}

#[derive(Debug, Serialize)]
pub struct Confusion {
    pub gold: String,
    pub pred: String,
    pub count: usize,
}

#[derive(Debug, Serialize)]
pub struct StyleStats {
    #[serde(flatten)]
    pub prf: Prf,
    pub records: usize,
    pub byte_recall: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct Miss {
    pub id: String,
    pub entity_type: String,
    pub start: usize,
    pub end: usize,
    pub covered: f64,
    pub overlapping_pred_types: Vec<String>,
    pub context: String,
}

#[derive(Debug, Serialize)]
pub struct FalsePositive {
    pub id: String,
    pub entity_type: String,
    pub start: usize,
    pub end: usize,
    pub overlapping_gold_types: Vec<String>,
    pub distractor: Vec<String>,
    pub context: String,
}

/// Everything `eval_spans.py --json` writes, in its key order.
#[derive(Debug, Serialize)]
pub struct Results {
    pub records: usize,
    pub gold_spans: usize,
    pub pred_spans: usize,
    pub overlap: Table,
    pub exact: Table,
    #[serde(rename = "char")]
    pub bytes: ByteStats,
    pub negatives: Ordered<NegStat>,
    pub confusions: Vec<Confusion>,
    pub by_style: Ordered<StyleStats>,
    pub worst_misses: Vec<Miss>,
    pub worst_false_positives: Vec<FalsePositive>,
    pub total_misses: usize,
    pub total_false_positives: usize,
    pub prediction_offsets: String,
    /// Not in `eval_spans.py`: timing of the analyzer run, present only when this example ran it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analysis: Option<crate::Analysis>,
}

/// Python's `round(x, 3)`: correctly rounded to 3 decimals (ties to even), back to the nearest double.
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

/// The `context` of a worst-list entry, exactly as `eval_spans.py` builds it: up to 28 characters either
/// side, decoded from a 56-byte window with undecodable bytes dropped.
pub fn snippet(text: &str, s: usize, e: usize) -> String {
    const WIDTH: usize = 28;
    let raw = text.as_bytes();
    let mut a = s.saturating_sub(WIDTH * 2);
    while a < s && raw[a] & 0xC0 == 0x80 {
        a += 1; // continuation bytes of a character cut by the window
    }
    let left = &text[a..s];
    let n_left = left.chars().count();
    let left: String = left.chars().skip(n_left.saturating_sub(WIDTH)).collect();
    let window = &raw[e..raw.len().min(e + WIDTH * 2)];
    let right = match std::str::from_utf8(window) {
        Ok(r) => r,
        Err(err) => &text[e..e + err.valid_up_to()],
    };
    let right: String = right.chars().take(WIDTH).collect();
    let val = &text[s..e];
    let val = if val.chars().count() > 70 {
        val.chars().take(67).collect::<String>() + "..."
    } else {
        val.to_string()
    };
    format!("{left}[{val}]{right}")
        .replace('\n', "⏎")
        .replace('\t', "⇥")
}

fn round_robin<T>(mut lists: Vec<(String, Vec<T>)>, limit: usize) -> Vec<T> {
    lists.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let mut iters: Vec<_> = lists.into_iter().map(|(_, v)| v.into_iter()).collect();
    let mut out = Vec::new();
    while out.len() < limit {
        let before = out.len();
        for it in &mut iters {
            if out.len() >= limit {
                break;
            }
            out.extend(it.next());
        }
        if out.len() == before {
            break;
        }
    }
    out
}

/// A counter that remembers first-insertion order (Python's `Counter`), for `most_common` tie-breaks.
#[derive(Default)]
struct InsertionCounter {
    pos: HashMap<(String, String), usize>,
    items: Vec<((String, String), usize)>,
}

impl InsertionCounter {
    fn add(&mut self, key: (String, String)) {
        let len = self.items.len();
        let i = *self.pos.entry(key.clone()).or_insert(len);
        if i == len {
            self.items.push((key, 0));
        }
        self.items[i].1 += 1;
    }

    fn most_common(mut self, n: usize) -> Vec<((String, String), usize)> {
        self.items.sort_by_key(|item| Reverse(item.1)); // stable, like heapq.nlargest
        self.items.truncate(n);
        self.items
    }
}

#[derive(Default)]
struct GroupAcc {
    records: usize,
    gold: usize,
    pred: usize,
    tp: usize,
    tp_pred: usize,
    pii_bytes: usize,
    covered: usize,
}

#[derive(Default)]
struct TypeAcc {
    n_gold: usize,
    n_pred: usize,
    tp_overlap: usize,
    tp_pred_overlap: usize,
    tp_exact: usize,
    bytes: usize,
    covered: usize,
    spans: usize,
    full: usize,
    misses: Vec<Miss>,
    fps: Vec<FalsePositive>,
}

fn sorted_set<'a>(it: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let set: BTreeSet<&str> = it.into_iter().collect();
    set.into_iter().map(String::from).collect()
}

/// Scores `preds` (one list per doc, byte offsets, already filtered) against `docs`.
pub fn evaluate(docs: &[Doc], preds: &[Vec<Span>], top: usize) -> Results {
    let mut ty: HashMap<String, TypeAcc> = HashMap::new();
    let mut negs: BTreeMap<String, NegStat> = BTreeMap::new();
    let mut confusions = InsertionCounter::default();
    let mut groups: BTreeMap<String, GroupAcc> = BTreeMap::new();
    let (mut pii_bytes, mut cov_bytes, mut total_bytes, mut fp_bytes) = (0, 0, 0, 0);

    for (doc, pred) in docs.iter().zip(preds) {
        let gold = &doc.gold;
        total_bytes += doc.text.len();
        for g in gold {
            ty.entry(g.2.clone()).or_default().n_gold += 1;
        }
        for p in pred {
            ty.entry(p.2.clone()).or_default().n_pred += 1;
        }
        // exact: multiset intersection
        let mut gold_count: HashMap<&Span, usize> = HashMap::new();
        for g in gold {
            *gold_count.entry(g).or_default() += 1;
        }
        let mut pred_count: HashMap<&Span, usize> = HashMap::new();
        for p in pred {
            *pred_count.entry(p).or_default() += 1;
        }
        for (sp, k) in pred_count {
            let both = k.min(gold_count.get(sp).copied().unwrap_or(0));
            if both > 0 {
                ty.get_mut(&sp.2).expect("counted above").tp_exact += both;
            }
        }
        // overlap + same type
        let pred_ix = by_type(pred);
        let gold_ix = by_type(gold);
        let hit = |ix: &HashMap<&str, Index>, sp: &Span| {
            ix.get(sp.2.as_str()).is_some_and(|i| i.any(sp.0, sp.1))
        };
        let found: Vec<bool> = gold.iter().map(|g| hit(&pred_ix, g)).collect();
        let correct: Vec<bool> = pred.iter().map(|p| hit(&gold_ix, p)).collect();
        for (g, _) in gold.iter().zip(&found).filter(|x| *x.1) {
            ty.get_mut(&g.2).expect("counted above").tp_overlap += 1;
        }
        for (p, _) in pred.iter().zip(&correct).filter(|x| *x.1) {
            ty.get_mut(&p.2).expect("counted above").tp_pred_overlap += 1;
        }
        // byte coverage, type-agnostic
        let pm = merge(pred);
        let gm = merge(gold);
        let doc_pii = total(&gm);
        let doc_cov: usize = gm.iter().map(|&(s, e)| covered(s, e, &pm)).sum();
        pii_bytes += doc_pii;
        cov_bytes += doc_cov;
        if let Some(name) = &doc.group {
            let g = groups.entry(name.clone()).or_default();
            g.records += 1;
            g.gold += gold.len();
            g.pred += pred.len();
            g.tp += found.iter().filter(|f| **f).count();
            g.tp_pred += correct.iter().filter(|c| **c).count();
            g.pii_bytes += doc_pii;
            g.covered += doc_cov;
        }
        fp_bytes += total(&pm) - pm.iter().map(|&(s, e)| covered(s, e, &gm)).sum::<usize>();

        let all_pred = Index::new(pred.iter().enumerate());
        let all_gold = Index::new(gold.iter().enumerate());
        let all_neg = Index::new(doc.negatives.iter().enumerate());
        for (i, (s, e, t)) in gold.iter().enumerate() {
            let c = covered(*s, *e, &pm);
            let acc = ty.get_mut(t).expect("counted above");
            acc.bytes += e - s;
            acc.covered += c;
            acc.spans += 1;
            acc.full += usize::from(c == e - s);
            if !found[i] {
                let mut over = Vec::new();
                all_pred.each(*s, *e, |j| over.push(pred[j].2.as_str()));
                let others = sorted_set(over);
                for ot in &others {
                    confusions.add((t.clone(), ot.clone()));
                }
                acc.misses.push(Miss {
                    id: doc.id.clone(),
                    entity_type: t.clone(),
                    start: *s,
                    end: *e,
                    covered: round3(c as f64 / (e - s) as f64),
                    overlapping_pred_types: others,
                    context: snippet(&doc.text, *s, *e),
                });
            }
        }
        for (j, (s, e, t)) in pred.iter().enumerate() {
            if correct[j] {
                continue;
            }
            let mut gts = Vec::new();
            all_gold.each(*s, *e, |i| gts.push(gold[i].2.as_str()));
            let mut hits = Vec::new();
            all_neg.each(*s, *e, |i| hits.push(doc.negatives[i].2.as_str()));
            ty.get_mut(t)
                .expect("counted above")
                .fps
                .push(FalsePositive {
                    id: doc.id.clone(),
                    entity_type: t.clone(),
                    start: *s,
                    end: *e,
                    overlapping_gold_types: sorted_set(gts),
                    distractor: sorted_set(hits),
                    context: snippet(&doc.text, *s, *e),
                });
        }
        for (ns, ne, k) in &doc.negatives {
            let stat = negs
                .entry(k.clone())
                .or_insert(NegStat { total: 0, hit: 0 });
            stat.total += 1;
            stat.hit += usize::from(all_pred.any(*ns, *ne));
        }
    }

    let mut types: Vec<String> = ty.keys().cloned().collect();
    types.sort_by(|a, b| {
        let (x, y) = (&ty[a], &ty[b]);
        (Reverse(x.n_gold), Reverse(x.n_pred), a).cmp(&(Reverse(y.n_gold), Reverse(y.n_pred), b))
    });
    let table = |tp: fn(&TypeAcc) -> usize, tp_pred: fn(&TypeAcc) -> usize| {
        let per: Vec<(String, Prf)> = types
            .iter()
            .map(|t| {
                let a = &ty[t];
                (t.clone(), prf(tp(a), a.n_gold, a.n_pred, tp_pred(a)))
            })
            .collect();
        let sum = |f: &dyn Fn(&TypeAcc) -> usize| ty.values().map(f).sum::<usize>();
        let overall = prf(
            sum(&tp),
            sum(&|a| a.n_gold),
            sum(&|a| a.n_pred),
            sum(&tp_pred),
        );
        // Python's sum() over floats: plain left-to-right addition (3.11).
        let f1s: Vec<f64> = per
            .iter()
            .filter(|(t, _)| ty[t].n_gold > 0)
            .map(|(_, m)| m.f1.unwrap_or(0.0))
            .collect();
        let macro_f1 =
            (!f1s.is_empty()).then(|| f1s.iter().fold(0.0, |acc, x| acc + x) / f1s.len() as f64);
        Table {
            per_type: Ordered(per),
            overall,
            macro_f1,
        }
    };
    let overlap = table(|a| a.tp_overlap, |a| a.tp_pred_overlap);
    let exact = table(|a| a.tp_exact, |a| a.tp_exact);

    let ratio = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    let per_type_bytes = types
        .iter()
        .filter(|t| ty[*t].spans > 0)
        .map(|t| {
            let a = &ty[t];
            let stats = TypeBytes {
                bytes: a.bytes,
                covered: a.covered,
                recall: ratio(a.covered, a.bytes),
                spans: a.spans,
                fully_covered: a.full,
                fully_covered_rate: ratio(a.full, a.spans),
            };
            (t.clone(), stats)
        })
        .collect();
    let non_pii = total_bytes - pii_bytes;
    let bytes = ByteStats {
        pii_bytes,
        covered_bytes: cov_bytes,
        recall: ratio(cov_bytes, pii_bytes),
        per_type: Ordered(per_type_bytes),
        non_pii_bytes: non_pii,
        non_pii_bytes_predicted: fp_bytes,
        non_pii_predicted_rate: ratio(fp_bytes, non_pii),
    };
    let by_style = groups
        .into_iter()
        .map(|(k, g)| {
            let stats = StyleStats {
                prf: prf(g.tp, g.gold, g.pred, g.tp_pred),
                records: g.records,
                byte_recall: ratio(g.covered, g.pii_bytes),
            };
            (k, stats)
        })
        .collect();

    let (gold_spans, pred_spans) = ty
        .values()
        .fold((0, 0), |(g, p), a| (g + a.n_gold, p + a.n_pred));
    let mut misses = Vec::new();
    let mut fps = Vec::new();
    for (t, acc) in ty {
        let mut m = acc.misses;
        m.sort_by(|a, b| {
            a.covered
                .total_cmp(&b.covered)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
        });
        misses.push((t.clone(), m));
        let mut f = acc.fps;
        f.sort_by_key(|f| {
            (
                !f.overlapping_gold_types.is_empty(),
                f.distractor.is_empty(),
                Reverse(f.end - f.start),
            )
        });
        fps.push((t, f));
    }
    misses.retain(|m| !m.1.is_empty());
    fps.retain(|f| !f.1.is_empty());
    let total_misses = misses.iter().map(|m| m.1.len()).sum();
    let total_false_positives = fps.iter().map(|f| f.1.len()).sum();
    Results {
        records: docs.len(),
        gold_spans,
        pred_spans,
        overlap,
        exact,
        bytes,
        negatives: Ordered(negs.into_iter().collect()),
        confusions: confusions
            .most_common(15)
            .into_iter()
            .map(|((gold, pred), count)| Confusion { gold, pred, count })
            .collect(),
        by_style: Ordered(by_style),
        worst_misses: round_robin(misses, top),
        worst_false_positives: round_robin(fps, top),
        total_misses,
        total_false_positives,
        prediction_offsets: String::new(),
        analysis: None,
    }
}
