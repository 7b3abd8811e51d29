//! JSON array input, split element by element without parsing the whole document: each element's bytes
//! are found by tracking strings and brackets, and the bytes between elements are kept for the writer.

use std::io::{BufRead, BufReader, Read};

use super::error::DatasetError;
use super::source::{Body, Counted, Item, RawRecord, ReadItems, read_error};

#[derive(Clone, Copy, PartialEq)]
enum State {
    Start,
    First,
    Next,
    Done,
}

pub(crate) struct ArrayReader<R> {
    input: BufReader<Counted<R>>,
    source_name: String,
    limit: u64,
    line: u64,
    records: u64,
    state: State,
}

impl<R: Read> ArrayReader<R> {
    pub fn new(input: Counted<R>, source_name: &str, limit: u64) -> Self {
        ArrayReader {
            input: BufReader::with_capacity(64 * 1024, input),
            source_name: source_name.to_string(),
            limit,
            line: 1,
            records: 0,
            state: State::Start,
        }
    }

    fn structure(&self, reason: &'static str) -> DatasetError {
        DatasetError::Structure {
            source_name: self.source_name.clone(),
            line: self.line,
            reason,
        }
    }

    fn peek(&mut self) -> Result<Option<u8>, DatasetError> {
        match self.input.fill_buf() {
            Ok(buf) => Ok(buf.first().copied()),
            Err(e) => Err(read_error(&self.source_name, self.line, self.limit, e)),
        }
    }

    /// Moves the next byte (which `peek` returned) into `out`.
    fn bump(&mut self, byte: u8, out: &mut Vec<u8>) {
        self.input.consume(1);
        if byte == b'\n' {
            self.line += 1;
        }
        out.push(byte);
    }

    fn whitespace(&mut self, out: &mut Vec<u8>) -> Result<Option<u8>, DatasetError> {
        loop {
            match self.peek()? {
                Some(b @ (b' ' | b'\t' | b'\n' | b'\r')) => self.bump(b, out),
                other => return Ok(other),
            }
        }
    }

    fn unclosed(&self) -> DatasetError {
        self.structure("unexpected end of input: the JSON array is not closed")
    }

    /// The rest of the input after the closing `]`, which may only be whitespace.
    fn tail(&mut self, mut out: Vec<u8>) -> Result<Option<Item>, DatasetError> {
        self.bump(b']', &mut out);
        if self.whitespace(&mut out)?.is_some() {
            return Err(self.structure("text after the end of the JSON array"));
        }
        self.state = State::Done;
        Ok(Some(Item::Passthrough(out)))
    }

    /// One element's bytes.
    fn element(&mut self) -> Result<Vec<u8>, DatasetError> {
        let mut out = Vec::new();
        let mut stack: Vec<u8> = Vec::new();
        let mut in_string = false;
        let mut escaped = false;
        loop {
            if out.len() as u64 > self.limit {
                return Err(DatasetError::RecordTooLarge {
                    source_name: self.source_name.clone(),
                    line: self.line,
                    limit: self.limit,
                });
            }
            let Some(b) = self.peek()? else {
                if stack.is_empty() && !in_string && !out.is_empty() {
                    return Ok(out);
                }
                return Err(self.unclosed());
            };
            if in_string {
                self.bump(b, &mut out);
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                    if stack.is_empty() {
                        return Ok(out);
                    }
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' => stack.push(b'}'),
                b'[' => stack.push(b']'),
                b'}' | b']' if stack.is_empty() => {
                    if out.is_empty() {
                        return Err(self.structure("expected a value in the JSON array"));
                    }
                    return Ok(out);
                }
                b'}' | b']' => {
                    if stack.pop() != Some(b) {
                        return Err(self.structure("mismatched bracket in a JSON array element"));
                    }
                    if stack.is_empty() {
                        self.bump(b, &mut out);
                        return Ok(out);
                    }
                }
                b',' | b' ' | b'\t' | b'\n' | b'\r' if stack.is_empty() => {
                    if out.is_empty() {
                        return Err(self.structure("expected a value in the JSON array"));
                    }
                    return Ok(out);
                }
                _ => {}
            }
            self.bump(b, &mut out);
        }
    }
}

impl<R: Read + Send> ReadItems for ArrayReader<R> {
    fn next_item(&mut self) -> Result<Option<Item>, DatasetError> {
        let mut lead = Vec::new();
        match self.state {
            State::Done => return Ok(None),
            State::Start => {
                if self.peek()? == Some(0xEF) {
                    // A UTF-8 byte-order mark.
                    for _ in 0..3 {
                        let b = self.peek()?.ok_or_else(|| self.unclosed())?;
                        self.bump(b, &mut lead);
                    }
                }
                match self.whitespace(&mut lead)? {
                    Some(b'[') => self.bump(b'[', &mut lead),
                    None => return Err(self.structure("empty input: expected a JSON array")),
                    Some(_) => return Err(self.structure("not a JSON array: expected `[`")),
                }
                match self.whitespace(&mut lead)? {
                    Some(b']') => return self.tail(lead),
                    None => return Err(self.unclosed()),
                    Some(_) => {
                        self.state = State::First;
                        return Ok(Some(Item::Passthrough(lead)));
                    }
                }
            }
            State::First => self.state = State::Next,
            State::Next => match self.whitespace(&mut lead)? {
                Some(b']') => return self.tail(lead),
                Some(b',') => {
                    self.bump(b',', &mut lead);
                    match self.whitespace(&mut lead)? {
                        Some(b']') => {
                            return Err(self.structure("trailing comma before `]`"));
                        }
                        None => return Err(self.unclosed()),
                        Some(_) => {}
                    }
                }
                None => return Err(self.unclosed()),
                Some(_) => {
                    return Err(self.structure("expected `,` or `]` after an array element"));
                }
            },
        }
        let line = self.line;
        let bytes = self.element()?;
        self.input.get_mut().mark();
        self.records += 1;
        Ok(Some(Item::Record(RawRecord {
            line,
            number: self.records,
            body: Body::Json {
                lead,
                bytes,
                end: Vec::new(),
            },
        })))
    }

    fn bytes_read(&self) -> u64 {
        self.input.get_ref().total()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &'static str) -> Result<Vec<String>, String> {
        let mut r = ArrayReader::new(Counted::new(input.as_bytes(), 1 << 20), "a.json", 1 << 20);
        let mut out = Vec::new();
        loop {
            match r.next_item() {
                Ok(None) => return Ok(out),
                Ok(Some(Item::Passthrough(b))) => out.push(String::from_utf8(b).unwrap()),
                Ok(Some(Item::Record(RawRecord {
                    line,
                    body: Body::Json { lead, bytes, .. },
                    ..
                }))) => out.push(format!(
                    "{}|{}@{line}",
                    String::from_utf8(lead).unwrap(),
                    String::from_utf8(bytes).unwrap()
                )),
                Ok(Some(Item::Record(_))) => unreachable!(),
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    #[test]
    fn splits_elements_and_keeps_separators() {
        assert_eq!(
            split(" [\n {\"a\": \"]}\\\"\"},\n  {\"b\": [1, {}]} , 3 ,\"s\"\n]\n").unwrap(),
            [
                " [\n ",
                "|{\"a\": \"]}\\\"\"}@2",
                ",\n  |{\"b\": [1, {}]}@3",
                " , |3@3",
                " ,|\"s\"@3",
                "\n]\n"
            ]
        );
        assert_eq!(split("[]").unwrap(), ["[]"]);
        assert_eq!(split(" [ ] ").unwrap(), [" [ ] "]);
    }

    #[test]
    fn structural_errors_name_the_line() {
        let err = |s| split(s).unwrap_err();
        assert_eq!(err(""), "a.json:1: empty input: expected a JSON array");
        assert_eq!(err("{}"), "a.json:1: not a JSON array: expected `[`");
        assert_eq!(
            err("[{},\n{}"),
            "a.json:2: unexpected end of input: the JSON array is not closed"
        );
        assert_eq!(err("[{}, ]"), "a.json:1: trailing comma before `]`");
        assert_eq!(
            err("[{} {}]"),
            "a.json:1: expected `,` or `]` after an array element"
        );
        assert_eq!(
            err("[{\"a\": [}]"),
            "a.json:1: mismatched bracket in a JSON array element"
        );
        assert_eq!(
            err("[{}] x"),
            "a.json:1: text after the end of the JSON array"
        );
        assert_eq!(
            err("[1,,2]"),
            "a.json:1: expected a value in the JSON array"
        );
        assert_eq!(
            err("[\"abc"),
            "a.json:1: unexpected end of input: the JSON array is not closed"
        );
    }
}
