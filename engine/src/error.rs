//! A broken catalog or catalog override: which file, which entry, which field, and why, with
//! the underlying error (e.g. serde_json's, with its line and column) as its `source()`.
use std::fmt;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct CatalogError {
    /// The file (`rules.json`), or `catalog override`.
    pub file: String,
    /// The entry (`rule \`contact_upload\``), or empty.
    pub entry: String,
    /// The field (`cases[0].when`), or empty.
    pub field: String,
    pub message: String,
    cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl CatalogError {
    pub(crate) fn new(
        file: impl Into<String>,
        entry: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> CatalogError {
        CatalogError {
            file: file.into(),
            entry: entry.into(),
            field: field.into(),
            message: message.into(),
            cause: None,
        }
    }

    /// The same error, caused by `cause`.
    #[cfg(feature = "load")]
    pub(crate) fn caused_by(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> CatalogError {
        self.cause = Some(Arc::new(cause));
        self
    }
}

impl PartialEq for CatalogError {
    fn eq(&self, other: &CatalogError) -> bool {
        (&self.file, &self.entry, &self.field, &self.message)
            == (&other.file, &other.entry, &other.field, &other.message)
    }
}

impl Eq for CatalogError {}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if !self.entry.is_empty() {
            write!(f, ": {}", self.entry)?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for CatalogError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}
