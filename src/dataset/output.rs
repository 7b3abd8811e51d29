//! [`AtomicFile`]: output that appears under its final name only when complete.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::error::DatasetError;

/// A file written under a temporary name in the target's directory (`.<name>.piiscrub-tmp-<pid>`),
/// flushed, synced and renamed to the target by [`commit`](Self::commit).
///
/// Dropping it without committing removes the temporary file, so an error never leaves a partial
/// output. If the process is killed outright (SIGKILL, power loss) the temporary file may remain, but
/// the target name never holds partial data: it holds its old content, or nothing.
///
/// # Example
///
/// ```
/// use std::io::Write;
/// use piiscrub::dataset::AtomicFile;
///
/// let dir = std::env::temp_dir().join(format!("piiscrub-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let target = dir.join("out.jsonl");
/// let mut file = AtomicFile::create(&target)?;
/// file.write_all(b"{}\n")?;
/// assert!(!target.exists());
/// file.commit()?;
/// assert_eq!(std::fs::read(&target)?, b"{}\n");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file for `target`.
    ///
    /// # Errors
    ///
    /// [`DatasetError::Write`] when the temporary file cannot be created.
    pub fn create(target: &Path) -> Result<AtomicFile, DatasetError> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| DatasetError::Write {
                target: target.display().to_string(),
                source: io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
            })?;
        let temp = target.with_file_name(format!(".{name}.piiscrub-tmp-{}", std::process::id()));
        let file = File::create(&temp).map_err(|source| DatasetError::Write {
            target: target.display().to_string(),
            source,
        })?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp,
            file: Some(BufWriter::with_capacity(256 * 1024, file)),
        })
    }

    /// The final path.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// The temporary path written until [`commit`](Self::commit).
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Flushes and syncs the data, then renames the temporary file to the target (replacing it).
    ///
    /// # Errors
    ///
    /// [`DatasetError::Write`] when flushing, syncing or renaming fails; the temporary file is removed.
    pub fn commit(mut self) -> Result<(), DatasetError> {
        let err = |source| DatasetError::Write {
            target: self.target.display().to_string(),
            source,
        };
        if let Some(file) = self.file.take() {
            let file = file.into_inner().map_err(|e| err(e.into_error()))?;
            file.sync_all().map_err(err)?;
        }
        fs::rename(&self.temp, &self.target).map_err(err)?;
        // Make the rename durable; not every platform can sync a directory.
        if let Some(dir) = self.target.parent() {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
        }
        self.temp = PathBuf::new();
        Ok(())
    }

    fn writer(&mut self) -> io::Result<&mut BufWriter<File>> {
        self.file
            .as_mut()
            .ok_or_else(|| io::Error::other("file already committed"))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer()?.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer()?.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer()?.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.temp.as_os_str().is_empty() {
            self.file.take();
            let _ = fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_without_commit_leaves_nothing() {
        let dir = std::env::temp_dir().join(format!("piiscrub-atomic-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.csv");
        fs::write(&target, b"old").unwrap();
        let mut f = AtomicFile::create(&target).unwrap();
        f.write_all(b"new, partial").unwrap();
        let temp = f.temp_path().to_path_buf();
        assert!(temp.exists());
        drop(f);
        assert!(!temp.exists());
        assert_eq!(fs::read(&target).unwrap(), b"old");
        fs::remove_dir_all(&dir).unwrap();
    }
}
