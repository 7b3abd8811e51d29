//! [`Scrubber`]: a compiled [`Policy`], applied to one record at a time.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use super::error::{DatasetError, Problem};
use super::json_scan::{self, Member};
use super::path::{FieldPath, Step, label};
use super::policy::Policy;
use crate::{
    AllowList, AnalyzeOptions, AnalyzerEngine, AnonymizerEngine, DenyListRecognizer, EntityType,
    Operators, RecognizerRegistry,
};

/// A compiled [`Policy`]: the analyzer, anonymizer, field rules and field selection, built once and shared
/// by every worker thread (`Send + Sync`; cloning is an `Arc` increment).
///
/// # Example
///
/// ```
/// use piiscrub::dataset::{Policy, Scrubber};
///
/// let mut policy = Policy::default();
/// policy.fields = Some(vec!["messages[*].content".into()]);
/// let scrubber = Scrubber::new(&policy)?;
/// let record = r#"{"id": 7, "messages": [{"role": "user", "content": "Mail me: jo@example.com"}]}"#;
/// assert_eq!(
///     scrubber.scrub_json_record(record)?,
///     r#"{"id": 7, "messages": [{"role": "user", "content": "Mail me: <EMAIL_ADDRESS>"}]}"#
/// );
/// # Ok::<(), piiscrub::dataset::DatasetError>(())
/// ```
#[derive(Clone)]
pub struct Scrubber {
    inner: Arc<Inner>,
}

struct Inner {
    analyzer: AnalyzerEngine,
    anonymizer: AnonymizerEngine,
    options: AnalyzeOptions,
    rules: Vec<Rule>,
    keep: Option<HashSet<String>>,
    drop: HashSet<String>,
}

/// Which fields a set of operators applies to.
struct Rule {
    path: FieldPath,
    operators: Operators,
    /// Named by the user (reported when it selects nothing).
    named: bool,
}

impl fmt::Debug for Scrubber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scrubber")
            .field(
                "rules",
                &self
                    .inner
                    .rules
                    .iter()
                    .map(|r| r.path.as_str())
                    .collect::<Vec<_>>(),
            )
            .field("keep", &self.inner.keep)
            .field("drop", &self.inner.drop)
            .finish_non_exhaustive()
    }
}

/// Counts gathered while processing records; merged into the [`Report`](super::Report).
#[derive(Default)]
pub(crate) struct Tally {
    /// Field label → entity type → findings.
    pub fields: BTreeMap<String, BTreeMap<String, u64>>,
    pub changed: u64,
    pub problems: BTreeMap<&'static str, u64>,
    /// Per rule: whether it selected a string.
    pub rule_hits: Vec<bool>,
}

/// Called with a rule, a location and the span of a string value it selects.
type SelectedVisitor<'v> = dyn FnMut(usize, &[Step<'_>], Range<usize>) + 'v;

/// Why one record could not be processed.
pub(crate) enum RecordError {
    Problem(Problem),
    Engine { field: String, error: crate::Error },
}

/// One finding of `piiscrub analyze`, serialised as a JSON object.
#[derive(Serialize)]
pub(crate) struct Finding {
    pub field: String,
    pub entity_type: EntityType,
    /// Byte offsets into the field's (unescaped) string value.
    pub start: usize,
    pub end: usize,
    pub score: f64,
    pub recognizer: Arc<str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Per kept column of a CSV file: the rule that scrubs it, if any.
pub(crate) struct CsvPlan {
    pub header_len: usize,
    pub columns: Vec<CsvColumn>,
}

pub(crate) struct CsvColumn {
    pub index: usize,
    pub name: String,
    pub rule: Option<usize>,
}

impl Scrubber {
    /// Compiles `policy`.
    ///
    /// # Errors
    ///
    /// [`DatasetError::Policy`] for an invalid field path, a threshold outside `[0, 1]`, an entity type
    /// the analyzer cannot detect, a language no recognizer supports, an allow-list regex that does not
    /// compile, an empty deny list, or an invalid operator.
    pub fn new(policy: &Policy) -> Result<Scrubber, DatasetError> {
        let language = policy.language.clone().unwrap_or_else(|| "en".into());
        let mut builder = AnalyzerEngine::builder();
        if language != "en" {
            builder.registry(RecognizerRegistry::predefined_for(&[language.as_str()]));
        }
        for (i, deny) in policy.deny_list.iter().enumerate() {
            let what = || format!("deny_list[{i}]");
            let mut r = DenyListRecognizer::new(
                format!("PolicyDenyList{i}"),
                deny.entity.as_str(),
                &deny.values,
            )
            .map_err(|e| DatasetError::policy(what(), e.to_string()))?
            .with_language(language.as_str());
            if let Some(score) = deny.score {
                r = r
                    .with_score(score)
                    .map_err(|e| DatasetError::policy(what(), e.to_string()))?;
            }
            builder.add_recognizer(r);
        }
        let analyzer = if policy.deny_list.is_empty() && language == "en" {
            AnalyzerEngine::new()
        } else {
            builder.build()?
        };

        let supported = analyzer.supported_entities(&language);
        let known_language = crate::recognizers::catalog().any(|spec| {
            matches!(spec.languages, crate::recognizers::Languages::Only(list) if list.contains(&language.as_str()))
        });
        if supported.is_empty() || !known_language {
            return Err(DatasetError::policy(
                "language",
                format!("no recognizer supports {language:?}"),
            ));
        }
        let check_entity = |e: &String| {
            if supported.iter().any(|s| s == e.as_str()) {
                Ok(())
            } else {
                Err(DatasetError::policy(
                    format!("entity type {e:?}"),
                    "the analyzer cannot detect it (see `piiscrub entities`)",
                ))
            }
        };
        let in_range = |what: String, t: f64| {
            if (0.0..=1.0).contains(&t) {
                Ok(())
            } else {
                Err(DatasetError::policy(what, "must be within [0, 1]"))
            }
        };

        let mut options = AnalyzeOptions::default().language(language.as_str());
        if let Some(entities) = &policy.entities {
            entities.iter().try_for_each(check_entity)?;
            // Deny-listed values are always wanted, whatever the entity filter says.
            let deny = policy.deny_list.iter().map(|d| d.entity.as_str());
            options = options.entities(entities.iter().map(String::as_str).chain(deny));
        }
        if let Some(t) = policy.threshold {
            in_range("threshold".into(), t)?;
            options = options.score_threshold(t);
        }
        for (entity, &t) in &policy.entity_thresholds {
            check_entity(entity)?;
            in_range(format!("entity_thresholds.{entity}"), t)?;
            options = options.entity_threshold(entity.as_str(), t);
        }
        if !policy.allow_list.is_empty() || !policy.allow_list_regex.is_empty() {
            let allow = AllowList::new()
                .exact(policy.allow_list.iter().cloned())
                .regexes(&policy.allow_list_regex)
                .map_err(|e| DatasetError::policy("allow_list_regex", e.to_string()))?;
            options = options.allow_list(allow);
        }

        policy
            .operators
            .validate()
            .map_err(|e| DatasetError::policy("operators", e.to_string()))?;
        let mut rules = Vec::new();
        let named: Vec<&String> = match &policy.fields {
            Some(fields) => fields.iter().collect(),
            None => Vec::new(),
        };
        if policy.fields.is_none() {
            rules.push(Rule {
                path: FieldPath::root(),
                operators: policy.operators.clone(),
                named: false,
            });
        }
        for field in named {
            rules.push(Rule {
                path: FieldPath::parse(field)?,
                operators: policy.operators.clone(),
                named: true,
            });
        }
        for (field, ops) in &policy.field_operators {
            ops.validate().map_err(|e| {
                DatasetError::policy(format!("field_operators.{field}"), e.to_string())
            })?;
            let merged = if ops.get(Operators::DEFAULT).is_some() {
                ops.clone()
            } else {
                let mut merged = policy.operators.clone();
                merged.extend(ops.iter().map(|(e, c)| (e.clone(), c.clone())));
                merged
            };
            let path = FieldPath::parse(field)?;
            match rules.iter_mut().find(|r| r.path == path) {
                Some(rule) => rule.operators = merged,
                None => rules.push(Rule {
                    path,
                    operators: merged,
                    named: true,
                }),
            }
        }
        let top_level = |list: &[String], key: &str| -> Result<HashSet<String>, DatasetError> {
            list.iter()
                .map(|f| {
                    FieldPath::parse(f)?
                        .top_level_name()
                        .map(str::to_string)
                        .ok_or_else(|| {
                            DatasetError::policy(
                                format!("{key} {f:?}"),
                                "keep and drop name top-level fields (CSV columns)",
                            )
                        })
                })
                .collect()
        };
        let keep = match &policy.keep {
            Some(list) => Some(top_level(list, "keep")?),
            None => None,
        };
        let drop = top_level(&policy.drop, "drop")?;

        Ok(Scrubber {
            inner: Arc::new(Inner {
                analyzer,
                anonymizer: AnonymizerEngine::new(),
                options,
                rules,
                keep,
                drop,
            }),
        })
    }

    /// Scrubs one JSON object (one JSONL line) with this policy, keeping and dropping fields as
    /// configured. Everything outside the replaced string values is kept byte for byte; an unchanged
    /// record is returned as it was.
    ///
    /// # Errors
    ///
    /// [`DatasetError::Malformed`] (source `<record>`, line 1) when `record` is not a JSON object;
    /// [`DatasetError::Processing`] when the analyzer or anonymizer fails.
    pub fn scrub_json_record(&self, record: &str) -> Result<String, DatasetError> {
        let mut tally = self.tally();
        match self.scrub_json(record.as_bytes(), &mut tally) {
            Ok(Some(out)) => Ok(out),
            Ok(None) => Ok(record.to_string()),
            Err(e) => Err(e.into_error("<record>", 1, 1)),
        }
    }

    /// The entity types this scrubber's analyzer can detect.
    pub fn supported_entities(&self) -> Vec<EntityType> {
        self.inner
            .analyzer
            .supported_entities(self.inner.options.language_or_default())
    }

    pub(crate) fn tally(&self) -> Tally {
        Tally {
            rule_hits: vec![false; self.inner.rules.len()],
            ..Tally::default()
        }
    }

    /// The paths the user named, for rules that selected nothing according to `hits`.
    pub(crate) fn unmatched_rules(&self, hits: &[bool]) -> Vec<String> {
        self.inner
            .rules
            .iter()
            .zip(hits)
            .filter(|(r, hit)| r.named && !**hit)
            .map(|(r, _)| r.path.to_string())
            .collect()
    }

    fn keeps(&self, name: &str) -> bool {
        self.inner.keep.as_ref().is_none_or(|k| k.contains(name)) && !self.inner.drop.contains(name)
    }

    /// The most specific rule selecting `location` (the first of equally specific ones).
    fn rule_for(&self, location: &[Step<'_>]) -> Option<usize> {
        let rules = &self.inner.rules;
        let mut best: Option<usize> = None;
        for (i, r) in rules.iter().enumerate() {
            if r.path.selects(location)
                && best.is_none_or(|b| rules[b].path.specificity() < r.path.specificity())
            {
                best = Some(i);
            }
        }
        best
    }

    /// The new text of one field, or `None` when nothing in it is replaced.
    fn scrub_text(
        &self,
        text: &str,
        rule: usize,
        location: &[Step<'_>],
        tally: &mut Tally,
    ) -> Result<Option<String>, RecordError> {
        tally.rule_hits[rule] = true;
        if text.is_empty() {
            return Ok(None);
        }
        let engine_error = |error| RecordError::Engine {
            field: label(location),
            error,
        };
        let results = self
            .inner
            .analyzer
            .analyze(text, &self.inner.options)
            .map_err(engine_error)?;
        if results.is_empty() {
            return Ok(None);
        }
        let out = self
            .inner
            .anonymizer
            .anonymize(text, &results, &self.inner.rules[rule].operators)
            .map_err(engine_error)?;
        if !out.items.is_empty() {
            let counts = tally.fields.entry(label(location)).or_default();
            for item in &out.items {
                *counts.entry(item.entity_type.to_string()).or_default() += 1;
            }
        }
        Ok((out.text != text).then_some(out.text))
    }

    /// A record's text if it is a JSON object.
    fn check_json(bytes: &[u8]) -> Result<&str, Problem> {
        let text = std::str::from_utf8(bytes).map_err(|_| Problem::InvalidUtf8)?;
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            let reason = e.to_string();
            let reason = reason.split(" at line ").next().unwrap_or("").to_string();
            return Err(Problem::InvalidJson {
                line: e.line(),
                column: e.column(),
                reason,
            });
        }
        if text.trim_start().starts_with('{') {
            Ok(text)
        } else {
            Err(Problem::NotAnObject)
        }
    }

    /// Calls `visit(rule, location, span)` for every string of a kept member that a rule selects.
    fn selected_strings(&self, json: &str, kept: &[&Member<'_>], visit: &mut SelectedVisitor<'_>) {
        for m in kept {
            let mut prefix = vec![Step::Key(&m.key)];
            json_scan::strings(json, m.value.clone(), &mut prefix, &mut |loc, span| {
                if let Some(rule) = self.rule_for(loc) {
                    visit(rule, loc, span);
                }
            });
        }
    }

    /// The scrubbed record, or `None` when it is unchanged.
    pub(crate) fn scrub_json(
        &self,
        bytes: &[u8],
        tally: &mut Tally,
    ) -> Result<Option<String>, RecordError> {
        let json = Self::check_json(bytes).map_err(RecordError::Problem)?;
        let members = json_scan::members(json);
        let mut edits: Vec<(Range<usize>, String)> = Vec::new();
        // Dropped members go with the separator before them (after them, if no kept member precedes).
        let mut kept: Vec<&Member<'_>> = Vec::with_capacity(members.len());
        for (i, m) in members.iter().enumerate() {
            if self.keeps(&m.key) {
                kept.push(m);
            } else if !kept.is_empty() {
                edits.push((members[i - 1].span.end..m.span.end, String::new()));
            } else {
                let end = members.get(i + 1).map_or(m.span.end, |n| n.span.start);
                edits.push((m.span.start..end, String::new()));
            }
        }
        let mut failure = None;
        self.selected_strings(json, &kept, &mut |rule, loc, span| {
            if failure.is_some() {
                return;
            }
            let text = json_scan::decode(json, span.clone());
            match self.scrub_text(&text, rule, loc, tally) {
                Ok(Some(new)) => edits.push((
                    span,
                    serde_json::to_string(&new).unwrap_or_else(|_| String::from("\"\"")),
                )),
                Ok(None) => {}
                Err(e) => failure = Some(e),
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        if edits.is_empty() {
            return Ok(None);
        }
        tally.changed += 1;
        edits.sort_by_key(|(r, _)| r.start);
        let mut out = String::with_capacity(json.len());
        let mut at = 0;
        for (range, new) in &edits {
            out.push_str(&json[at..range.start]);
            out.push_str(new);
            at = range.end;
        }
        out.push_str(&json[at..]);
        Ok(Some(out))
    }

    /// The findings of a JSON record, for `analyze`.
    pub(crate) fn analyze_json(
        &self,
        bytes: &[u8],
        with_text: bool,
        tally: &mut Tally,
    ) -> Result<Vec<Finding>, RecordError> {
        let json = Self::check_json(bytes).map_err(RecordError::Problem)?;
        let members = json_scan::members(json);
        let kept: Vec<&Member<'_>> = members.iter().filter(|m| self.keeps(&m.key)).collect();
        let mut findings = Vec::new();
        let mut failure = None;
        self.selected_strings(json, &kept, &mut |rule, loc, span| {
            if failure.is_none() {
                let text = json_scan::decode(json, span);
                if let Err(e) = self.findings(&text, rule, loc, with_text, tally, &mut findings) {
                    failure = Some(e);
                }
            }
        });
        match failure {
            Some(e) => Err(e),
            None => Ok(findings),
        }
    }

    fn findings(
        &self,
        text: &str,
        rule: usize,
        location: &[Step<'_>],
        with_text: bool,
        tally: &mut Tally,
        out: &mut Vec<Finding>,
    ) -> Result<(), RecordError> {
        tally.rule_hits[rule] = true;
        let results = self
            .inner
            .analyzer
            .analyze(text, &self.inner.options)
            .map_err(|error| RecordError::Engine {
                field: label(location),
                error,
            })?;
        if results.is_empty() {
            return Ok(());
        }
        let field = label(location);
        let counts = tally.fields.entry(field.clone()).or_default();
        for r in results {
            *counts.entry(r.entity_type.to_string()).or_default() += 1;
            out.push(Finding {
                field: field.clone(),
                text: with_text.then(|| text[r.start..r.end].to_string()),
                entity_type: r.entity_type,
                start: r.start,
                end: r.end,
                score: r.score,
                recognizer: r.recognizer,
            });
        }
        Ok(())
    }

    /// Which CSV columns are written and which rule scrubs each.
    ///
    /// # Errors
    ///
    /// [`DatasetError::Policy`] when a field, `keep` or `drop` names a column the header does not have.
    pub(crate) fn csv_plan(&self, header: &[String]) -> Result<CsvPlan, DatasetError> {
        let has = |name: &str| header.iter().any(|h| h == name);
        let missing = |what: &str, name: &str| {
            DatasetError::policy(
                format!("{what} {name:?}"),
                "no such column in the CSV header",
            )
        };
        for rule in self.inner.rules.iter().filter(|r| r.named) {
            match rule.path.top_level_name() {
                Some(name) if has(name) => {}
                Some(name) => return Err(missing("field", name)),
                None if rule.path.as_str() == "*" => {}
                None => {
                    return Err(DatasetError::policy(
                        format!("field {:?}", rule.path.as_str()),
                        "CSV fields are column names",
                    ));
                }
            }
        }
        for name in self.inner.keep.iter().flatten().chain(&self.inner.drop) {
            if !has(name) {
                return Err(missing("keep/drop", name));
            }
        }
        let columns = header
            .iter()
            .enumerate()
            .filter(|(_, name)| self.keeps(name))
            .map(|(index, name)| CsvColumn {
                index,
                name: name.clone(),
                rule: self.rule_for(&[Step::Key(name)]),
            })
            .collect();
        Ok(CsvPlan {
            header_len: header.len(),
            columns,
        })
    }

    /// The kept cells of a CSV row, scrubbed; `changed` tells whether any cell changed or was dropped.
    pub(crate) fn scrub_csv_row(
        &self,
        plan: &CsvPlan,
        row: &csv::ByteRecord,
        tally: &mut Tally,
    ) -> Result<Vec<String>, RecordError> {
        let cells = Self::check_csv_row(plan, row)?;
        let mut out = Vec::with_capacity(plan.columns.len());
        let mut changed = plan.columns.len() != cells.len();
        for col in &plan.columns {
            let cell = cells[col.index];
            let new = match col.rule {
                Some(rule) => self.scrub_text(cell, rule, &[Step::Key(&col.name)], tally)?,
                None => None,
            };
            changed |= new.is_some();
            out.push(new.unwrap_or_else(|| cell.to_string()));
        }
        tally.changed += u64::from(changed);
        Ok(out)
    }

    /// The findings of a CSV row, for `analyze`.
    pub(crate) fn analyze_csv_row(
        &self,
        plan: &CsvPlan,
        row: &csv::ByteRecord,
        with_text: bool,
        tally: &mut Tally,
    ) -> Result<Vec<Finding>, RecordError> {
        let cells = Self::check_csv_row(plan, row)?;
        let mut findings = Vec::new();
        for col in &plan.columns {
            if let Some(rule) = col.rule {
                let loc = [Step::Key(&col.name)];
                self.findings(
                    cells[col.index],
                    rule,
                    &loc,
                    with_text,
                    tally,
                    &mut findings,
                )?;
            }
        }
        Ok(findings)
    }

    fn check_csv_row<'r>(
        plan: &CsvPlan,
        row: &'r csv::ByteRecord,
    ) -> Result<Vec<&'r str>, RecordError> {
        if row.len() != plan.header_len {
            return Err(RecordError::Problem(Problem::ColumnCount {
                expected: plan.header_len,
                found: row.len(),
            }));
        }
        row.iter()
            .map(|cell| {
                std::str::from_utf8(cell).map_err(|_| RecordError::Problem(Problem::InvalidUtf8))
            })
            .collect()
    }
}

impl RecordError {
    pub(crate) fn into_error(self, source_name: &str, line: u64, record: u64) -> DatasetError {
        match self {
            RecordError::Problem(problem) => DatasetError::Malformed {
                source_name: source_name.to_string(),
                line,
                record,
                problem,
            },
            RecordError::Engine { field, error } => DatasetError::Processing {
                source_name: source_name.to_string(),
                line,
                record,
                field,
                error: Box::new(error),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrubber(toml: &str) -> Scrubber {
        Scrubber::new(&Policy::from_toml(toml).unwrap()).unwrap()
    }

    #[test]
    fn unchanged_records_and_other_bytes_stay_verbatim() {
        let s = scrubber("");
        let rec = r#"{"n": 1.0e5, "big": 123456789012345678901234567890, "t": "caf\u00e9 ok"}"#;
        assert_eq!(s.scrub_json_record(rec).unwrap(), rec);
        let rec = r#"{ "n" : 1.0 , "t":"mail jo@example.com","esc":"\u00e9"}"#;
        assert_eq!(
            s.scrub_json_record(rec).unwrap(),
            r#"{ "n" : 1.0 , "t":"mail <EMAIL_ADDRESS>","esc":"\u00e9"}"#
        );
    }

    #[test]
    fn keep_and_drop_remove_members_with_their_separators() {
        let rec = r#"{"a": "x", "b": "y", "c": "z"}"#;
        let cases = [
            ("drop = [\"a\"]", r#"{"b": "y", "c": "z"}"#),
            ("drop = [\"b\"]", r#"{"a": "x", "c": "z"}"#),
            ("drop = [\"c\"]", r#"{"a": "x", "b": "y"}"#),
            ("drop = [\"a\", \"b\"]", r#"{"c": "z"}"#),
            ("keep = [\"b\"]", r#"{"b": "y"}"#),
            ("keep = []", r#"{}"#),
            ("keep = [\"a\", \"c\"]\ndrop = [\"c\"]", r#"{"a": "x"}"#),
        ];
        for (policy, want) in cases {
            assert_eq!(
                scrubber(policy).scrub_json_record(rec).unwrap(),
                want,
                "{policy}"
            );
        }
    }

    #[test]
    fn field_rules_choose_operators() {
        let s = scrubber(
            r#"
            fields = ["a"]
            [operators]
            EMAIL_ADDRESS = { type = "redact" }
            [field_operators."b[*]"]
            EMAIL_ADDRESS = { type = "replace", new_value = "<MAIL>" }
            "#,
        );
        let rec = r#"{"a": "jo@example.com", "b": ["jo@example.com"], "c": "jo@example.com"}"#;
        assert_eq!(
            s.scrub_json_record(rec).unwrap(),
            r#"{"a": "", "b": ["<MAIL>"], "c": "jo@example.com"}"#
        );
    }

    #[test]
    fn deny_lists_report_their_entity_whatever_the_entity_filter() {
        let s = scrubber(
            r#"
            entities = ["EMAIL_ADDRESS"]
            [[deny_list]]
            entity = "PROJECT"
            values = ["Bluebird"]
            "#,
        );
        assert_eq!(
            s.scrub_json_record(r#"{"a": "Project bluebird for jo@example.com"}"#)
                .unwrap(),
            r#"{"a": "Project <PROJECT> for <EMAIL_ADDRESS>"}"#
        );
    }

    #[test]
    fn malformed_records_are_typed() {
        let s = scrubber("");
        let mut t = s.tally();
        let problem = |bytes: &[u8], t: &mut Tally| match s.scrub_json(bytes, t) {
            Err(RecordError::Problem(p)) => p,
            _ => panic!("expected a problem"),
        };
        assert_eq!(problem(b"{\"a\": \xff}", &mut t), Problem::InvalidUtf8);
        assert_eq!(problem(b"[1]", &mut t), Problem::NotAnObject);
        assert!(matches!(
            problem(b"{\"a\": tru}", &mut t),
            Problem::InvalidJson { line: 1, .. }
        ));
    }

    #[test]
    fn policy_errors() {
        let bad = |toml: &str| Scrubber::new(&Policy::from_toml(toml).unwrap()).unwrap_err();
        assert!(bad("entities = [\"EMAIL\"]").to_string().contains("EMAIL"));
        assert!(bad("threshold = 1.5").to_string().contains("threshold"));
        assert!(bad("fields = [\"a[\"]").to_string().contains("field path"));
        assert!(bad("keep = [\"a.b\"]").to_string().contains("top-level"));
        assert!(bad("language = \"xx\"").to_string().contains("language"));
    }

    #[test]
    fn scrubber_is_send_sync() {
        fn check<T: Send + Sync + Clone + 'static>() {}
        check::<Scrubber>();
    }
}
