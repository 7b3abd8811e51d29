//! Where scrubbed data goes: a file that appears only when complete, or standard output.

use std::io::{self, BufWriter, StdoutLock, Write};

use piiscrub::dataset::{AtomicFile, DatasetError};

pub enum Output {
    File(AtomicFile),
    Stdout(BufWriter<StdoutLock<'static>>),
}

impl Output {
    /// Moves a file into place, or flushes standard output.
    pub fn finish(self) -> Result<(), DatasetError> {
        match self {
            Output::File(f) => f.commit(),
            Output::Stdout(mut w) => w.flush().map_err(|source| DatasetError::Write {
                target: "<stdout>".into(),
                source,
            }),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::File(f) => f.write(buf),
            Output::Stdout(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::File(f) => f.write_all(buf),
            Output::Stdout(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::File(f) => f.flush(),
            Output::Stdout(w) => w.flush(),
        }
    }
}
